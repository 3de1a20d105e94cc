import { missingConditionalField } from "./conditional-requirements.js";
import { InvalidInputError } from "./errors.js";
import type { FieldSchema, OperationSpec, ParamSpec } from "./operation.js";
import { operationFacts } from "./operation-facts.js";
import { headerValueProblem } from "./header-value.js";
import { showValue } from "./show.js";

/**
 * Checks a call's input against the operation table before anything is sent: unknown fields, required
 * fields, types, enums, ranges and lengths, recursively. Throws InvalidInputError naming the first bad field.
 *
 * Unknown fields are rejected rather than dropped: a misspelt optional filter would otherwise silently widen a
 * query, which for a security-scan API is the worse failure. Only own properties count, on both sides: a name
 * inherited from `Object.prototype` (`constructor`, `toString`) or a JSON `__proto__` key is an unknown field.
 *
 * Returns a copy of the input, taken as it is checked: every property is read once, so what is sent — on the
 * first attempt and on every retry — is exactly what was checked, whatever the caller's objects do afterwards
 * (a value pushed into an array, a getter that answers differently the second time).
 */
export function validateInput(operation: OperationSpec, input: unknown): Record<string, unknown> {
  try {
    return checkInput(operation, input === undefined ? {} : input);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    throw new InvalidInputError(operation.operationId, error.field, error.value, error.expected);
  }
}

/**
 * Checks the client-level values operations take from the client's options (`x-client-option`, e.g.
 * `projectId`) against every operation's schema for them, once when the client is built. Throws a TypeError
 * (an option error, like the client's other option checks) naming the option.
 */
export function checkClientValues(
  serviceName: string,
  operations: Readonly<Record<string, OperationSpec>>,
  values: Readonly<Record<string, unknown>>,
): void {
  for (const operation of Object.values(operations)) {
    for (const param of Object.values(operation.params)) {
      // A value the client was not given is needed only by the calls that use it: checked there (build step).
      if (param.clientOption === undefined || values[param.clientOption] === undefined) continue;
      try {
        checkParam(param, values[param.clientOption], param.clientOption);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        throw new TypeError(
          `${serviceName}: ${error.field}: expected ${error.expected}, got ${showValue(error.value)}`,
          { cause: error },
        );
      }
    }
  }
}

function checkInput(operation: OperationSpec, input: unknown): Record<string, unknown> {
  if (!isPlainObject(input)) throw new Problem("input", input, "an object of fields");
  const checked: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    const value = input[name];
    const param = Object.hasOwn(operation.params, name) ? operation.params[name] : undefined;
    if (!param || param.clientOption !== undefined) {
      throw new Problem(name, value, `no such field; known fields: ${inputFieldNames(operation).join(", ")}`);
    }
    if (value !== undefined) checked[name] = checkParam(param, value, name);
  }
  for (const name of operationFacts(operation).required) {
    if (checked[name] === undefined) {
      throw new Problem(
        name,
        undefined,
        `a value (${describe(operation.params[name]!.schema)}); the field is required`,
      );
    }
  }
  const missing = missingConditionalField(operation.conditions, checked);
  if (missing) throw new Problem(missing.field, undefined, `a value; the field is required when ${missing.because}`);
  return checked;
}

/**
 * One parameter's value: its schema, and what its location and style add (a path segment, a header value,
 * comma-separated items).
 */
function checkParam(param: ParamSpec, value: unknown, field: string): unknown {
  const checked = checkValue(param.schema, value, field);
  if (param.in === "path" && (checked === "" || checked === "." || checked === ".." || checked === null)) {
    // `.` and `..` would be resolved away by the URL, sending the call (validly signed) to another API; null (a
    // nullable schema) would leave the `{placeholder}` itself in the path.
    throw new Problem(field, value, `a path segment other than "", "." and ".."`);
  }
  if (param.explode === false && Array.isArray(checked)) {
    // The items go comma-separated in one value (`ids=a,b`): an item with a comma would reach the server as two.
    const index = checked.findIndex((item) => typeof item === "string" && item.includes(","));
    if (index !== -1)
      throw new Problem(
        `${field}[${index}]`,
        checked[index],
        `a value without "," (the items are sent comma-separated)`,
      );
  }
  if (param.in === "header" && typeof checked === "string") {
    const problem = headerValueProblem(checked);
    if (problem) throw new Problem(field, value, `a header value (${problem})`);
  }
  return checked;
}

/** The names a caller may pass to an operation. */
function inputFieldNames(operation: OperationSpec): string[] {
  return Object.entries(operation.params)
    .filter(([, param]) => param.clientOption === undefined)
    .map(([name]) => name);
}

/** A failed check, caught by the entry points above (thrown, so the happy path carries no result objects). */
class Problem {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
  ) {}
}

/** Checks `value` against `schema` and returns a copy of it (arrays and objects copied, as deep as the schema goes). */
function checkValue(schema: FieldSchema, value: unknown, field: string): unknown {
  if (value === null) return schema.nullable ? null : fail(schema, value, field);
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) fail(schema, value, field);
  switch (schema.type) {
    case "string": {
      if (typeof value !== "string") return fail(schema, value, field);
      if (schema.minLength !== undefined || schema.maxLength !== undefined) {
        const length = codePoints(value, schema.maxLength);
        if (schema.minLength !== undefined && length < schema.minLength) fail(schema, value, field);
        if (schema.maxLength !== undefined && length > schema.maxLength) fail(schema, value, field);
      }
      if (schema.pattern !== undefined && !patternOf(schema.pattern).test(value)) fail(schema, value, field);
      return value;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return fail(schema, value, field);
      if (schema.type === "integer" && !Number.isSafeInteger(value)) fail(schema, value, field);
      const min = minimumOf(schema);
      const max = maximumOf(schema);
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) fail(schema, value, field);
      return value;
    }
    case "boolean":
      return typeof value === "boolean" ? value : fail(schema, value, field);
    case "array": {
      if (!Array.isArray(value)) return fail(schema, value, field);
      const length = value.length;
      if (schema.minItems !== undefined && length < schema.minItems) fail(schema, value, field);
      if (schema.maxItems !== undefined && length > schema.maxItems) fail(schema, value, field);
      const copy: unknown[] = new Array(length);
      for (let index = 0; index < length; index++) {
        const item: unknown = value[index];
        copy[index] = schema.items
          ? checkValue(schema.items, item, `${field}[${index}]`)
          : copyJson(item, `${field}[${index}]`);
      }
      return copy;
    }
    case "object":
      return isPlainObject(value) ? checkObject(schema, value, field) : fail(schema, value, field);
    default:
      return copyJson(value, field);
  }
}

/** A value that does not match its schema (a function, not a closure per value: the happy path allocates nothing). */
function fail(schema: FieldSchema, value: unknown, field: string): never {
  throw new Problem(field, value, describe(schema));
}

function checkObject(schema: FieldSchema, value: Record<string, unknown>, field: string): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(value)) {
    const inner = value[name];
    // A field beyond `properties` is a map's entry when the schema allows one (`additionalProperties`).
    const propertySchema = Object.hasOwn(properties, name) ? properties[name] : schema.additionalProperties;
    if (!propertySchema) {
      throw new Problem(
        `${field}.${name}`,
        inner,
        `no such field; known fields: ${Object.keys(properties).join(", ") || "none"}`,
      );
    }
    if (inner !== undefined)
      copy[name] =
        propertySchema === true
          ? copyJson(inner, `${field}.${name}`)
          : checkValue(propertySchema, inner, `${field}.${name}`);
  }
  if (schema.minProperties !== undefined || schema.maxProperties !== undefined) {
    // Fields given as undefined are left out, as JSON leaves them out.
    const count = Object.keys(copy).length;
    if (count < (schema.minProperties ?? 0) || count > (schema.maxProperties ?? Infinity)) fail(schema, value, field);
  }
  for (const name of schema.required ?? []) {
    if (copy[name] === undefined) {
      const propertySchema = Object.hasOwn(properties, name) ? properties[name]! : {};
      throw new Problem(`${field}.${name}`, undefined, `a value (${describe(propertySchema)}); the field is required`);
    }
  }
  const missing = missingConditionalField(schema.conditions, copy, `${field}.`);
  if (missing) throw new Problem(missing.field, undefined, `a value; the field is required when ${missing.because}`);
  return copy;
}

/** A value the schema does not type: copied through JSON, which is what would be sent anyway. */
function copyJson(value: unknown, field: string): unknown {
  // A bigint is the one value JSON.stringify throws on rather than writes or leaves out.
  if (typeof value === "bigint") throw new Problem(field, value, "a JSON value");
  if (typeof value !== "object" || value === null) return value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    throw new Problem(field, value, "a JSON value");
  }
}

/** The length of `value` in code points, counting no further than `max + 1` (a 10 MB string is not walked whole). */
function codePoints(value: string, max: number | undefined): number {
  // A string of n UTF-16 units holds between n/2 and n code points.
  if (max !== undefined && value.length > 2 * max + 2) return max + 1;
  let count = 0;
  for (const _ of value) count++;
  return count;
}

const patterns = new Map<string, RegExp>();
/** Compiled once per pattern, not per call. */
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) patterns.set(source, (pattern = new RegExp(source, "u")));
  return pattern;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The effective numeric bounds: the schema's own, else an int32 format's (one function each: no array per check). */
function minimumOf(schema: FieldSchema): number | undefined {
  return schema.minimum ?? (schema.format === "int32" ? INT32_MIN : undefined);
}
function maximumOf(schema: FieldSchema): number | undefined {
  return schema.maximum ?? (schema.format === "int32" ? INT32_MAX : undefined);
}

/** A schema in words, for error messages: `an integer from 10 to 200`, `one of "a", "b"`, `a string or null`. */
function describe(schema: FieldSchema): string {
  return schema.nullable ? `${describeValue(schema)} or null` : describeValue(schema);
}

function describeValue(schema: FieldSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  switch (schema.type) {
    case "string":
      return `a string${lengthWords(schema.minLength, schema.maxLength, "character")}${schema.pattern ? ` matching /${schema.pattern}/` : ""}`;
    case "integer":
    case "number": {
      const noun = schema.type === "integer" ? "an integer" : "a number";
      const min = minimumOf(schema);
      const max = maximumOf(schema);
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
      return `an object${lengthWords(schema.minProperties, schema.maxProperties, "field")}`;
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
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
