import { invalidResponse } from "./answer.js";
import type { FieldSchema } from "../operation.js";
import type { Call, Outcome, Step } from "./types.js";

type JsonType = NonNullable<FieldSchema["type"]> | "null" | "nothing";

/**
 * Checks the parsed 2xx body against the documented top-level type (the operation table's `responseType`,
 * `object` for every operation so far): an empty body, `null`, an array or a string where an object is
 * documented would otherwise reach the caller as data (and `paginate` as a page). One `typeof` per call;
 * the fields inside are not checked here, and enum values the spec does not list pass through.
 */
export const checkResponse: Step = (next) => (call) => next(call).then((outcome) => checked(call, outcome));

function checked(call: Call, outcome: Outcome): Outcome {
  const expected = call.operation.responseType;
  // Only a JSON answer has a JSON type: a documented status without a body, or with text or bytes, is not checked.
  if (expected === undefined || (call.operation.responses?.[outcome.response.status] ?? "json") !== "json")
    return outcome;
  const actual = jsonType(outcome.output);
  if (actual === expected || (expected === "number" && actual === "integer")) return outcome;
  throw invalidResponse(call, outcome.response, actual === "nothing" ? "empty" : "wrong-type", {
    detail: `${words(expected)}, got ${words(actual)}`,
  });
}

function jsonType(value: unknown): JsonType {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as "string" | "boolean" | "object";
}

function words(type: JsonType): string {
  return type === "nothing" ? "nothing" : type === "null" ? "null" : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}
