import { HuaweiCloudError, NetworkError, TimeoutError } from "../errors.js";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, sleep, type RetryPolicy } from "../retry-policy.js";
import type { Call, Step } from "./types.js";

/**
 * Runs the rest of the stack again after a retryable failure, for operations the spec marks retry-safe:
 * network errors, timeouts and the statuses in RETRYABLE_STATUSES, waiting the server's Retry-After or the
 * backoff for this retry. Every retry counts towards maxRetries, Retry-After or not.
 */
export const retry: Step = (next, client) => async (call) => {
  const maxRetries = call.operation.retrySafe ? client.retry.maxRetries : 0;
  for (let retries = 0; ; retries++) {
    try {
      return await next(call);
    } catch (error) {
      const delay = retries < maxRetries ? retryDelay(error, call, client.retry, retries) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay, call.signal);
    }
  }
};

/** How long to wait before retrying after `error`, or undefined when it is not to be retried. */
function retryDelay(error: unknown, call: Call, policy: RetryPolicy, retries: number): number | undefined {
  if (error instanceof NetworkError || error instanceof TimeoutError) return backoffDelay(retries, policy);
  if (!(error instanceof HuaweiCloudError) || !RETRYABLE_STATUSES.has(error.status)) return undefined;
  const retryAfter = parseRetryAfter(call.response?.headers.get("Retry-After") ?? null);
  // A server asking for a longer wait than the policy allows gets its error returned, not a shorter wait.
  if (retryAfter !== undefined && retryAfter > policy.maxDelayMs) return undefined;
  return retryAfter ?? backoffDelay(retries, policy);
}
