import type { ResponseHeaderType } from "../../src/core/operation.js";
import { deref, derefObject, isRecord, type Located, type SpecDocument } from "../openapi/index.js";
import { fail } from "./problems.js";

const HEADER_TYPES: ReadonlySet<string> = new Set<ResponseHeaderType>(["string", "integer", "number", "boolean"]);

/**
 * The headers the success responses declare (`responses.<2xx>.headers`), lowercase name → value type, for
 * `withResponse().headers` and the generated `<Operation>Headers` type. A header declared by several success
 * responses must have one type; a schema other than a scalar is refused (headers are text).
 */
export function readResponseHeaders(
  spec: SpecDocument,
  operationId: string,
  successes: readonly Located[],
): Record<string, ResponseHeaderType> {
  const found: Record<string, ResponseHeaderType> = {};
  for (const response of successes) {
    const headers = response.value.headers;
    if (headers === undefined) continue;
    if (!isRecord(headers))
      fail(spec, [...response.pointer, "headers"], `${operationId}: response headers must be a mapping`);
    for (const [name, node] of Object.entries(headers)) {
      const header = derefObject(spec, node, [...response.pointer, "headers", name], "a response header");
      const schemaPointer = [...header.pointer, "schema"];
      const schema = deref(spec, header.value.schema, schemaPointer).value;
      const type = isRecord(schema) && schema.type !== undefined ? schema.type : "string";
      if (typeof type !== "string" || !HEADER_TYPES.has(type)) {
        fail(
          spec,
          schemaPointer,
          `${operationId}: response header "${name}" must have a string, integer, number or boolean schema; found ${JSON.stringify(type)}`,
        );
      }
      const key = name.toLowerCase();
      if (found[key] !== undefined && found[key] !== type) {
        fail(
          spec,
          schemaPointer,
          `${operationId}: response header "${name}" is ${type} here but ${found[key]} in another success response`,
        );
      }
      found[key] = type as ResponseHeaderType;
    }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** The TypeScript type of `withResponse().headers`: every declared header, possibly undefined. */
export function headersType(headers: Readonly<Record<string, ResponseHeaderType>>): string {
  const members = Object.entries(headers).map(
    ([name, type]) => `readonly ${JSON.stringify(name)}: ${type === "integer" ? "number" : type} | undefined`,
  );
  return members.length > 0 ? `{ ${members.join("; ")} }` : "{}";
}
