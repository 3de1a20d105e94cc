/**
 * Header values checked before they reach `Headers.set`, which throws a TypeError quoting the whole value
 * (`Headers.set: "<token>\r\n" is an invalid header value`) — a message that would carry a token into logs.
 * Callers name the field and, for secrets, never the value.
 */

// Field-value characters fetch accepts: no NUL, CR or LF, and bytes only (a code point above U+00FF is not a byte).
const INVALID = /[\0\r\n\u0100-\uffff]/;

/** Why `value` cannot be sent as a header value, in words; undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
  if (!INVALID.test(value)) return undefined;
  return "no CR, LF or NUL, and no character above U+00FF";
}
