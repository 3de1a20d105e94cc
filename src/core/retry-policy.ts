/**
 * Retry policy. What is retryable is named here, once: network errors and the statuses below, and only for
 * operations the spec marks `x-retry-safe: true`. CreateTask is never retried automatically: a lost answer
 * to a create does not mean the task was not created.
 */

export interface RetryOptions {
  /** Retries after the first attempt (0 disables retries). Default 3. */
  readonly maxRetries?: number;
  /** Base of the exponential backoff: attempt n waits a random time in [0, base × 2^n). Default 200 ms. */
  readonly baseDelayMs?: number;
  /** Longest single wait. A Retry-After asking for more is not honoured by waiting: the error is returned. Default 20 s. */
  readonly maxDelayMs?: number;
}

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Statuses that mean "try again later": throttled, or a transient server-side failure. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 };
  return {
    maxRetries: wholeNumber("retry.maxRetries", options?.maxRetries ?? 3),
    baseDelayMs: wholeNumber("retry.baseDelayMs", options?.baseDelayMs ?? 200),
    maxDelayMs: wholeNumber("retry.maxDelayMs", options?.maxDelayMs ?? 20_000),
  };
}

// Waits become timers, which hold at most a signed 32-bit delay.
const MAX_SETTING = 2_147_483_647;

function wholeNumber(name: string, value: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= MAX_SETTING) return value;
  throw new TypeError(`${name}: expected a whole number from 0 to ${MAX_SETTING}, got ${String(value)}`);
}

/** Exponential backoff with full jitter (the AWS architecture blog's "full jitter"): spreads retry storms. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Retry-After as milliseconds: either delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
