/** Every printed or serialized form of a value, to check that no secret appears in any of them. */
import { inspect } from "node:util";
import { expect } from "vitest";

export function printedForms(value: unknown): string[] {
  const forms = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: false }),
    `${inspect({ value })}`,
  ];
  if (value instanceof Error) forms.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  return forms;
}

/** Fails when any of `secrets` shows in any printed form of `value`. */
export function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const forms = printedForms(value);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    for (const form of forms) expect(form).not.toContain(secret);
  }
}

/** The rejection of `promise`, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error("expected a rejection, got a value");
}
