import { TimeoutError, type ErrorContext } from "../errors.js";

/**
 * The signal of one attempt: aborted by the caller's signal or when the timeout expires. A plain controller
 * and timer, cleared when the attempt ends, rather than AbortSignal.timeout/any: on Node 20 those cost about
 * 100 µs per request (measured in bench/), a fifth of a loopback round trip, and leave their timers pending.
 */
export function attemptDeadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs === Infinity
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  const follow = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    /**
     * After a wait under this deadline failed: throws what ended it, if the caller's signal (its reason) or the
     * timeout (a TimeoutError for `operation`) did; returns when neither did, so the failure is the wait's own.
     */
    throwIfEnded(operation: string, context: ErrorContext): void {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) throw new TimeoutError(operation, timeoutMs, context);
    },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}
