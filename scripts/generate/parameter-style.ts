import type { FieldSchema } from "../../src/core/operation.js";
import type { Located, SpecDocument } from "../openapi/index.js";
import { fail } from "./problems.js";

/** OpenAPI's default `style` per location: the only one the client writes (plus `explode: false` for query arrays). */
const DEFAULT_STYLE: Readonly<Record<string, string>> = { path: "simple", query: "form", header: "simple" };

/**
 * How a parameter is written on the wire, from its `style` and `explode`: `{ explode: false }` for a query array
 * sent as one comma-separated value (`ids=1,2`), else nothing (the default: a query array repeats its name,
 * `ids=1&ids=2`). Any style but the location's default (`deepObject`, `pipeDelimited`, …) is refused, naming the
 * operation, rather than silently sent the default way.
 */
export function readParameterStyle(
  spec: SpecDocument,
  operationId: string,
  { value: parameter, pointer }: Located,
): { explode?: false } {
  const location = String(parameter.in);
  if (parameter.style !== undefined && parameter.style !== DEFAULT_STYLE[location]) {
    fail(
      spec,
      [...pointer, "style"],
      `${operationId}: parameter "${String(parameter.name)}": style ${JSON.stringify(parameter.style)} is not supported in ${location}; use ${DEFAULT_STYLE[location]} (the default)`,
    );
  }
  if (parameter.explode !== undefined && typeof parameter.explode !== "boolean") {
    fail(
      spec,
      [...pointer, "explode"],
      `${operationId}: parameter "${String(parameter.name)}": explode must be true or false`,
    );
  }
  // Path and header arrays are comma-separated whatever `explode` says (it only changes objects there).
  if (location !== "query" || parameter.explode !== false) return {};
  return { explode: false };
}

/**
 * Refuses a parameter whose value the client cannot write in the URL or a header: an object, or an array of
 * objects or arrays. The client writes scalars and arrays of scalars only; such an item went out as
 * `[object Object]` (or a repeated array's items joined with commas), which no server reads back.
 */
export function refuseUnwritableValue(
  spec: SpecDocument,
  operationId: string,
  { value: parameter, pointer }: Located,
  schema: FieldSchema,
): void {
  const item = schema.type === "array" ? schema.items : schema;
  if (item?.type !== "object" && item?.type !== "array") return;
  const what = schema.type === "array" ? `an array of ${item.type}s` : "an object";
  fail(
    spec,
    [...pointer, "schema"],
    `${operationId}: parameter "${String(parameter.name)}": ${what} is not supported in ${String(parameter.in)}; use a string, number, boolean or an array of them`,
  );
}
