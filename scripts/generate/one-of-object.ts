import type { ConditionalRequirement, FieldSchema } from "../../src/core/operation.js";

/**
 * The object a `oneOf` + discriminator schema without properties of its own accepts (`oneOf: [Wheel, Lever]`),
 * for the input check: every member's fields (a field typed alike in every member that has it keeps that type,
 * else any value), the discriminator limited to the members' values, and the fields every member requires. What each
 * member requires beyond that is in the conditions (`conditions.ts`). Without this, such a body was not checked
 * at all: neither an unknown field nor a missing one was caught before sending.
 */
export function oneOfObject(
  members: readonly FieldSchema[],
  conditions: readonly ConditionalRequirement[],
): FieldSchema {
  const names = [...new Set(members.flatMap((member) => Object.keys(member.properties ?? {})))];
  const discriminator = conditions[0]!.field;
  const properties = Object.fromEntries(
    names.map((name) => {
      // The schemas of the members that have the field.
      const schemas = members.flatMap((member) => member.properties?.[name] ?? []);
      const [first] = schemas;
      if (name === discriminator) {
        const type = first?.type;
        // The members' values only: an if/then beside the oneOf (its condition on another field) adds none.
        const values = conditions.filter((condition) => condition.field === discriminator);
        return [name, { ...(type && { type }), enum: values.map((condition) => condition.equals) }];
      }
      const alike = first !== undefined && schemas.every((schema) => JSON.stringify(schema) === JSON.stringify(first));
      return [name, alike ? first : {}];
    }),
  );
  const required = names.filter((name) => members.every((member) => member.required?.includes(name)));
  return { type: "object", properties, ...(required.length > 0 && { required }) };
}
