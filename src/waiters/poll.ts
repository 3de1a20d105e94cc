/**
 * The generic poll loop of the waiters, after the Smithy waiter specification that AWS SDK v3's waiters
 * (`@smithy/util-waiter`) implement: poll at once, then wait between polls with exponential backoff and
 * jitter, bounded by a total wait time. What is kept and what is not:
 *
 * - Kept: the schedule. The n-th wait is a random time in [intervalMs, min(maxIntervalMs, intervalMs × 2^(n-1))]
 *   (Smithy's minDelay/maxDelay): never faster than `intervalMs`, so a slow task is not hammered, and jittered, so
 *   many waiters started together spread out.
 * - Changed: the last wait is cut to the time left and one last poll is made at the deadline (as the Smithy
 *   specification asks), instead of giving up when the next full wait would overshoot (as @smithy/util-waiter
 *   does, which can leave up to maxDelay of the budget unused).
 * - Changed: abort rejects with the signal's reason at once, the poll in flight included (the library's calls
 *   all do so); @smithy/util-waiter races the loop, which keeps polling in the background after an abort.
 * - Not kept: turning errors into retries. A check that throws ends the wait with its error: the client
 *   already retries transient failures inside each call, and other errors (auth, input) do not heal by polling.
 */
import { sleep } from "../core/retry-policy.js";

export interface PollSchedule {
  /** The first wait between polls, and the shortest. */
  readonly intervalMs: number;
  /** The longest wait between polls. */
  readonly maxIntervalMs: number;
  /** The time budget, from the first poll; one last poll is made when it runs out. */
  readonly maxWaitMs: number;
}

/** What one poll found: the final value, or not yet (with what was seen, for the timeout's report). */
export type PollVerdict<T, S> = { readonly done: true; readonly value: T } | { readonly done: false; readonly seen: S };

interface PollCount {
  /** Polls made, the first included. */
  readonly polls: number;
  /** Milliseconds from the start of the first poll to the end of the last. */
  readonly elapsedMs: number;
}

export type PollOutcome<T, S> =
  | (PollCount & { readonly state: "done"; readonly value: T })
  | (PollCount & { readonly state: "timeout"; readonly last: S | undefined });

/** The wait after the `n`-th poll (n ≥ 1), before the deadline cuts it. */
export function pollDelay(
  n: number,
  schedule: Pick<PollSchedule, "intervalMs" | "maxIntervalMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(schedule.maxIntervalMs, schedule.intervalMs * 2 ** (n - 1));
  return schedule.intervalMs + random() * (ceiling - schedule.intervalMs);
}

/**
 * Calls `check` until it says done or the budget runs out. Rejects with `signal.reason` when the signal aborts
 * (before a poll, or during a wait; `check` is expected to pass the signal on to its request), and with the
 * error of a `check` that throws.
 */
export async function pollUntil<T, S>(
  check: (poll: number) => Promise<PollVerdict<T, S>>,
  schedule: PollSchedule,
  signal?: AbortSignal,
  random: () => number = Math.random,
): Promise<PollOutcome<T, S>> {
  const start = Date.now();
  const deadline = start + schedule.maxWaitMs;
  let last: S | undefined;
  for (let poll = 1; ; poll++) {
    signal?.throwIfAborted();
    const verdict = await check(poll);
    const elapsedMs = Date.now() - start;
    if (verdict.done) return { state: "done", value: verdict.value, polls: poll, elapsedMs };
    last = verdict.seen;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { state: "timeout", last, polls: poll, elapsedMs };
    await sleep(Math.min(pollDelay(poll, schedule, random), remaining), signal);
  }
}
