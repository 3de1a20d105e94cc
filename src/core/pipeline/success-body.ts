import type { OperationSpec, ResponseContent } from "../operation.js";
import { operationFacts } from "../operation-facts.js";
import { invalidResponse } from "./answer.js";
import type { Call, Outcome } from "./types.js";

/**
 * The method's result from a 2xx answer, read as the operation table says for its status (`responses`):
 * JSON parsed (an empty body is undefined), text as received, bytes as a Uint8Array, no body as undefined. A
 * 2xx the spec does not document is read as JSON, as before the table recorded statuses.
 */
export function successBody(call: Call, outcome: Outcome): unknown {
  const content: ResponseContent = call.operation.responses?.[outcome.response.status] ?? "json";
  switch (content) {
    case "none":
      return undefined;
    case "binary":
      return outcome.bytes ?? new Uint8Array(0);
    case "text":
      return outcome.text ?? "";
    case "json":
      return parseJson(call, outcome, outcome.bytes ? new TextDecoder().decode(outcome.bytes) : outcome.text);
  }
}

function parseJson(call: Call, { response }: Outcome, text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidResponse(call, response, "not-json", { cause: error });
  }
}

/** Whether a success body must be read as bytes (some documented answer is binary); else it is read as text. */
export function readsBytes(operation: OperationSpec): boolean {
  return operationFacts(operation).readsBytes;
}
