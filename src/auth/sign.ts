import {
  canonicalPath,
  canonicalQueryString,
  formatSdkDate,
  joinCanonicalRequest,
  SIGNING_ALGORITHM,
  stringToSign,
  withTrailingSlash,
} from "./canonical.js";
import { hmacSha256Hex, sha256Hex } from "#digest";
import { EMPTY_SHA256, type Digest } from "./digest/types.js";

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
 * The headers signed, in the order the canonical request lists them (sorted by name). `host` and `x-sdk-date`
 * are always there; the others are signed when the request carries them. A fixed list rather than "every
 * header": fetch implementations and proxies add or rewrite others (user-agent, accept-encoding, connection),
 * and a signed header that changes in transit breaks the signature. The official SDKs sign `X-Security-Token`
 * and `X-Project-Id` too. Being fixed and sorted, the list needs no sorting per request.
 */
const SIGNED_HEADERS = ["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"] as const;

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
export function signRequest(request: Request, credentials: AkSkCredentials, options?: SignOptions): Promise<Request> {
  return signWith(digest, request, credentials, options, false);
}

/** The digest module the resolver picked for this runtime (named imports: a bundle needs no namespace object). */
const digest: Digest = { sha256Hex, hmacSha256Hex };

export type Signer = typeof signRequest;

/** {@link signRequest} with a given digest module: the tests run both modules through it. */
export function createSigner(digest: Digest): Signer {
  return (request, credentials, options) => signWith(digest, request, credentials, options, false);
}

/**
 * {@link signRequest} for a caller that hands the request over and uses only the result (the client's auth
 * hook, whose request is built afresh for every attempt): its body is read directly instead of through a
 * clone, and when neither the URL nor the body needs replacing, the signature headers are set on the request
 * itself and it is returned, so no second Request is built.
 */
export function signOwnedRequest(request: Request, credentials: AkSkCredentials): Promise<Request> {
  return signWith(digest, request, credentials, undefined, true);
}

async function signWith(
  digest: Digest,
  request: Request,
  credentials: AkSkCredentials,
  options: SignOptions = {},
  owned: boolean,
): Promise<Request> {
  checkCredentials(credentials);
  const sdkDate = formatSdkDate(options.date ?? new Date());

  const url = new URL(request.url);
  // Each computed once: the same strings are signed and put on the wire.
  const path = canonicalPath(url.pathname);
  const query = canonicalQueryString(url.searchParams);
  const search = query === "" ? "" : `?${query}`;
  // (An empty "?" reads as no query here; assigning drops it from the new Request's URL.)
  const sameUrl = path === url.pathname && search === url.search;
  if (!sameUrl || !owned) {
    url.pathname = path;
    url.search = search;
  }

  // Read the body once, as bytes: these exact bytes are hashed and sent.
  const body = request.body === null ? null : new Uint8Array(await (owned ? request : request.clone()).arrayBuffer());

  const headers = owned ? request.headers : new Headers(request.headers);
  headers.set("X-Sdk-Date", sdkDate);
  if (credentials.securityToken !== undefined) headers.set("X-Security-Token", credentials.securityToken);

  let canonicalHeaders = "";
  let signedHeaders = "";
  for (const name of SIGNED_HEADERS) {
    const value = name === "host" ? url.host : headers.get(name);
    if (value === null) continue;
    canonicalHeaders += `${name}:${value.trim()}\n`;
    signedHeaders += signedHeaders === "" ? name : `;${name}`;
  }

  const payloadHash = body === null || body.byteLength === 0 ? EMPTY_SHA256 : await digest.sha256Hex(body);
  const canonical = joinCanonicalRequest(request.method, withTrailingSlash(path), query, canonicalHeaders, signedHeaders, payloadHash);
  const signature = await digest.hmacSha256Hex(credentials.sk, stringToSign(sdkDate, await digest.sha256Hex(canonical)));
  headers.set("Authorization", `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`);

  if (owned && sameUrl && body === null) return request;
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
