import type { FieldSchema, OperationSpec } from "../../src/core/operation.js";

/**
 * A small valid input for any operation, built from its generated table alone: every required field (and every
 * field a conditional requirement then needs) with the first value its schema allows. Lets tests call every
 * operation of every spec without a hand-written list of inputs.
 */
export function exampleInput(operation: OperationSpec): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(operation.params)) {
    if (param.required && param.clientOption === undefined) input[name] = exampleValue(param.schema);
  }
  for (const name of conditionallyRequired(operation.conditions, input))
    input[name] = exampleValue(operation.params[name]!.schema);
  return input;
}

function exampleValue(schema: FieldSchema): unknown {
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "integer":
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleValue(schema.items ?? {}));
    case "object": {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) value[name] = exampleValue(schema.properties?.[name] ?? {});
      for (const name of conditionallyRequired(schema.conditions, value))
        value[name] = exampleValue(schema.properties?.[name] ?? {});
      return value;
    }
    default:
      return "a".repeat(Math.max(1, schema.minLength ?? 1));
  }
}

function conditionallyRequired(conditions: FieldSchema["conditions"], value: Record<string, unknown>): string[] {
  return (conditions ?? []).filter(({ field, equals }) => value[field] === equals).flatMap(({ require }) => require);
}
