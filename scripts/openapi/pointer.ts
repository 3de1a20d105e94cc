/**
 * JSON pointers (RFC 6901) as segment arrays, and `$ref` values as URI fragments holding them (RFC 3986):
 * `#/paths/~1v1~1widgets/get` → `["paths", "/v1/widgets", "get"]`. Every tool keeps pointers as segments and
 * formats them only for messages, so decoding happens in exactly one place.
 */
import { SpecReadError } from "./errors.js";

/** A JSON pointer string (`""`, `/a/b~1c`) → its segments, `~1` → `/` before `~0` → `~` (RFC 6901 §4). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/"))
    throw new SpecReadError(`"${pointer}" is not a JSON pointer (it must be empty or start with "/")`);
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Segments → a JSON pointer string; the inverse of `parsePointer`. */
export function formatPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * The segments of a same-document `$ref` (`#/components/schemas/A%20B`): the fragment is percent-decoded as a
 * whole first (it is a URI fragment), then read as a JSON pointer — so `%7E1` is a literal `~1` pointer escape
 * and `%2F` separates segments, as RFC 6901 §6 says. Undefined for a reference to another document.
 */
export function refSegments(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    throw new SpecReadError(`$ref "${ref}" has a malformed percent-escape`);
  }
  return parsePointer(pointer);
}

/** Segments → a `$ref` value (`#/…`), percent-encoding what a URI fragment may not hold. */
export function formatRef(segments: readonly string[]): string {
  return `#${encodeURI(formatPointer(segments)).replace(/#/g, "%23")}`;
}

/**
 * The value at `segments` in plain data, or undefined. Mappings are searched by own key only (`constructor`
 * is not a key of every object); sequences by a decimal index without leading zeros.
 */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      node = /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
    } else if (isRecord(node)) {
      node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
