import type { ConditionalRequirement } from "../../src/core/operation.js";
import { deref, derefObject, isRecord, type SpecDocument } from "../openapi/index.js";
import { fail } from "./problems.js";

type Scalar = string | number | boolean;

/**
 * The conditional requirements of an object schema, in the two JSON Schema 2020-12 forms the specs use:
 *
 * - `oneOf` with a `discriminator`: each member fixes the discriminator (`const`, or a one-value `enum`) and
 *   lists what it requires — openapi-typescript turns this into a discriminated union;
 * - `if`/`then` (alone or as `allOf` entries): `if` fixes one property with `const`, `then` lists `required`.
 *
 * Anything else under these keywords is refused: the client could not check it before sending.
 */
export function readConditions(
  spec: SpecDocument,
  schema: Record<string, unknown>,
  pointer: readonly string[],
): ConditionalRequirement[] {
  const found: ConditionalRequirement[] = [];
  if (schema.oneOf !== undefined) found.push(...fromOneOf(spec, schema, pointer));
  if (schema.if !== undefined) found.push(fromIfThen(spec, schema, pointer));
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((entry, index) => {
      const at = [...pointer, "allOf", String(index)];
      const member = derefObject(spec, entry, at, "an allOf entry");
      if (member.value.if === undefined) fail(spec, at, "allOf entries must be if/then conditional requirements");
      found.push(fromIfThen(spec, member.value, member.pointer));
    });
  }
  return found;
}

function fromOneOf(
  spec: SpecDocument,
  schema: Record<string, unknown>,
  pointer: readonly string[],
): ConditionalRequirement[] {
  const discriminator = schema.discriminator;
  const field = isRecord(discriminator) ? discriminator.propertyName : undefined;
  if (!Array.isArray(schema.oneOf) || typeof field !== "string") {
    fail(spec, [...pointer, "oneOf"], "oneOf must be a list of object schemas with a discriminator.propertyName");
  }
  return schema.oneOf.map((entry, index) => {
    const member = derefObject(spec, entry, [...pointer, "oneOf", String(index)], "a oneOf member");
    const property = isRecord(member.value.properties)
      ? deref(spec, member.value.properties[field], member.pointer).value
      : undefined;
    const equals = fixedValue(property);
    if (equals === undefined)
      fail(
        spec,
        member.pointer,
        `each oneOf member must fix the discriminator "${field}" with const (or a one-value enum)`,
      );
    const required = Array.isArray(member.value.required) ? (member.value.required as string[]) : [];
    return { field, equals, require: required.filter((name) => name !== field) };
  });
}

function fromIfThen(
  spec: SpecDocument,
  schema: Record<string, unknown>,
  pointer: readonly string[],
): ConditionalRequirement {
  const condition = isRecord(schema.if) && isRecord(schema.if.properties) ? Object.entries(schema.if.properties) : [];
  const then = schema.then;
  const equals = condition.length === 1 ? fixedValue(condition[0]![1]) : undefined;
  if (equals === undefined || !isRecord(then) || !Array.isArray(then.required) || schema.else !== undefined) {
    fail(spec, [...pointer, "if"], "if/then must be: if one property is a const, then required: [...] (no else)");
  }
  return { field: condition[0]![0], equals, require: then.required as string[] };
}

function fixedValue(schema: unknown): Scalar | undefined {
  if (!isRecord(schema)) return undefined;
  if (isScalar(schema.const)) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && isScalar(schema.enum[0])) return schema.enum[0];
  return undefined;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
