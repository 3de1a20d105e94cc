import { InvalidResponseError, type InvalidResponseReason } from "../errors.js";
import type { Call } from "./types.js";

/** The answer's `X-Request-Id` (what support asks for), or undefined when it has none or no answer came. */
export function requestIdOf(response: Pick<Response, "headers"> | undefined): string | undefined {
  return response?.headers.get("X-Request-Id") ?? undefined;
}

/**
 * The InvalidResponseError for a call's answer, with what every check that raises one reports (status, request
 * id, Content-Type, attempts); `more` adds the check's own detail or cause.
 */
export function invalidResponse(
  call: Call,
  response: Pick<Response, "status" | "headers">,
  reason: InvalidResponseReason,
  more?: { readonly detail?: string; readonly cause?: unknown },
): InvalidResponseError {
  return new InvalidResponseError({
    operation: call.operation.operationId,
    status: response.status,
    reason,
    requestId: requestIdOf(response),
    contentType: response.headers.get("Content-Type"),
    attempts: call.attempts,
    ...more,
  });
}
