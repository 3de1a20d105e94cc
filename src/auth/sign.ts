import {
  canonicalPath,
  canonicalQueryString,
  canonicalRequest,
  formatSdkDate,
  signedHeaderNames,
  SIGNING_ALGORITHM,
  stringToSign,
  type QueryParam,
} from "./canonical.js";
import { hmacSha256Hex, sha256Hex } from "./digest.js";

export { canonicalRequest, formatSdkDate, stringToSign, type CanonicalRequestParts } from "./canonical.js";

/** An access key pair; `securityToken` comes with a temporary AK/SK and is sent as `X-Security-Token`. */
export interface AkSkCredentials {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken?: string | undefined;
}

export interface SignOptions {
  /** The signing time (X-Sdk-Date); defaults to now. The gateway rejects a date more than 15 minutes off. */
  readonly date?: Date | undefined;
}

/**
 * Headers signed when the request carries them, besides `host` and `x-sdk-date` which are always signed.
 * A fixed list rather than "every header": fetch implementations and proxies add or rewrite others
 * (user-agent, accept-encoding, connection), and a signed header that changes in transit breaks the signature.
 * The official SDKs sign `X-Security-Token` and `X-Project-Id` too.
 */
const SIGNED_IF_PRESENT = ["content-type", "x-project-id", "x-security-token"] as const;

/**
 * Signs a request with SDK-HMAC-SHA256 (Huawei Cloud API Gateway AK/SK signing) and returns a new Request,
 * ready for any fetch. The input is left usable (its body is read through a clone).
 *
 * What is sent is exactly what was signed:
 * - the body bytes hashed are the bytes given to the new Request;
 * - the URL's path segments are re-encoded with the RFC 3986 rules used for signing, and its query is
 *   replaced by the canonical query string (encoded, sorted by name and then value), so a server that
 *   recomputes the canonical request from the raw request line gets the same string;
 * - a `+` in the incoming query means a space, as in URLSearchParams and in node:querystring (the official
 *   Node.js SDK's serializer) and Go's url.ParseQuery; on the wire it becomes `%20`. A literal plus must
 *   arrive as `%2B` (which is what URLSearchParams and encodeRfc3986 produce) and is sent as `%2B`.
 * - `Host` is the URL's host (with the port when it is not the default), as fetch will send it.
 *
 * Errors name the offending field, never a credential's value.
 */
export async function signRequest(request: Request, credentials: AkSkCredentials, options: SignOptions = {}): Promise<Request> {
  checkCredentials(credentials);
  const sdkDate = formatSdkDate(options.date ?? new Date());

  const url = new URL(request.url);
  const query: QueryParam[] = [...url.searchParams];
  url.pathname = canonicalPath(url.pathname);
  url.search = canonicalQueryString(query);

  // Read the body once, as bytes: these exact bytes are hashed and sent.
  const body = request.body === null ? null : new Uint8Array(await request.clone().arrayBuffer());

  const headers = new Headers(request.headers);
  headers.set("X-Sdk-Date", sdkDate);
  if (credentials.securityToken !== undefined) headers.set("X-Security-Token", credentials.securityToken);

  const signed: Record<string, string> = { host: url.host, "x-sdk-date": sdkDate };
  for (const name of SIGNED_IF_PRESENT) {
    const value = headers.get(name);
    if (value !== null) signed[name] = value;
  }

  const canonical = canonicalRequest({
    method: request.method,
    path: url.pathname,
    query,
    headers: signed,
    payloadHash: await sha256Hex(body ?? new Uint8Array()),
  });
  const signature = await hmacSha256Hex(credentials.sk, stringToSign(sdkDate, await sha256Hex(canonical)));
  headers.set(
    "Authorization",
    `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaderNames(signed)}, Signature=${signature}`,
  );

  return new Request(url, {
    method: request.method,
    headers,
    body,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
    cache: request.cache,
    keepalive: request.keepalive,
    integrity: request.integrity,
    referrerPolicy: request.referrerPolicy,
  });
}

// An AK is a printable token; a comma or space in it would corrupt the Authorization header's fields.
const VALID_AK = /^[\x21-\x2b\x2d-\x7e]+$/;
// A header value fetch accepts unchanged: no control characters besides tab, nothing above U+00FF, no
// surrounding whitespace (fetch would trim it). Checked here so fetch's own error, which may quote the
// value, never sees a bad token.
const VALID_TOKEN = /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/;

function checkCredentials(credentials: AkSkCredentials): void {
  if (typeof credentials !== "object" || credentials === null) throw new TypeError("credentials: expected { ak, sk }");
  const { ak, sk, securityToken } = credentials;
  if (typeof ak !== "string" || !VALID_AK.test(ak)) {
    throw new TypeError("credentials.ak: expected a non-empty string of printable ASCII without spaces or commas");
  }
  if (typeof sk !== "string" || sk === "") throw new TypeError("credentials.sk: expected a non-empty string");
  if (securityToken !== undefined && (typeof securityToken !== "string" || !VALID_TOKEN.test(securityToken))) {
    throw new TypeError("credentials.securityToken: expected a non-empty string that is a valid header value");
  }
}
