import type { OperationSpec, ParamLocation } from "../operation.js";
import { operationFacts } from "../operation-facts.js";
import type { RequestParts, Step } from "./types.js";

/**
 * Lays the checked input out by location (path, query, header, body), as the operation table says, and
 * serializes the body once: every attempt sends (and signs) exactly these bytes.
 */
export const build: Step = (next, client) => (call) => {
  call.parts = requestParts(call.operation, call.checked ?? {}, call.clientValues ?? client.clientValues);
  return next(call);
};

/** Places each field where the operation table says it goes; client-option fields come from the client. */
function requestParts(
  operation: OperationSpec,
  input: Record<string, unknown>,
  clientValues: Readonly<Record<string, unknown>>,
): RequestParts {
  const parts: Record<ParamLocation, Record<string, unknown>> = { path: {}, query: {}, header: {}, body: {} };
  let hasObjectBody = false;
  let wholeBody: unknown;
  for (const [field, param] of operationFacts(operation).params) {
    const value =
      param.clientOption !== undefined ? clientValue(operation, param.clientOption, clientValues) : input[field];
    // A whole body (an array, a scalar) is sent as given; absent, the request has no body.
    if (param.wholeBody) {
      wholeBody = value;
      continue;
    }
    hasObjectBody ||= param.in === "body";
    if (value === undefined) continue;
    // `explode: false`: one comma-separated value (`ids=1,2`); an empty array sends nothing, as when repeated.
    parts[param.in][param.name] =
      param.explode === false && Array.isArray(value) ? (value.length > 0 ? value.join(",") : undefined) : value;
  }
  const body = hasObjectBody ? parts.body : wholeBody;
  return {
    params: { path: parts.path, query: parts.query, header: parts.header },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** A value the operation takes from the client's options; a client created without it cannot make this call. */
function clientValue(operation: OperationSpec, name: string, clientValues: Readonly<Record<string, unknown>>): unknown {
  const value = clientValues[name];
  if (value === undefined) {
    throw new TypeError(
      `${operation.operationId}: this operation needs the client option ${name}; create the client with { ${name}: "…" }`,
    );
  }
  return value;
}
