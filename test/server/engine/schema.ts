/**
 * Ajv set up for the specs' JSON Schema 2020-12 dialect, with the stand-in server's strictness: every object
 * schema is closed (`additionalProperties: false` unless the spec says otherwise), so an unknown field is an
 * error, the way the real service rejects it. Also used by the tests to check responses against the spec.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonSchema } from "./spec-operations.js";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function createAjv(coerceTypes: boolean): Ajv2020 {
  // strict: false because OpenAPI adds keywords ajv does not know (`example`, `x-…`).
  const ajv = new Ajv2020({ strict: false, allErrors: false, coerceTypes, useDefaults: true });
  addFormatsModule.default(ajv);
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  return ajv;
}

/** Query, path and header values arrive as strings and are coerced; JSON bodies are taken as they are. */
const coercing = createAjv(true);
const exact = createAjv(false);

export function compileSchema(schema: JsonSchema, options: { coerce: boolean }): ValidateFunction {
  return (options.coerce ? coercing : exact).compile(closeObjects(schema));
}

/** Copy of the schema where every object schema without an `additionalProperties` rule rejects unknown fields. */
export function closeObjects(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(closeObjects) as unknown as JsonSchema;
  if (schema === null || typeof schema !== "object") return schema as JsonSchema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "enum" || k === "example" ? v : closeObjects(v)]));
  const isObject = copy["type"] === "object" || copy["properties"] !== undefined;
  return isObject && copy["additionalProperties"] === undefined ? { ...copy, additionalProperties: false } : copy;
}

/** One readable sentence for the first error, naming the offending field. */
export function describeError(where: string, error: ErrorObject | undefined): string {
  if (!error) return `${where} is invalid`;
  const unknownField = (error.params as { additionalProperty?: string }).additionalProperty;
  const field = `${where}${error.instancePath}`;
  return unknownField !== undefined ? `${field} has an unknown field: ${unknownField}` : `${field} ${error.message ?? "is invalid"}`;
}
