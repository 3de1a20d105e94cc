import { encodeRfc3986, percentDecode } from "../wire/encode.js";

// The pure string steps of SDK-HMAC-SHA256 (signing guide §1–§2), kept apart from Request handling and
// crypto so each step can be checked against the guide's worked example.

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** A query parameter, decoded: name and value as the API sees them. */
export type QueryParam = readonly [name: string, value: string];

export interface CanonicalRequestParts {
  /** HTTP method, as sent (upper case for the standard methods). */
  readonly method: string;
  /** Absolute path as it appears in a URL (percent-encoded or not); it is decoded and re-encoded here. */
  readonly path: string;
  /** Decoded query parameters, in any order. */
  readonly query: Iterable<QueryParam>;
  /** The headers to sign, names in any case; values are trimmed. */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case hex SHA-256 of the exact body bytes. */
  readonly payloadHash: string;
}

/**
 * The path with every segment decoded and re-encoded with {@link encodeRfc3986}, so that any spelling of
 * the same path gives the same result. This is the form put on the wire; the canonical URI adds a `/`.
 * An encoded slash (`%2F`) stays inside its segment.
 */
export function canonicalPath(path: string): string {
  // Unreserved characters and slashes only (ids, names): nothing to decode or encode.
  if (PLAIN_PATH.test(path)) return path;
  return path
    .split("/")
    .map((segment) => encodeRfc3986(percentDecode(segment)))
    .join("/");
}

const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;

/** The canonical URI: {@link canonicalPath} ending with `/` (for signing only; the request need not). */
export function canonicalUri(path: string): string {
  return withTrailingSlash(canonicalPath(path));
}

/** A path already in {@link canonicalPath} form, as the canonical URI. */
export function withTrailingSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * `name=value` pairs, RFC 3986-encoded, joined with `&`, sorted by name and then by value (so repeated names
 * sort their values too). A parameter without a value is written `name=`.
 *
 * Sorting compares the decoded strings by UTF-16 code units, as Huawei's official Node.js signer does
 * (`Object.keys(...).sort()`, `values.sort()`); its Go signer sorts the same decoded strings by UTF-8 bytes,
 * which only differs when one string has a character above U+FFFF where the other has one in U+E000–U+FFFF.
 */
export function canonicalQueryString(query: Iterable<QueryParam>): string {
  return joinQuery([...query].sort(byNameThenValue), false);
}

/**
 * The canonical query string of a URL's raw query (without `?`): {@link canonicalQueryString} of
 * {@link parseQuery}, doing only the work the query needs. Parameters already in order (the client's serializer
 * writes them so) are not sorted, and a query of unreserved characters, `=` and `&` only is neither decoded nor
 * re-encoded: its names and values are spelled as they read.
 */
export function canonicalRawQuery(raw: string): string {
  if (raw === "" || isCanonicalPlainQuery(raw)) return raw;
  const params = parseQuery(raw);
  if (!inOrder(params)) params.sort(byNameThenValue);
  return joinQuery(params, PLAIN_QUERY.test(raw));
}

const PLAIN_QUERY = /^[A-Za-z0-9\-._~=&]*$/;

/**
 * Whether a query of unreserved characters, `=` and `&` is canonical as it is: each pair `name=value` with one
 * `=` (none missing, none empty), in order. Checked in place, comparing the pairs where they are in the string.
 */
function isCanonicalPlainQuery(raw: string): boolean {
  if (!PLAIN_QUERY.test(raw)) return false;
  let previousStart = -1;
  let previousEq = -1;
  let previousEnd = -1;
  for (let start = 0; start <= raw.length;) {
    const amp = raw.indexOf("&", start);
    const end = amp < 0 ? raw.length : amp;
    const eq = raw.indexOf("=", start);
    if (eq < 0 || eq >= end || raw.lastIndexOf("=", end - 1) !== eq) return false;
    if (
      previousStart >= 0 &&
      (compareRanges(raw, previousStart, previousEq, start, eq) ||
        compareRanges(raw, previousEq + 1, previousEnd, eq + 1, end)) > 0
    )
      return false;
    previousStart = start;
    previousEq = eq;
    previousEnd = end;
    start = end + 1;
  }
  return true;
}

/** {@link compare} for `text.slice(aStart, aEnd)` and `text.slice(bStart, bEnd)`, without slicing. */
function compareRanges(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  for (let a = aStart, b = bStart; ; a++, b++) {
    if (a === aEnd) return b === bEnd ? 0 : -1;
    if (b === bEnd) return 1;
    const difference = text.charCodeAt(a) - text.charCodeAt(b);
    if (difference !== 0) return difference;
  }
}

/**
 * Sorted parameters as `name=value` joined with `&`, RFC 3986-encoded — unless `plain` says they hold only
 * unreserved characters and `=`: then only a value's `=` (a name has none) needs encoding.
 */
function joinQuery(params: readonly QueryParam[], plain: boolean): string {
  let out = "";
  for (const [name, value] of params) {
    // (Every pair writes its "=", so a non-empty `out` means a pair before this one.)
    if (out !== "") out += "&";
    out += plain && !value.includes("=") ? `${name}=${value}` : `${encodeRfc3986(name)}=${encodeRfc3986(value)}`;
  }
  return out;
}

function inOrder(params: readonly QueryParam[]): boolean {
  for (let i = 1; i < params.length; i++) if (byNameThenValue(params[i - 1]!, params[i]!) > 0) return false;
  return true;
}

function byNameThenValue([nameA, valueA]: QueryParam, [nameB, valueB]: QueryParam): number {
  return compare(nameA, nameB) || compare(valueA, valueB);
}

/**
 * A raw query string (without `?`) as decoded parameters, parsed as URLSearchParams parses it
 * (application/x-www-form-urlencoded): pairs split at `&` (empty ones skipped) and at the first `=`, a `+` read
 * as a space, escapes decoded as UTF-8. Done here rather than through `url.searchParams`, which costs a
 * URLSearchParams object and its own parser per request.
 */
export function parseQuery(raw: string): QueryParam[] {
  const params: QueryParam[] = [];
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    params.push(eq < 0 ? [formDecode(pair), ""] : [formDecode(pair.slice(0, eq)), formDecode(pair.slice(eq + 1))]);
  }
  return params;
}

function formDecode(value: string): string {
  return percentDecode(value.includes("+") ? value.replace(/\+/g, " ") : value);
}

/** Lower-case header names, sorted and joined with `;` — the SignedHeaders list. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string {
  return sortedHeaders(headers)
    .map(([name]) => name)
    .join(";");
}

/** The canonical request (guide §1): six parts joined with `\n`; the headers block ends with its own `\n`. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const canonicalHeaders = sortedHeaders(parts.headers)
    .map(([name, value]) => `${name}:${value}\n`)
    .join("");
  return joinCanonicalRequest(
    parts.method,
    canonicalUri(parts.path),
    canonicalQueryString(parts.query),
    canonicalHeaders,
    signedHeaderNames(parts.headers),
    parts.payloadHash,
  );
}

/**
 * The canonical request from its six parts, each already in canonical form (`canonicalHeaders` being the
 * `name:value\n` lines): what {@link canonicalRequest} builds, for a caller that has the parts at hand.
 */
export function joinCanonicalRequest(
  method: string,
  uri: string,
  query: string,
  canonicalHeaders: string,
  signedHeaders: string,
  payloadHash: string,
): string {
  return `${method}\n${uri}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

/** The string to sign (guide §2): algorithm, the X-Sdk-Date value, the hex SHA-256 of the canonical request. */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;
}

/** `YYYYMMDDTHHMMSSZ` in UTC, the X-Sdk-Date format; milliseconds are dropped. */
export function formatSdkDate(date: Date): string {
  return formatSdkTime(date.getTime());
}

/** {@link formatSdkDate} of a time in milliseconds. The last second formatted is kept: most signatures share it. */
export function formatSdkTime(time: number): string {
  const second = Math.floor(time / 1000);
  if (second === lastSecond) return lastFormatted;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  // toISOString() throws on an invalid date and writes years outside 0–9999 with six digits and a sign.
  if (Number.isNaN(time) || year < 0 || year > 9999)
    throw new RangeError("signing date: expected a valid date in years 0000-9999");
  lastFormatted = date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  lastSecond = second;
  return lastFormatted;
}

let lastSecond = NaN;
let lastFormatted = "";

function sortedHeaders(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers)
    .map(([name, value]): [string, string] => [name.toLowerCase(), value.trim()])
    .sort(([a], [b]) => compare(a, b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
