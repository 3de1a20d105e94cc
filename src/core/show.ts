/**
 * Values and server text as error messages show them: bounded, so a 10 MB string or a huge header cannot make
 * a 10 MB message, and exact, so `NaN`, `Infinity`, `-0` and `50n` read as what they are (JSON would print
 * `null`, `null`, `0` and throw).
 */

/** The longest value or server text a message quotes; the rest is cut and marked with how much was cut. */
export const MAX_SHOWN = 100;

/**
 * Cuts `text` to `max` characters, saying how many were left out, and writes its control characters (and any
 * surrogate without its other half) as escapes (`\n`, `\u001b`, `\ud800`): server text (an `error_msg`, a body)
 * quoted in a message must not break it into lines that a log reads as entries of their own, nor send a terminal
 * escape sequences.
 */
export function cut(text: string, max: number = MAX_SHOWN): string {
  return escapeControls(shorten(text, max));
}

/** `text` cut as {@link cut} cuts it, in double quotes with JSON's escapes. */
export function quote(text: string, max: number = MAX_SHOWN): string {
  // JSON escapes C0 controls itself; DEL, C1 and the separators it leaves as they are.
  return escapeControls(JSON.stringify(shorten(text, max)));
}

/** Cuts `text` to `max` characters (whole code points), saying how many were left out. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // Do not split a surrogate pair: the half would print as U+FFFD.
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: matching them is the point. Also a
// surrogate without its other half (a JSON body's "\ud800"): left raw, the message is not well-formed text, and
// written out as UTF-8 it becomes U+FFFD; JSON.stringify (quote) escapes it so, and so does cut.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeControls(text: string): string {
  return text.replace(
    CONTROL,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A call argument in a message: strings quoted, numbers and bigints as written in code, objects as JSON. */
export function showValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "nothing";
    case "symbol":
    case "function":
      return cut(String(value));
    default:
      return cut(safeJson(value) ?? Object.prototype.toString.call(value));
  }
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_, inner: unknown) => {
      if (typeof inner === "bigint") return `${inner}n`;
      if (typeof inner === "number" && !Number.isFinite(inner)) return String(inner);
      return inner;
    });
  } catch {
    return undefined; // a cycle, or a getter that throws
  }
}
