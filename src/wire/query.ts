import { encodeRfc3986 } from "./encode.js";

/**
 * Query strings in RFC 3986 form (a space is %20, reserved characters are escaped with upper-case hex), the
 * same encoding the AK/SK signer uses for its canonical query, so the wire form is the signed form. An array
 * repeats the name; undefined and null values are left out.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(String(item))}`);
    }
  }
  return pairs.join("&");
}
