/// <reference types="node" />
/**
 * Per-operation request validation built from the spec: path and query parameters (coerced from their string
 * form: `limit=abc` or `limit=5` below the minimum is an error), declared header parameters, and the JSON
 * body. An unknown query parameter or body field is an error too.
 */
import type { IncomingHttpHeaders } from "node:http";
import { compileSchema, describeError } from "./schema.js";
import type { JsonSchema, SpecOperation, SpecParameter } from "./spec-operations.js";

export interface RawInput {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
}

/** The request's input, typed and with the spec's defaults filled in. */
export interface ValidInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

export type Validation =
  { ok: true; input: ValidInput } | { ok: false; location: "path" | "query" | "header" | "body"; message: string };

export type RequestValidator = (raw: RawInput) => Validation;

export function compileRequestValidator(operation: SpecOperation): RequestValidator {
  const validatePath = compileSchema(parametersSchema(operation.parameters, "path", false), { coerce: true });
  const validateQuery = compileSchema(parametersSchema(operation.parameters, "query", false), { coerce: true });
  // Only the declared headers are checked: every request carries many others (Host, User-Agent, …).
  const validateHeaders = compileSchema(parametersSchema(operation.parameters, "header", true), { coerce: true });
  const body = operation.requestBody;
  const validateBody = body ? compileSchema(body.schema, { coerce: false }) : undefined;

  return (raw) => {
    const path: Record<string, unknown> = { ...raw.path };
    if (!validatePath(path))
      return { ok: false, location: "path", message: describeError("path", validatePath.errors?.[0]) };
    const query = queryArrays(operation.parameters, raw.query);
    if (typeof query === "string") return { ok: false, location: "query", message: query };
    if (!validateQuery(query))
      return { ok: false, location: "query", message: describeError("query", validateQuery.errors?.[0]) };
    const headers: Record<string, unknown> = { ...raw.headers };
    if (!validateHeaders(headers))
      return { ok: false, location: "header", message: describeError("header", validateHeaders.errors?.[0]) };
    if (raw.body === undefined) {
      if (body?.required) return { ok: false, location: "body", message: "the request body is required" };
      return { ok: true, input: { path, query, body: undefined } };
    }
    if (!validateBody) return { ok: false, location: "body", message: "this operation takes no request body" };
    const parsedBody = structuredClone(raw.body);
    if (!validateBody(parsedBody))
      return { ok: false, location: "body", message: describeError("body", validateBody.errors?.[0]) };
    return { ok: true, input: { path, query, body: parsedBody } };
  };
}

/**
 * The query with each array parameter as an array: an `explode: false` array's one comma-separated value
 * (`ids=1,2`) split into its items, a repeated array sent with one item (`tags=a`) as that one item; or why not,
 * when an `explode: false` array's name is repeated (`ids=1&ids=2`: the default style, not the one the spec says).
 * Any other parameter is left as it came: `explode` says nothing of a string, and its commas are its own.
 */
function queryArrays(
  parameters: readonly SpecParameter[],
  raw: Record<string, string | string[]>,
): Record<string, unknown> | string {
  const query: Record<string, unknown> = { ...raw };
  for (const { name, in: location, explode, schema } of parameters) {
    const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
    if (location !== "query" || value === undefined || !isArraySchema(schema)) continue;
    if (Array.isArray(value)) {
      if (explode === false) return `query/${name} must be one comma-separated value (explode: false), not repeated`;
      continue;
    }
    query[name] = explode === false ? value.split(",") : [value];
  }
  return query;
}

/** `type: array`, or OpenAPI 3.1's nullable array (`type: [array, "null"]`). */
function isArraySchema(schema: JsonSchema): boolean {
  return schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
}

function parametersSchema(
  parameters: readonly SpecParameter[],
  location: SpecParameter["in"],
  open: boolean,
): JsonSchema {
  const own = parameters.filter((p) => p.in === location);
  // Header names are case-insensitive; node gives them lower-cased.
  const key = (p: SpecParameter): string => (location === "header" ? p.name.toLowerCase() : p.name);
  return {
    type: "object",
    properties: Object.fromEntries(own.map((p) => [key(p), p.schema])),
    required: own.filter((p) => p.required).map(key),
    additionalProperties: open,
  };
}
