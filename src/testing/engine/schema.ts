/// <reference types="node" />
/**
 * Ajv set up for the specs' JSON Schema 2020-12 dialect, with the stand-in server's strictness: every object
 * schema is closed (`additionalProperties: false` unless the spec says otherwise), so an unknown field is an
 * error, the way the real service rejects it. Also used by the tests to check responses against the spec.
 *
 * Ajv, not the library's own input check (src/core/input-validation.ts): the server is the independent side of
 * every client test, so a mistake in the client's check cannot hide behind the same mistake in the server's.
 * Ajv is an optional peer dependency of `huaweicloud-task-client/testing` only (users who never import it do
 * not install it), loaded on first use so that a missing install is one clear error, not a resolution failure.
 */
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { JsonSchema } from "./spec-operations.js";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

interface AjvModules {
  Ajv2020: typeof Ajv2020;
  addFormats: (ajv: Ajv2020) => unknown;
}

function loadAjv(): AjvModules {
  const require = createRequire(import.meta.url);
  try {
    const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
    const formats = require("ajv-formats") as { default: AjvModules["addFormats"] };
    return { Ajv2020: Ajv, addFormats: formats.default };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new Error(
      "huaweicloud-task-client/testing validates requests with Ajv, an optional peer dependency: " +
        "install it with `npm install --save-dev ajv ajv-formats`",
      { cause: error },
    );
  }
}

function createAjv(modules: AjvModules, coerceTypes: boolean): Ajv2020 {
  // strict: false because OpenAPI adds keywords ajv does not know (`example`, `x-…`).
  const ajv = new modules.Ajv2020({ strict: false, allErrors: false, coerceTypes, useDefaults: true });
  modules.addFormats(ajv);
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  return ajv;
}

/** Query, path and header values arrive as strings and are coerced; JSON bodies are taken as they are. */
let instances: { coercing: Ajv2020; exact: Ajv2020 } | undefined;

export function compileSchema(schema: JsonSchema, options: { coerce: boolean }): ValidateFunction {
  if (!instances) {
    const modules = loadAjv();
    instances = { coercing: createAjv(modules, true), exact: createAjv(modules, false) };
  }
  return (options.coerce ? instances.coercing : instances.exact).compile(closeObjects(schema));
}

/** Copy of the schema where every object schema without an `additionalProperties` rule rejects unknown fields. */
export function closeObjects(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(closeObjects) as unknown as JsonSchema;
  if (schema === null || typeof schema !== "object") return schema as JsonSchema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, k === "enum" || k === "example" ? v : closeObjects(v)]),
  );
  const isObject = copy["type"] === "object" || copy["properties"] !== undefined;
  return isObject && copy["additionalProperties"] === undefined ? { ...copy, additionalProperties: false } : copy;
}

/** One readable sentence for the first error, naming the offending field. */
export function describeError(where: string, error: ErrorObject | undefined): string {
  if (!error) return `${where} is invalid`;
  const unknownField = (error.params as { additionalProperty?: string }).additionalProperty;
  const field = `${where}${error.instancePath}`;
  return unknownField !== undefined
    ? `${field} has an unknown field: ${unknownField}`
    : `${field} ${error.message ?? "is invalid"}`;
}
