import { RedirectError } from "../errors.js";
import { requestIdOf } from "./answer.js";
import type { RequestStep } from "./types.js";

/**
 * Refuses redirects. Requests go out with `redirect: "manual"`, so fetch hands a 3xx back instead of resending
 * the request — with `X-Auth-Token`, `X-Security-Token` and the body, which fetch does not strip — to wherever
 * `Location` points. An API answering 3xx is misconfigured or hijacked; following even same-origin redirects
 * would need the request re-signed for a path the caller never asked for. So any redirect ends the call with
 * a RedirectError, never retried. Browsers give a manual redirect as an opaque response (type
 * `opaqueredirect`, status 0, no headers): that is refused the same way, without a Location to report.
 */
export const refuseRedirect: RequestStep = (next) => async (request, call) => {
  const response = await next(request, call);
  if (response.type !== "opaqueredirect" && !isRedirect(response.status)) return response;
  await response.body?.cancel().catch(() => {});
  throw new RedirectError(call.operation.operationId, response.status, response.headers.get("Location") ?? undefined, {
    requestId: requestIdOf(response),
    attempts: call.attempts,
  });
};

/** The statuses fetch would follow (RFC 9110 §15.4); 304 and 300 are answers, not redirects, and are left to classify. */
function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
