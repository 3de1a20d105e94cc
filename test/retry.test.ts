import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, retryPolicy, sleep } from "../src/core/retry-policy.js";

describe("retry policy", () => {
  it("defaults to 3 retries and can be disabled", () => {
    expect(retryPolicy(undefined)).toEqual({ maxRetries: 3, baseDelayMs: 200, maxDelayMs: 20_000 });
    expect(retryPolicy(false).maxRetries).toBe(0);
    expect(retryPolicy({ maxRetries: 5 }).maxRetries).toBe(5);
  });

  it("refuses settings that are not whole numbers a timer can hold, naming the setting", () => {
    expect(() => retryPolicy({ maxRetries: -1 })).toThrow(
      "retry.maxRetries: expected a whole number from 0 to 2147483647, got -1",
    );
    expect(() => retryPolicy({ baseDelayMs: Number.NaN })).toThrow(/retry\.baseDelayMs/);
    expect(() => retryPolicy({ maxDelayMs: 1.5 })).toThrow(/retry\.maxDelayMs/);
    expect(() => retryPolicy({ maxDelayMs: 2 ** 32 })).toThrow(/retry\.maxDelayMs/);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    // random() in [0, 1): the delay spans [0, ceiling) where ceiling = min(max, base × 2^retry).
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("stops sleeping when the signal aborts", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
