import type { MethodResponse } from "../method.js";
import type { OperationSpec, ResponseHeaderType } from "../operation.js";
import { requestIdOf } from "./answer.js";
import type { Call, Outcome } from "./types.js";

/**
 * The answer's metadata for `method.withResponse`: built here, after the pipeline, and only for that entry
 * point, so plain method calls pay nothing for it (no object, no header reads).
 */
export function withMetadata(call: Call, outcome: Outcome): MethodResponse<unknown, Record<string, unknown>> {
  const { response } = outcome;
  return {
    data: outcome.output,
    status: response.status,
    headers: declaredHeaders(call.operation, response.headers),
    rawHeaders: response.headers,
    requestId: requestIdOf(response),
    attempts: call.attempts,
  };
}

/**
 * The headers the spec declares, by lowercase name, converted to their schema's type. A header that is absent,
 * or whose value does not read as its type, is undefined: the call itself succeeded, and `rawHeaders` keeps the
 * text as sent.
 */
function declaredHeaders(operation: OperationSpec, headers: Headers): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // Most operations declare none (every page of a walk comes through here): no entries array for them.
  if (operation.responseHeaders === undefined) return result;
  for (const [name, type] of Object.entries(operation.responseHeaders)) {
    const text = headers.get(name);
    result[name] = text === null ? undefined : convert(text, type);
  }
  return result;
}

function convert(text: string, type: ResponseHeaderType): string | number | boolean | undefined {
  switch (type) {
    case "string":
      return text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "integer":
    case "number": {
      const value = text.trim() === "" ? NaN : Number(text);
      return Number.isFinite(value) && (type === "number" || Number.isInteger(value)) ? value : undefined;
    }
  }
}
