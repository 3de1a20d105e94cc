import type { OperationSpec, ParamLocation } from "../operation.js";
import type { RequestParts, Step } from "./types.js";

/**
 * Lays the checked input out by location (path, query, header, body), as the operation table says, and
 * serializes the body once: every attempt sends (and signs) exactly these bytes.
 */
export const build: Step = (next, client) => (call) => {
  call.parts = requestParts(call.operation, call.checked ?? {}, client.clientValues);
  return next(call);
};

/** Places each field where the operation table says it goes; client-option fields come from the client. */
function requestParts(operation: OperationSpec, input: Record<string, unknown>, clientValues: Readonly<Record<string, unknown>>): RequestParts {
  const parts: Record<ParamLocation, Record<string, unknown>> = { path: {}, query: {}, header: {}, body: {} };
  let hasBody = false;
  for (const [field, param] of Object.entries(operation.params)) {
    hasBody ||= param.in === "body";
    const value = param.clientOption !== undefined ? clientValues[param.clientOption] : input[field];
    if (value !== undefined) parts[param.in][param.name] = value;
  }
  return { params: { path: parts.path, query: parts.query, header: parts.header }, body: hasBody ? JSON.stringify(parts.body) : undefined };
}
