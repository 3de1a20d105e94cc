const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Objects and arrays whose one-line form is at most this long stay on one line. */
const INLINE_WIDTH = 110;

/**
 * Prints plain data (the operation table) as a TypeScript literal. Keys keep their insertion order, which the
 * table builder fixes, so the same spec always prints the same text. Indentation is left to the formatter.
 */
export function literal(value: unknown): string {
  const oneLine = inline(value);
  if (oneLine.length <= INLINE_WIDTH || typeof value !== "object" || value === null) return oneLine;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${literal(item)},\n`).join("")}]`;
  return `{\n${Object.entries(value)
    .map(([key, item]) => `${propertyKey(key)}: ${literal(item)},\n`)
    .join("")}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${inline(item)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
