/**
 * Offset/limit paging for the services' list handlers, with switchable "misbehaving server" modes so
 * paginators can be tested against the ways real list APIs go wrong:
 * - `totalDrift: n` — the reported total is off by n × the page index (offset / limit, rounded down): the first
 *   page tells the truth, later pages report a total that keeps changing (as if items were added or removed);
 * - `ignoreOffset: true` — every request gets the first page again, whatever its offset;
 * - `maxPageSize: n` — pages hold at most n items even when the limit asks for more, while the total stays true.
 */
export interface Misbehave {
  totalDrift?: number;
  ignoreOffset?: boolean;
  maxPageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The page of `items` at `offset`/`limit`, as the server's misbehaviour switches shape it. */
export function takePage<T>(items: readonly T[], offset: number, limit: number, misbehave: Misbehave): Page<T> {
  const start = misbehave.ignoreOffset ? 0 : offset;
  const size = Math.min(limit, misbehave.maxPageSize ?? limit);
  const drift = (misbehave.totalDrift ?? 0) * Math.floor(offset / limit);
  return { items: items.slice(start, start + size), total: items.length + drift };
}
