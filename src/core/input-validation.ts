import { missingConditionalField } from "./conditional-requirements.js";
import { InvalidInputError } from "./errors.js";
import type { FieldSchema, OperationSpec } from "./operation.js";

/**
 * Checks a call's input against the operation table before anything is sent: unknown fields, required
 * fields, types, enums, ranges and lengths, recursively. Throws InvalidInputError naming the first bad field.
 *
 * Unknown fields are rejected rather than dropped: a misspelt optional filter would otherwise silently widen a
 * query, which for a security-scan API is the worse failure.
 */
export function validateInput(operation: OperationSpec, input: unknown): void {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new InvalidInputError(operation.operationId, field, value, expected);
  };
  if (input === undefined) input = {};
  if (!isPlainObject(input)) fail("input", input, "an object of fields");
  const fields = input as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    const param = operation.params[name];
    if (!param || param.clientOption !== undefined) {
      fail(name, value, `no such field; known fields: ${inputFieldNames(operation).join(", ")}`);
    }
  }
  for (const [name, param] of Object.entries(operation.params)) {
    if (param.clientOption !== undefined) continue;
    const value = fields[name];
    if (value === undefined) {
      if (param.required) fail(name, value, `a value (${describe(param.schema)}); the field is required`);
      continue;
    }
    const problem = checkValue(param.schema, value, name);
    if (problem) fail(problem.field, problem.value, problem.expected);
  }
  const missing = missingConditionalField(operation.conditions, fields);
  if (missing) fail(missing.field, undefined, `a value; the field is required when ${missing.because}`);
}

/** The names a caller may pass to an operation. */
function inputFieldNames(operation: OperationSpec): string[] {
  return Object.entries(operation.params)
    .filter(([, param]) => param.clientOption === undefined)
    .map(([name]) => name);
}

interface Problem {
  field: string;
  value: unknown;
  expected: string;
}

function checkValue(schema: FieldSchema, value: unknown, field: string): Problem | undefined {
  const problem = (expected = describe(schema)): Problem => ({ field, value, expected });
  if (value === null) return problem();
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) return problem();
  switch (schema.type) {
    case "string": {
      if (typeof value !== "string") return problem();
      const length = [...value].length;
      if (schema.minLength !== undefined && length < schema.minLength) return problem();
      if (schema.maxLength !== undefined && length > schema.maxLength) return problem();
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) return problem();
      return undefined;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return problem();
      if (schema.type === "integer" && !Number.isSafeInteger(value)) return problem();
      const [min, max] = numericBounds(schema);
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return problem();
      return undefined;
    }
    case "boolean":
      return typeof value === "boolean" ? undefined : problem();
    case "array": {
      if (!Array.isArray(value)) return problem();
      if (schema.minItems !== undefined && value.length < schema.minItems) return problem();
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return problem();
      if (!schema.items) return undefined;
      for (const [index, item] of value.entries()) {
        const inner = checkValue(schema.items, item, `${field}[${index}]`);
        if (inner) return inner;
      }
      return undefined;
    }
    case "object":
      return isPlainObject(value) ? checkObject(schema, value, field) : problem();
    default:
      return undefined;
  }
}

function checkObject(schema: FieldSchema, value: Record<string, unknown>, field: string): Problem | undefined {
  const properties = schema.properties ?? {};
  for (const [name, inner] of Object.entries(value)) {
    const propertySchema = properties[name];
    if (!propertySchema) {
      return { field: `${field}.${name}`, value: inner, expected: `no such field; known fields: ${Object.keys(properties).join(", ")}` };
    }
    if (inner === undefined) continue;
    const problem = checkValue(propertySchema, inner, `${field}.${name}`);
    if (problem) return problem;
  }
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) {
      const propertySchema = properties[name] ?? {};
      return { field: `${field}.${name}`, value: undefined, expected: `a value (${describe(propertySchema)}); the field is required` };
    }
  }
  const missing = missingConditionalField(schema.conditions, value, `${field}.`);
  if (missing) return { field: missing.field, value: undefined, expected: `a value; the field is required when ${missing.because}` };
  return undefined;
}

const INT32: readonly [number, number] = [-2147483648, 2147483647];

/** The effective numeric bounds: the schema's own, narrowed by an int32 format. */
function numericBounds(schema: FieldSchema): [number | undefined, number | undefined] {
  const [formatMin, formatMax] = schema.format === "int32" ? INT32 : [undefined, undefined];
  return [schema.minimum ?? formatMin, schema.maximum ?? formatMax];
}

/** A schema in words, for error messages: `an integer from 10 to 200`, `one of "a", "b"`. */
function describe(schema: FieldSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  switch (schema.type) {
    case "string":
      return `a string${lengthWords(schema.minLength, schema.maxLength, "character")}${schema.pattern ? ` matching /${schema.pattern}/` : ""}`;
    case "integer":
    case "number": {
      const noun = schema.type === "integer" ? "an integer" : "a number";
      const [min, max] = numericBounds(schema);
      if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
      if (min !== undefined) return `${noun} ≥ ${min}`;
      if (max !== undefined) return `${noun} ≤ ${max}`;
      return noun;
    }
    case "boolean":
      return "true or false";
    case "array":
      return `an array${lengthWords(schema.minItems, schema.maxItems, "item")}`;
    case "object":
      return "an object";
    default:
      return "a value";
  }
}

function lengthWords(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return ` of ${min} to ${max} ${unit}s`;
  if (min !== undefined) return ` of at least ${min} ${unit}${min === 1 ? "" : "s"}`;
  if (max !== undefined) return ` of at most ${max} ${unit}${max === 1 ? "" : "s"}`;
  return "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
