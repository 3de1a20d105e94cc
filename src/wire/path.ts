import { defaultPathSerializer } from "openapi-fetch";

/**
 * openapi-fetch's path serializer, with lone surrogates in string values written as U+FFFD first, as the query
 * serializer, TextEncoder and URL write them: openapi-fetch encodes path values with encodeURIComponent, which
 * throws a bare URIError on one. Both openapi-fetch clients of a service client (the methods' and `raw`) use it,
 * so a path value is sent the same way by either.
 *
 * A value that would make its segment "", "." or ".." is refused (a TypeError naming the parameter): URL
 * resolves those segments away (`/repos/..` is sent as `/`, `/repos/` names the collection), so the request
 * would go to another operation's path — and no encoding helps, as URL also reads %2e as a dot. The methods
 * refuse such values when validating; this is what holds `raw` to the operation's path.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  let wellFormed: Record<string, unknown> | undefined;
  for (const name in params) {
    const value = params[name];
    // Most values have none: the params are passed on as they are, not copied.
    if (typeof value === "string" && LONE_SURROGATE.test(value))
      (wellFormed ??= { ...params })[name] = value.replace(LONE_SURROGATE_ALL, "\uFFFD");
  }
  const path = defaultPathSerializer(pathname, wellFormed ?? params);
  // Values are encoded with encodeURIComponent ("/" as %2F), so the path has the template's segments.
  if (DOT_OR_EMPTY_SEGMENT.test(path)) checkSegments(pathname, path);
  return path;
}

// With the `u` flag a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATE_ALL = /\p{Cs}/gu;
// A cheap first look: only a path with one of these can have a segment URL would resolve away.
const DOT_OR_EMPTY_SEGMENT = /\/(\.\.?)?(\/|$)/;

function checkSegments(pathname: string, path: string): void {
  const template = pathname.split("/");
  const sent = path.split("/");
  for (const [index, segment] of template.entries()) {
    const written = sent[index];
    if (!segment.includes("{") || (written !== "" && written !== "." && written !== "..")) continue;
    const names = segment.match(/\{[^{}]+\}/g)!.map((placeholder) => placeholder.replace(/^\{[.;]?|\*?\}$/g, ""));
    throw new TypeError(
      `path parameter ${names.join(", ")} of ${pathname}: expected a path segment other than "", "." and ".."`,
    );
  }
}
