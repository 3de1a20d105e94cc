import type { FieldSchema } from "../../src/core/operation.js";
import { derefObject, isRecord, type SpecDocument } from "../openapi/index.js";
import { readConditions } from "./conditions.js";
import { oneOfObject } from "./one-of-object.js";
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
  const { type, nullable } = schemaType(spec, schema.type, [...at, "type"]);
  const result: Record<string, unknown> = {};
  if (type !== undefined) result.type = type;
  if (nullable) result.nullable = true;
  for (const keyword of [
    "format",
    "enum",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
  ]) {
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword];
  }
  if (nullable && Array.isArray(schema.enum)) result.enum = nullableEnum(spec, schema.enum, [...at, "enum"]);
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
  // A bare oneOf (no type, no properties): the object its members describe.
  if (Array.isArray(schema.oneOf) && schema.type === undefined && schema.properties === undefined) {
    const members = schema.oneOf.map((member, index) =>
      fieldSchema(spec, member, [...at, "oneOf", String(index)], stack),
    );
    Object.assign(result, oneOfObject(members, conditions));
  }
  if (conditions.length > 0) result.conditions = conditions;
  return result;
}

/**
 * A schema's `type`: one of `TYPES`, or (OpenAPI 3.1's nullable) a list of one of them and "null", which the
 * table keeps as the type and `nullable: true`.
 */
function schemaType(spec: SpecDocument, type: unknown, pointer: readonly string[]): { type?: string; nullable?: true } {
  if (type === undefined) return {};
  if (typeof type === "string" && TYPES.has(type)) return { type };
  const others = Array.isArray(type) ? type.filter((name) => name !== "null") : [];
  if (Array.isArray(type) && type.length === 2 && others.length === 1 && TYPES.has(String(others[0])))
    return { type: String(others[0]), nullable: true };
  fail(
    spec,
    pointer,
    `schema type must be one of ${[...TYPES].join(", ")}, or a list of one of them and "null"; found ${JSON.stringify(type)}`,
  );
}

/**
 * A nullable schema's `enum`, without its `null` (`nullable: true` carries it). JSON Schema's `enum` allows only
 * what it lists, whatever `type` says: an enum that leaves null out refuses null (the stand-in server does), while
 * the TypeScript type and the input check would take it; refused, so the spec says which it means.
 */
function nullableEnum(spec: SpecDocument, values: unknown[], pointer: readonly string[]): unknown[] {
  if (!values.includes(null)) {
    fail(
      spec,
      pointer,
      `the type allows null but the enum does not list it: add null to the enum, or take "null" out of the type`,
    );
  }
  return values.filter((value) => value !== null);
}
