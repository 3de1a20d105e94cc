import type { FieldSchema } from "../../src/core/operation.js";
import { derefObject, isRecord, type SpecDocument } from "../openapi/index.js";
import { readConditions } from "./conditions.js";
import { fail } from "./problems.js";

const TYPES = new Set(["string", "integer", "number", "boolean", "array", "object"]);

/**
 * The `FieldSchema` of a spec schema: `$ref`s inlined, only the keywords `FieldSchema` declares kept, always in
 * the order `FieldSchema` declares them, so the generated table is stable whatever order the spec uses.
 */
export function fieldSchema(
  spec: SpecDocument,
  node: unknown,
  pointer: readonly string[],
  refStack: readonly string[] = [],
): FieldSchema {
  const ref = isRecord(node) && typeof node.$ref === "string" ? node.$ref : undefined;
  if (ref !== undefined && refStack.includes(ref)) {
    fail(spec, pointer, `schema "${ref}" is recursive and cannot be inlined into the operation table`);
  }
  const stack = ref === undefined ? refStack : [...refStack, ref];
  const { value: schema, pointer: at } = derefObject(spec, node, pointer, "a schema");
  if (schema.type !== undefined && !(typeof schema.type === "string" && TYPES.has(schema.type))) {
    fail(
      spec,
      [...at, "type"],
      `schema type must be one of ${[...TYPES].join(", ")}; found ${JSON.stringify(schema.type)}`,
    );
  }
  const result: Record<string, unknown> = {};
  for (const keyword of [
    "type",
    "format",
    "enum",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
  ]) {
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword];
  }
  if (schema.items !== undefined) result.items = fieldSchema(spec, schema.items, [...at, "items"], stack);
  if (isRecord(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [
        name,
        fieldSchema(spec, property, [...at, "properties", name], stack),
      ]),
    );
  }
  if (schema.required !== undefined) result.required = schema.required;
  const additional = schema.additionalProperties;
  if (additional === true || (isRecord(additional) && Object.keys(additional).length === 0))
    result.additionalProperties = true;
  else if (isRecord(additional))
    result.additionalProperties = fieldSchema(spec, additional, [...at, "additionalProperties"], stack);
  const conditions = readConditions(spec, schema, at);
  if (conditions.length > 0) result.conditions = conditions;
  return result;
}
