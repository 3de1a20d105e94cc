import {
  canonicalPath,
  canonicalRawQuery,
  formatSdkTime,
  joinCanonicalRequest,
  SIGNING_ALGORITHM,
  stringToSign,
  withTrailingSlash,
} from "./canonical.js";
import { hmacSha256Hex, sha256Hex } from "#digest";
import { EMPTY_SHA256, type Digest } from "./digest/types.js";
import { urlParts } from "./url-parts.js";

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
 * The headers signed, in the order the canonical request lists them (sorted by name): `content-type`, `host`,
 * `x-project-id`, `x-sdk-date`, `x-security-token`. `host` and `x-sdk-date` are always there; the others are
 * signed when the request carries them. A fixed list rather than "every header": fetch implementations and
 * proxies add or rewrite others (user-agent, accept-encoding, connection), and a signed header that changes in
 * transit breaks the signature. The official SDKs sign `X-Security-Token` and `X-Project-Id` too. Being fixed
 * and sorted, the list is written out where the canonical headers are built: no sorting or lower-casing per
 * request. These are their values as the request carries them.
 */
interface SignedHeaderValues {
  "content-type"?: string | undefined;
  "x-project-id"?: string | undefined;
  "x-security-token"?: string | undefined;
}

/** A request as its parts: what {@link signHeaders} signs (the shape the official SDKs' signers work on). */
export interface RequestToSign {
  /** The HTTP method as sent (upper case for the standard methods). */
  readonly method: string;
  /** The absolute URL. Its path and query are signed in canonical form (see {@link signHeaders}). */
  readonly url: string | URL;
  /** The request's headers; `Content-Type` and `X-Project-Id` are signed when present. */
  readonly headers?: Headers | Readonly<Record<string, string>> | undefined;
  /** The exact body sent; a string is hashed as its UTF-8 bytes (what fetch sends for a string body). */
  readonly body?: string | Uint8Array | null | undefined;
}

/** The headers a signature adds to a request. */
export interface SignatureHeaders {
  readonly "X-Sdk-Date": string;
  readonly Authorization: string;
  /** Present when the credentials carry a security token (temporary AK/SK). */
  readonly "X-Security-Token"?: string;
}

/**
 * Signs a request given as parts with SDK-HMAC-SHA256 (Huawei Cloud API Gateway AK/SK signing) and returns the
 * headers to add to it: `X-Sdk-Date`, `Authorization` and, for temporary credentials, `X-Security-Token`.
 * Nothing is read from a stream and no Request is built, so it suits any HTTP client.
 *
 * The signature covers the canonical form of the URL — each path segment and each query name and value decoded
 * and re-encoded (RFC 3986), the parameters sorted — which is what the gateway recomputes from whatever spelling
 * it receives; `+` in the query means a space (as in URLSearchParams, node:querystring and Go's url.ParseQuery),
 * a literal plus is `%2B`. `Host` is the URL's host (with the port when it is not the default), as fetch sends
 * it. Errors name the offending field, never a credential's value.
 */
export function signHeaders(
  request: RequestToSign,
  credentials: AkSkCredentials,
  options?: SignOptions,
): Promise<SignatureHeaders> {
  return signPartsWith(digest, request, credentials, options);
}

/**
 * Signs a request (see {@link signHeaders}) and returns a new Request carrying the signature, ready for any
 * fetch; the input is left usable (its body is read through a clone). What is sent is exactly what was signed:
 * the body bytes hashed are the bytes given to the new Request, and its URL is the canonical form signed (path
 * segments re-encoded, the query sorted and encoded, a `+` sent as `%20`), so a server that recomputes the
 * canonical request from the raw request line gets the same string.
 */
export function signRequest(request: Request, credentials: AkSkCredentials, options?: SignOptions): Promise<Request> {
  return signRequestWith(digest, request, credentials, options?.date);
}

/** The digest module the resolver picked for this runtime (named imports: a bundle needs no namespace object). */
const digest: Digest = { sha256Hex, hmacSha256Hex };

export type Signer = typeof signRequest;
export type HeaderSigner = typeof signHeaders;

/** {@link signRequest} with a given digest module: the tests run both modules through it. */
export function createSigner(digest: Digest): Signer {
  return (request, credentials, options) => signRequestWith(digest, request, credentials, options?.date);
}

/** {@link signHeaders} with a given digest module: the tests run both modules through it. */
export function createHeaderSigner(digest: Digest): HeaderSigner {
  return (request, credentials, options) => signPartsWith(digest, request, credentials, options);
}

async function signPartsWith(
  digest: Digest,
  request: RequestToSign,
  credentials: AkSkCredentials,
  options: SignOptions = {},
): Promise<SignatureHeaders> {
  checkCredentials(credentials);
  const url = urlParts(request.url);
  const path = canonicalPath(url.path);
  const query = canonicalRawQuery(url.query);
  const headers = headerValues(request.headers);
  const body = request.body ?? null;
  return signature(digest, request.method, url.host, path, query, headers, body, credentials, options.date);
}

/**
 * Signs a request built from a body the caller still holds as a string (`body`, exactly the request's body;
 * undefined when it has none): the client's auth step, whose request openapi-fetch builds afresh for every
 * attempt from the body serialized once. Nothing is read from the request's body stream. When its URL is
 * already canonical — the client's serializers write it so — the headers are set on the request itself and it
 * is returned; otherwise one new Request carries the canonical URL, so what is sent is what was signed.
 */
export function signBuiltRequest(
  request: Request,
  body: string | undefined,
  credentials: AkSkCredentials,
): Promise<Request> {
  return signRequestWith(digest, request, credentials, undefined, body ?? null);
}

/**
 * The client's signing step: a request whose body string the client holds (serialized once by the build step)
 * is signed from it in place; without that string (the raw client's middleware), a request with a body is
 * signed through a copy.
 */
export function signOutgoing(
  request: Request,
  body: string | undefined,
  credentials: AkSkCredentials,
): Promise<Request> {
  return body === undefined && request.body !== null
    ? signRequest(request, credentials)
    : signBuiltRequest(request, body, credentials);
}

/** signRequest, or with `built` (the body string, or null for none) signBuiltRequest. */
async function signRequestWith(
  digest: Digest,
  request: Request,
  credentials: AkSkCredentials,
  date: Date | undefined,
  built?: string | null,
): Promise<Request> {
  checkCredentials(credentials);
  const href = request.url;
  const parts = urlParts(href);
  const path = canonicalPath(parts.path);
  const query = canonicalRawQuery(parts.query);
  // The body once, as bytes (read through a clone, leaving the input usable) unless the caller holds it: these
  // exact bytes are hashed and sent.
  const body =
    built !== undefined ? built : request.body === null ? null : new Uint8Array(await request.clone().arrayBuffer());
  // The signed headers as the request carries them: what is sent is what is signed.
  const signed = await signature(
    digest,
    request.method,
    parts.host,
    path,
    query,
    headerValues(request.headers),
    body,
    credentials,
    date,
  );
  const inPlace = built !== undefined && path === parts.path && query === parts.query;
  const headers = inPlace ? request.headers : new Headers(request.headers);
  headers.set("X-Sdk-Date", signed["X-Sdk-Date"]);
  headers.set("Authorization", signed.Authorization);
  if (signed["X-Security-Token"] !== undefined) headers.set("X-Security-Token", signed["X-Security-Token"]);
  if (inPlace) return request;
  const url = new URL(href);
  url.pathname = path;
  // (An empty "?" reads as no query here; assigning drops it from the new Request's URL.)
  url.search = query;
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

/** The signature headers for a request whose path and query are already in canonical form. */
async function signature(
  digest: Digest,
  method: string,
  host: string,
  path: string,
  query: string,
  headers: SignedHeaderValues,
  body: string | Uint8Array | null,
  credentials: AkSkCredentials,
  date: Date | undefined,
): Promise<SignatureHeaders> {
  const sdkDate = formatSdkTime(date === undefined ? Date.now() : date.getTime());
  const contentType = headers["content-type"];
  const projectId = headers["x-project-id"];
  const token = credentials.securityToken ?? headers["x-security-token"];
  // The signed headers in their sorted order (see SignedHeaderValues); a URL's host has no spaces to trim.
  let canonicalHeaders = contentType === undefined ? "" : `content-type:${contentType.trim()}\n`;
  canonicalHeaders += `host:${host}\n`;
  if (projectId !== undefined) canonicalHeaders += `x-project-id:${projectId.trim()}\n`;
  canonicalHeaders += `x-sdk-date:${sdkDate}\n`;
  if (token !== undefined) canonicalHeaders += `x-security-token:${token.trim()}\n`;
  const signedHeaders =
    (contentType === undefined ? "host" : "content-type;host") +
    (projectId === undefined ? ";x-sdk-date" : ";x-project-id;x-sdk-date") +
    (token === undefined ? "" : ";x-security-token");
  // Each digest awaited only when it is a promise (Web Crypto): an await of a string still costs a promise and a
  // turn of the microtask queue, and node:crypto answers at once.
  let payloadHash = body === null || body.length === 0 ? EMPTY_SHA256 : digest.sha256Hex(body);
  if (typeof payloadHash !== "string") payloadHash = await payloadHash;
  const uri = withTrailingSlash(path);
  let hash = digest.sha256Hex(joinCanonicalRequest(method, uri, query, canonicalHeaders, signedHeaders, payloadHash));
  if (typeof hash !== "string") hash = await hash;
  let signature = digest.hmacSha256Hex(credentials.sk, stringToSign(sdkDate, hash));
  if (typeof signature !== "string") signature = await signature;
  const authorization = `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return credentials.securityToken === undefined
    ? { "X-Sdk-Date": sdkDate, Authorization: authorization }
    : { "X-Sdk-Date": sdkDate, Authorization: authorization, "X-Security-Token": credentials.securityToken };
}

/** The values of the signed headers a Headers object or a plain record (names in any case) carries. */
function headerValues(headers: RequestToSign["headers"]): SignedHeaderValues {
  if (headers === undefined) return {};
  // Not `instanceof Headers`: on Node that would load the fetch implementation for a caller that has none.
  if (typeof headers.get === "function") {
    const fetchHeaders = headers as Headers;
    return {
      "content-type": fetchHeaders.get("content-type") ?? undefined,
      "x-project-id": fetchHeaders.get("x-project-id") ?? undefined,
      "x-security-token": fetchHeaders.get("x-security-token") ?? undefined,
    };
  }
  // One pass over the record; of a name given twice in different cases, the first one counts.
  const values: Record<string, string> = {};
  for (const key in headers) {
    const name = key.toLowerCase();
    if (SIGNED_NAMES.has(name) && !(name in values)) values[name] = (headers as Record<string, string>)[key]!;
  }
  return values;
}

const SIGNED_NAMES: ReadonlySet<string> = new Set(["content-type", "x-project-id", "x-security-token"]);

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
