/**
 * Values and server text as error messages show them: bounded, so a 10 MB string or a huge header cannot make
 * a 10 MB message, and exact, so `NaN`, `Infinity`, `-0` and `50n` read as what they are (JSON would print
 * `null`, `null`, `0` and throw).
 */

/** The longest value or server text a message quotes; the rest is cut and marked with how much was cut. */
export const MAX_SHOWN = 100;

/** Cuts `text` to `max` characters (whole code points), saying how many were left out. */
export function cut(text: string, max: number = MAX_SHOWN): string {
  if (text.length <= max) return text;
  let end = max;
  // Do not split a surrogate pair: the half would print as U+FFFD.
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/** A call argument in a message: strings quoted, numbers and bigints as written in code, objects as JSON. */
export function showValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(cut(value));
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
