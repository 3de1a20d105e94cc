/**
 * Retry policy. What is retryable is named here, once: network errors and the statuses below, and only for
 * operations the spec marks `x-retry-safe: true`. CreateTask is never retried automatically: a lost answer
 * to a create does not mean the task was not created.
 */

import { showValue } from "./show.js";

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
  throw new TypeError(`${name}: expected a whole number from 0 to ${MAX_SETTING}, got ${showValue(value)}`);
}

/** Exponential backoff with full jitter (the AWS architecture blog's "full jitter"): spreads retry storms. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as milliseconds: delta-seconds (a non-negative integer) or an HTTP-date (RFC 9110 §5.6.7: the
 * IMF-fixdate, or one of the two obsolete forms recipients must accept). Anything else — `-1`, `1.5`, `5, 10`,
 * text — is unreadable and gives undefined, so the backoff applies: Date.parse alone would read `-1` as a date
 * in 2001 and turn garbage into "retry at once".
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (/^\d+$/.test(trimmed)) return Infinity; // more digits than any timer holds: longer than any policy allows
  const form = HTTP_DATE.findIndex((pattern) => pattern.test(trimmed));
  if (form === -1) return undefined;
  // The asctime form carries no zone, and Date.parse would read it as local time; HTTP dates are all GMT.
  const date = Date.parse(form === ASCTIME ? `${trimmed} GMT` : trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
const ASCTIME = 2;
const HTTP_DATE: readonly RegExp[] = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), // Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`), // Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`), // Sun Nov  6 08:49:37 1994
];

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
