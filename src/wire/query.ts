import { canonicalQueryString, type QueryParam } from "../auth/canonical.js";

/**
 * Query strings in canonical form: RFC 3986-encoded (a space is %20, reserved characters are escaped with
 * upper-case hex) and sorted by name and then value — exactly the canonical query the AK/SK signature covers,
 * so the signer finds the URL already canonical and signs the request as it was built. An array repeats the
 * name; undefined and null values are left out.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const params: QueryParam[] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (!Array.isArray(value)) {
      // Validated input: a string, or a number or boolean, whose JSON text is its query text.
      if (value !== undefined && value !== null)
        params.push([name, typeof value === "string" ? value : JSON.stringify(value)]);
      continue;
    }
    for (const item of value) if (item !== undefined && item !== null) params.push([name, String(item)]);
  }
  return canonicalQueryString(params);
}
