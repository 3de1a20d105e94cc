/** Seeded times count back from a fixed instant, not from the clock, so they are stable between runs. */

/** 2025-08-01T00:00:00Z: the newest seeded record is created shortly before it. */
export const SEED_EPOCH_MS = Date.UTC(2025, 7, 1);
export const MINUTE_MS = 60_000;

/** Builds `count` items one 7 minutes apart, returned newest first (item `count - 1` is the newest). */
export function newestFirst<T>(count: number, build: (index: number, createdAt: number) => T): T[] {
  const items = Array.from({ length: count }, (_, i) => build(i, SEED_EPOCH_MS - (count - i) * 7 * MINUTE_MS));
  return items.reverse();
}
