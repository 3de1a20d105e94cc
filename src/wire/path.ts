import { defaultPathSerializer } from "openapi-fetch";

/**
 * openapi-fetch's path serializer, with lone surrogates in string values written as U+FFFD first, as the query
 * serializer, TextEncoder and URL write them: openapi-fetch encodes path values with encodeURIComponent, which
 * throws a bare URIError on one. Both openapi-fetch clients of a service client (the methods' and `raw`) use it,
 * so a path value is sent the same way by either.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  let wellFormed: Record<string, unknown> | undefined;
  for (const name in params) {
    const value = params[name];
    // Most values have none: the params are passed on as they are, not copied.
    if (typeof value === "string" && LONE_SURROGATE.test(value))
      (wellFormed ??= { ...params })[name] = value.replace(LONE_SURROGATE_ALL, "\uFFFD");
  }
  return defaultPathSerializer(pathname, wellFormed ?? params);
}

// With the `u` flag a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATE_ALL = /\p{Cs}/gu;
