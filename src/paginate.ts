import type { InputOf, ItemOf, OutputOf, PaginatedMethod } from "./core/method.js";

export interface PaginateOptions {
  /** Stop after this many items. */
  readonly maxItems?: number;
  /** Aborts the walk, including a request in flight. */
  readonly signal?: AbortSignal;
}

type AnyPaginated = PaginatedMethod<any, any, any>;
type PaginateArgs<M extends AnyPaginated> = {} extends InputOf<M>
  ? [params?: InputOf<M>, options?: PaginateOptions]
  : [params: InputOf<M>, options?: PaginateOptions];

interface Page<M extends AnyPaginated> {
  readonly response: OutputOf<M>;
  /** The page's items that were not already yielded by the page before it. */
  readonly items: ItemOf<M>[];
}

/**
 * Walks an offset/limit list operation page by page, driven by the operation's `x-pagination` facts.
 *
 * Page size: the caller's `limit` if given (checked against the spec's bounds like any input), otherwise the
 * largest the operation allows. The walk stops on an empty page, a short page, or once the offset reaches the
 * reported total. It is also safe against a misbehaving server: the smallest total seen bounds the walk (a
 * total that keeps growing cannot extend it forever), and items at the start of a page that repeat the
 * previous page's items are skipped (a page that repeats entirely ends the walk), so no item is yielded twice
 * because the server shifted or ignored the offset. Only one page is held at a time.
 *
 * Offset paging over a live list is not a snapshot: an item added before the current offset while paging
 * shifts the rest by one (the repeat is skipped, as above), and an item removed before it shifts them back
 * (one item may then be missed). Items added after the first page beyond the first reported total are not
 * visited.
 */
async function* walk<M extends AnyPaginated>(method: M, params: InputOf<M> | undefined, options: PaginateOptions): AsyncGenerator<Page<M>> {
  const pagination = method?.pagination;
  if (!pagination) throw new TypeError("paginate: expected a paginated method, such as hss.listTasks");
  if (pagination.style !== "offset") throw new TypeError(`paginate: paging style "${String(pagination.style)}" is not supported`);
  const input = { ...(params as Record<string, unknown> | undefined) };
  const fixedLimit = input[pagination.limit] as number | undefined;
  let offset = (input[pagination.offset] as number | undefined) ?? 0;
  const { maxItems = Infinity } = options;
  if (maxItems !== Infinity && !(Number.isInteger(maxItems) && maxItems >= 0)) {
    throw new TypeError(`paginate: maxItems: expected a whole number ≥ 0, got ${String(maxItems)}`);
  }
  let remaining = maxItems;
  let bound = Infinity;
  let previous: readonly unknown[] = [];
  while (remaining > 0 && offset < bound) {
    // Without a caller's limit, ask for no more than still wanted, within the operation's bounds.
    const limit = fixedLimit ?? Math.max(pagination.minLimit, Math.min(pagination.maxLimit, remaining));
    const response = await method({ ...input, [pagination.offset]: offset, [pagination.limit]: limit }, options.signal ? { signal: options.signal } : {});
    const received: unknown[] = (response as Record<string, unknown>)[pagination.items] as unknown[] | undefined ?? [];
    const total = (response as Record<string, unknown>)[pagination.total];
    if (typeof total === "number") bound = Math.min(bound, total);

    const repeated = repeatedPrefix(previous, received);
    if (received.length > 0 && repeated === received.length) return; // the server sent the previous page again
    const items = received.slice(repeated, repeated + remaining) as ItemOf<M>[];
    previous = received;

    yield { response, items };
    remaining -= items.length;
    offset += received.length;
    if (received.length < limit) return;
  }
}

/**
 * How many items at the start of `page` repeat a run of the previous page: after an insertion ahead of the
 * offset the next page starts with the previous page's last items; a server that ignores the offset sends the
 * whole page again. Items are compared by value; a cheap first-field mismatch settles almost every comparison.
 */
function repeatedPrefix(previous: readonly unknown[], page: readonly unknown[]): number {
  if (page.length === 0) return 0;
  const start = previous.findIndex((item) => equalValues(item, page[0]));
  if (start === -1) return 0;
  let count = 1;
  while (count < page.length && start + count < previous.length && equalValues(previous[start + count], page[count])) count++;
  return count;
}

/** Structural equality of JSON values. */
function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => equalValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Yields every item of a list operation, fetching pages as the loop asks for them. */
async function* paginateItems<M extends AnyPaginated>(method: M, ...[params, options = {}]: PaginateArgs<M>): AsyncGenerator<ItemOf<M>, void, undefined> {
  for await (const page of walk(method, params, options)) yield* page.items;
}

/** Yields each page's whole response. */
async function* pages<M extends AnyPaginated>(method: M, ...[params, options = {}]: PaginateArgs<M>): AsyncGenerator<OutputOf<M>, void, undefined> {
  for await (const page of walk(method, params, options)) yield page.response;
}

/** Collects every item into an array; set `maxItems` to bound the memory it takes. */
async function all<M extends AnyPaginated>(method: M, ...args: PaginateArgs<M>): Promise<ItemOf<M>[]> {
  const items: ItemOf<M>[] = [];
  for await (const item of paginateItems(method, ...args)) items.push(item);
  return items;
}

/**
 * `for await (const task of paginate(hss.listTasks, { task_type: "iac_scan" }))` — items;
 * `paginate.pages(...)` — whole responses; `paginate.all(...)` — an array.
 */
export const paginate: typeof paginateItems & { readonly pages: typeof pages; readonly all: typeof all } = Object.assign(paginateItems, { pages, all });
