/** The parts of an absolute URL a signature covers, as the URL parser gives them. */
export interface UrlParts {
  /** `url.host`: the host, with the port when it is not the scheme's default. */
  readonly host: string;
  /** `url.pathname`. */
  readonly path: string;
  /** `url.search` without its `?` (empty for none, and for a bare `?`). */
  readonly query: string;
}

/**
 * The host, path and raw query of an absolute URL, exactly as `new URL(url)` reads them. A URL already spelled
 * the way the parser writes it — what the client builds, what `Request.url` returns for a plain path — is split
 * without running the parser (a few µs a request, a third of a signature); any other spelling goes through it.
 */
export function urlParts(url: string | URL): UrlParts {
  if (typeof url === "string") {
    const parts = normalUrlParts(url);
    if (parts !== undefined) return parts;
    url = new URL(url);
  }
  return { host: url.host, path: url.pathname, query: url.search.slice(1) };
}

/**
 * The parts of an http(s) URL whose every part the parser would leave as it is, else undefined. Deliberately
 * narrow; each rule keeps out something the parser rewrites:
 * - the scheme in lower case; no user info, no fragment (`@`, `#`);
 * - a host of lower-case letters, digits and `-` in non-empty dot-separated labels, the last starting with a
 *   letter (a last label that is a number makes the host an IPv4 address, which the parser rewrites: `0x7f.1`),
 *   no `xn--` label (punycode, which the parser validates);
 * - a port without a leading zero that is not the scheme's default (the parser drops those);
 * - a path of unreserved characters and `/` (nothing to percent-encode), without `.` or `..` segments;
 * - a query of characters the parser leaves as they are (no space, quotes, `<`, `>`, non-ASCII).
 */
function normalUrlParts(url: string): UrlParts | undefined {
  if (!NORMAL_URL.test(url)) return undefined;
  // Split by position (the pattern says where each part is), without the pattern's match array and groups.
  const hostStart = url.indexOf("//") + 2;
  const queryStart = url.indexOf("?");
  const end = queryStart < 0 ? url.length : queryStart;
  const slash = url.indexOf("/", hostStart);
  const pathStart = slash < 0 || slash > end ? end : slash;
  const host = url.slice(hostStart, pathStart);
  const path = pathStart === end ? "/" : url.slice(pathStart, end);
  if (host.includes("xn--") || DOT_SEGMENT.test(path)) return undefined;
  const colon = host.indexOf(":");
  if (colon >= 0) {
    const port = host.slice(colon + 1);
    const defaultPort = url.startsWith("https:") ? "443" : "80";
    if (port.startsWith("0") || Number(port) > 65535 || port === defaultPort) return undefined;
  }
  return { host, path, query: queryStart < 0 ? "" : url.slice(queryStart + 1) };
}

const NORMAL_URL =
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?::[0-9]{1,5})?(?:\/[A-Za-z0-9\-._~/]*)?(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
