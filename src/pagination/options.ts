import type { CallOptions } from "../core/method.js";

/** Optional fields accept `undefined` explicitly (also under `exactOptionalPropertyTypes`): undefined means absent. */
export interface PaginateOptions {
  /** Stop after this many items. */
  readonly maxItems?: number | undefined;
  /** Aborts the walk, including the requests in flight. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt timeout of each page's call (as the methods' own `timeoutMs`). */
  readonly timeoutMs?: number | undefined;
  /**
   * Offset paging only: once the first page has told the total, fetch up to this many pages at a time (the
   * next pages ahead of the loop); items are still yielded in order. Default 1 (one request at a time).
   */
  readonly concurrency?: number | undefined;
}

/** The options checked once, before any request; the walk reads only this. */
export interface WalkOptions {
  readonly maxItems: number;
  readonly concurrency: number;
  readonly signal: AbortSignal | undefined;
  /** What each page's call gets (the method checks `timeoutMs` itself). */
  readonly call: CallOptions;
}

export function walkOptions({ maxItems = Infinity, concurrency = 1, signal, timeoutMs }: PaginateOptions): WalkOptions {
  if (maxItems !== Infinity && !(Number.isInteger(maxItems) && maxItems >= 0)) {
    throw new TypeError(`paginate: maxItems: expected a whole number ≥ 0, got ${String(maxItems)}`);
  }
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) {
    throw new TypeError(`paginate: concurrency: expected a whole number from 1 to 64, got ${String(concurrency)}`);
  }
  return {
    maxItems,
    concurrency,
    signal,
    call: { ...(signal && { signal }), ...(timeoutMs !== undefined && { timeoutMs }) },
  };
}
