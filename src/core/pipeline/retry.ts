import { HuaweiCloudError, NetworkError, TimeoutError } from "../errors.js";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, sleep, type RetryPolicy } from "../retry-policy.js";
import type { Call, Handler, Outcome, Step } from "./types.js";

/**
 * Runs the rest of the stack again after a retryable failure, for operations the spec marks retry-safe:
 * network errors, timeouts and the statuses in RETRYABLE_STATUSES, waiting the server's Retry-After or the
 * backoff for this retry. Every retry counts towards maxRetries, Retry-After or not. The bookkeeping starts at
 * the first failure: a call that succeeds pays one `catch`, a call that may not be retried nothing, and a
 * client with retries off leaves the step out of the stack.
 */
export const retry: Step = (next, client) => {
  const policy = client.retry;
  if (policy.maxRetries === 0) return next;
  return (call) =>
    call.operation.retrySafe ? next(call).catch((error: unknown) => retryAfter(error, next, call, policy)) : next(call);
};

/** The retries after the first attempt failed with `error`: waits, runs the stack again, until one is not retried. */
async function retryAfter(error: unknown, next: Handler, call: Call, policy: RetryPolicy): Promise<Outcome> {
  for (let retries = 0; ; retries++) {
    const delay = retries < policy.maxRetries ? retryDelay(error, call, policy, retries) : undefined;
    if (delay === undefined) throw error;
    await sleep(delay, call.signal);
    try {
      return await next(call);
    } catch (failure) {
      error = failure;
    }
  }
}

/** How long to wait before retrying after `error`, or undefined when it is not to be retried. */
function retryDelay(error: unknown, call: Call, policy: RetryPolicy, retries: number): number | undefined {
  if (error instanceof NetworkError || error instanceof TimeoutError) return backoffDelay(retries, policy);
  if (!(error instanceof HuaweiCloudError) || !RETRYABLE_STATUSES.has(error.status)) return undefined;
  const retryAfter = parseRetryAfter(call.response?.headers.get("Retry-After") ?? null);
  // A server asking for a longer wait than the policy allows gets its error returned, not a shorter wait.
  if (retryAfter !== undefined && retryAfter > policy.maxDelayMs) return undefined;
  return retryAfter ?? backoffDelay(retries, policy);
}
