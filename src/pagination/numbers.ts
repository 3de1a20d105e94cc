import { InvalidInputError } from "../core/errors.js";
import type { PageShape } from "../core/operation.js";

/** The caller's value of a paging field (offset, limit) as a number; undefined when not given. */
export function callerNumber(
  operation: string,
  shape: PageShape,
  input: Record<string, unknown>,
  field: string,
): number | undefined {
  if (!Object.hasOwn(input, field) || input[field] === undefined) return undefined;
  const value = input[field];
  if (shape.numbersAs === "string") {
    // String-typed paging fields hold a whole number; anything else could not be advanced page by page.
    if (typeof value !== "string" || !/^\d{1,15}$/.test(value))
      throw new InvalidInputError(operation, field, value, 'a whole number written as a string, e.g. "100"');
    return Number(value);
  }
  return value as number; // the method checks it against the spec
}

/** A paging number as the operation's input takes it. */
export function inputNumber(shape: PageShape, value: number): number | string {
  return shape.numbersAs === "string" ? String(value) : value;
}

/** The page size to ask for: the caller's, else as many as still wanted, within the operation's bounds. */
export function pageLimit(shape: PageShape, fixed: number | undefined, wanted: number): number {
  return fixed ?? Math.max(shape.minLimit, Math.min(shape.maxLimit, wanted));
}
