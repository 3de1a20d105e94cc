import type { FieldSchema } from "../../src/core/operation.js";
import { GenerationError } from "./problems.js";
import { isRecord, pointerSegments, type SpecFile } from "./spec-file.js";

/** A node of the spec after following `$ref`s, with the pointer it was found at (for messages). */
export interface Located<T = Record<string, unknown>> {
  readonly value: T;
  readonly pointer: readonly string[];
}

/** Follows internal `$ref`s (`#/components/...`) until a node that is not a reference. */
export function deref(spec: SpecFile, node: unknown, pointer: readonly string[]): Located<unknown> {
  const seen = new Set<string>();
  let current: Located<unknown> = { value: node, pointer };
  while (isRecord(current.value) && typeof current.value.$ref === "string") {
    const ref = current.value.$ref;
    if (!ref.startsWith("#/")) fail(spec, current.pointer, `only local $refs ("#/...") are supported, found "${ref}"`);
    if (seen.has(ref)) fail(spec, current.pointer, `$ref cycle through "${ref}"`);
    seen.add(ref);
    const target = pointerSegments(ref);
    current = { value: lookup(spec.data, target), pointer: target };
    if (current.value === undefined) fail(spec, pointer, `$ref "${ref}" points at nothing`);
  }
  return current;
}

/** Like `deref`, for nodes that must be mappings (parameters, schemas, responses). */
export function derefObject(spec: SpecFile, node: unknown, pointer: readonly string[], what: string): Located {
  const found = deref(spec, node, pointer);
  if (!isRecord(found.value)) fail(spec, found.pointer, `${what} must be a mapping`);
  return found as Located;
}

const TYPES = new Set(["string", "integer", "number", "boolean", "array", "object"]);

/**
 * The `FieldSchema` of a spec schema: `$ref`s inlined, only the keywords `FieldSchema` declares kept, always in
 * the order `FieldSchema` declares them, so the generated table is stable whatever order the spec uses.
 */
export function fieldSchema(spec: SpecFile, node: unknown, pointer: readonly string[], refStack: readonly string[] = []): FieldSchema {
  const ref = isRecord(node) && typeof node.$ref === "string" ? node.$ref : undefined;
  if (ref !== undefined && refStack.includes(ref)) {
    fail(spec, pointer, `schema "${ref}" is recursive and cannot be inlined into the operation table`);
  }
  const stack = ref === undefined ? refStack : [...refStack, ref];
  const { value: schema, pointer: at } = derefObject(spec, node, pointer, "a schema");
  if (schema.type !== undefined && !(typeof schema.type === "string" && TYPES.has(schema.type))) {
    fail(spec, [...at, "type"], `schema type must be one of ${[...TYPES].join(", ")}; found ${JSON.stringify(schema.type)}`);
  }
  const result: Record<string, unknown> = {};
  for (const keyword of ["type", "format", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems"]) {
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword];
  }
  if (schema.items !== undefined) result.items = fieldSchema(spec, schema.items, [...at, "items"], stack);
  if (isRecord(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, fieldSchema(spec, property, [...at, "properties", name], stack)]),
    );
  }
  if (schema.required !== undefined) result.required = schema.required;
  return result as FieldSchema;
}

function lookup(data: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>((node, segment) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined), data);
}

/** Throws a one-problem `GenerationError` located at `pointer`. */
export function fail(spec: SpecFile, pointer: readonly string[], message: string): never {
  throw new GenerationError([`${spec.locate(pointer)} ${message}`]);
}
