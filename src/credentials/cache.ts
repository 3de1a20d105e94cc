import { untilAborted } from "../core/until-aborted.js";
import { isExpired, type Credentials, type Expiring } from "./credentials.js";
import { CredentialsError, reasonOf } from "./errors.js";

export interface CacheOptions {
  /**
   * Renew temporary keys this long before they expire. Default 40 minutes, as the Go and Java SDKs
   * (`defaultExpirationThresholdSeconds`, `DEFAULT_EXPIRATION_THRESHOLD_SECONDS`). Keys that live shorter
   * than twice this are renewed at half their remaining life, so short-lived keys are not fetched per call.
   */
  refreshBeforeMs?: number | undefined;
  /** After a failed renewal while the old keys still work, wait this long before trying again. Default 10 s. */
  retryAfterFailureMs?: number | undefined;
  /** The clock, in ms since the epoch; injectable for tests. */
  now?: (() => number) | undefined;
}

/** A cached provider; `invalidate` drops keys the service refused, so the next call fetches new ones. */
export interface CachedProvider<T extends Expiring = Credentials> {
  /**
   * The kept keys, or the shared fetch of new ones. `signal` bounds this caller's wait (a client passes each
   * attempt's, so a provider that never settles fails the attempt with its deadline): on abort this call rejects
   * with the signal's reason, callers sharing the fetch wait on, and the fetch is no longer shared, so the next
   * call asks the provider again; a renewal abandoned so counts as failed (the old keys are answered meanwhile).
   */
  (signal?: AbortSignal): Promise<T>;
  /**
   * Forgets `stale` if they are still the kept keys (a 401 to a request signed with them): the next call fetches
   * afresh, once, however many callers saw the 401. Keys already replaced are left alone.
   */
  invalidate(stale: T): void;
}

export const DEFAULT_REFRESH_BEFORE_MS = 40 * 60_000;
const DEFAULT_RETRY_AFTER_FAILURE_MS = 10_000;

/**
 * A provider that keeps `provider`'s answer: permanent keys (no `expiresAt`) for good, temporary keys until
 * their renewal time. Concurrent callers share one pending fetch. A renewal that fails while the old keys
 * are still valid answers the old keys (and tries again after `retryAfterFailureMs`); once they have expired,
 * the failure is the caller's. A failed first fetch is not kept: the next call asks again.
 */
export function cached<T extends Expiring = Credentials>(
  provider: () => Promise<T>,
  options: CacheOptions = {},
): CachedProvider<T> {
  if (typeof provider !== "function") throw new TypeError("cached: expected a credential provider function");
  const refreshBeforeMs = durationOption("refreshBeforeMs", options.refreshBeforeMs, DEFAULT_REFRESH_BEFORE_MS);
  const retryAfterFailureMs = durationOption(
    "retryAfterFailureMs",
    options.retryAfterFailureMs,
    DEFAULT_RETRY_AFTER_FAILURE_MS,
  );
  const now = options.now ?? Date.now;

  let current: T | undefined;
  let renewAt = 0;
  let nextAttemptAt = 0;
  let pending: Promise<T> | undefined;
  // Fetches are numbered: one abandoned (see `waitFor`) that settles after a later one keeps nothing.
  let started = 0;
  let keptFrom = 0;

  const fetchShared = (): Promise<T> => {
    if (pending) return pending;
    const number = ++started;
    const attempt = Promise.resolve()
      .then(provider)
      .then((fresh) => {
        // A provider is any user function: an answer that is not keys at all would otherwise fail below as a bare
        // "Cannot read properties of undefined".
        if (typeof fresh !== "object" || fresh === null) {
          throw new CredentialsError(
            "credential provider",
            `answered ${fresh === null ? "null" : typeof fresh} instead of keys ({ ak, sk })`,
          );
        }
        const fetchedAt = now();
        if (isExpired(fresh, fetchedAt)) {
          throw new CredentialsError(
            fresh.source,
            `answered ${fresh.what ?? "keys"} that expired at ${fresh.expiresAt!.toISOString()}`,
          );
        }
        if (number > keptFrom) {
          current = fresh;
          keptFrom = number;
          renewAt = renewalTime(fresh, fetchedAt, refreshBeforeMs);
        }
        return fresh;
      });
    pending = attempt;
    // Whatever the outcome, the next caller after it starts afresh.
    attempt.then(
      () => (pending = pending === attempt ? undefined : pending),
      () => (pending = pending === attempt ? undefined : pending),
    );
    return attempt;
  };

  // The shared fetch, waited for until `signal` aborts; an abort stops sharing it (it may never settle).
  const waitFor = async (signal: AbortSignal | undefined): Promise<T> => {
    const attempt = fetchShared();
    if (signal === undefined) return attempt;
    try {
      return await untilAborted(attempt, signal);
    } catch (error) {
      if (signal.aborted && pending === attempt) pending = undefined;
      throw error;
    }
  };

  const cachedProvider = async (signal?: AbortSignal): Promise<T> => {
    const time = now();
    if (current === undefined) return waitFor(signal);
    if (time < renewAt) return current;
    if (!isExpired(current, time)) {
      // In the renewal window: the old keys still work, so a failed renewal is not the caller's problem.
      const old = current;
      if (time < nextAttemptAt) return old;
      try {
        return await waitFor(signal);
      } catch (error) {
        nextAttemptAt = now() + retryAfterFailureMs;
        if (signal?.aborted) throw error;
        if (isExpired(old, now())) throw expiredError(old, error);
        return old;
      }
    }
    const expired = current;
    try {
      return await waitFor(signal);
    } catch (error) {
      throw signal?.aborted ? error : expiredError(expired, error);
    }
  };
  const invalidate = (stale: T): void => {
    if (current !== stale) return;
    current = undefined;
    renewAt = 0;
    nextAttemptAt = 0;
  };
  return Object.assign(cachedProvider, { invalidate });
}

function expiredError(expired: Expiring, cause: unknown): CredentialsError {
  const message = `${expired.what ?? "keys"} expired at ${expired.expiresAt!.toISOString()}, and renewing them failed: ${reasonOf(cause)}`;
  return new CredentialsError(expired.source, message, { cause });
}

/** When to start renewing: `refreshBeforeMs` ahead of expiry, but no sooner than half the remaining life. */
function renewalTime(credentials: Expiring, fetchedAt: number, refreshBeforeMs: number): number {
  if (credentials.expiresAt === undefined) return Infinity;
  const expiresAt = credentials.expiresAt.getTime();
  return expiresAt - Math.min(refreshBeforeMs, (expiresAt - fetchedAt) / 2);
}

function durationOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`cached: ${name}: expected a finite number of milliseconds ≥ 0`);
  }
  return value;
}
