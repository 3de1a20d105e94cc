import type { AnyPaginatedMethod as AnyPaginated, InputOf, ItemOf, OutputOf } from "./core/method.js";
import { markerWalk } from "./pagination/marker.js";
import { offsetWalk } from "./pagination/offset.js";
import { walkOptions, type PaginateOptions } from "./pagination/options.js";
import { pageCaller } from "./pagination/page.js";
import type { WalkPage } from "./pagination/walk.js";

export type { PaginateOptions } from "./pagination/options.js";
export { InvalidPageError, type PagingBehaviour } from "./pagination/errors.js";

type PaginateArgs<M extends AnyPaginated> =
  {} extends InputOf<M>
    ? [params?: InputOf<M>, options?: PaginateOptions]
    : [params: InputOf<M>, options?: PaginateOptions];

/**
 * Walks a list operation page by page in the style its `x-pagination` describes (`pagination/offset.ts`,
 * `pagination/marker.ts`). Options are checked before the first request. Page size: the caller's `limit` if
 * given (checked against the spec's bounds like any input), otherwise the largest the operation allows (or
 * fewer, when `maxItems` wants fewer). No item is yielded twice (`pagination/repeats.ts`).
 */
function walk(method: AnyPaginated, params: unknown, options: PaginateOptions = {}): AsyncGenerator<WalkPage> {
  const pagination = method?.pagination;
  if (!pagination) throw new TypeError("paginate: expected a paginated method, such as hss.listTasks");
  const checked = walkOptions(options);
  const input = { ...(params as Record<string, unknown> | undefined) };
  const context = {
    call: pageCaller(method),
    operation: method.operation.operationId,
    params: input,
    options: checked,
  };
  switch (pagination.style) {
    case "offset":
      return offsetWalk({ ...context, spec: pagination });
    case "marker":
      return markerWalk({ ...context, spec: pagination });
  }
}

/** Yields every item of a list operation, fetching pages as the loop asks for them. */
async function* paginateItems<M extends AnyPaginated>(
  method: M,
  ...[params, options]: PaginateArgs<M>
): AsyncGenerator<ItemOf<M>, void, undefined> {
  for await (const page of walk(method, params, options)) {
    const items = page.items as readonly ItemOf<M>[];
    for (let index = 0; index < items.length; index++) yield items[index]!;
  }
}

/** Yields each page's whole response. */
async function* pages<M extends AnyPaginated>(
  method: M,
  ...[params, options]: PaginateArgs<M>
): AsyncGenerator<OutputOf<M>, void, undefined> {
  for await (const page of walk(method, params, options)) yield page.response as OutputOf<M>;
}

/** Collects every item into an array; set `maxItems` to bound the memory it takes. */
async function all<M extends AnyPaginated>(method: M, ...[params, options]: PaginateArgs<M>): Promise<ItemOf<M>[]> {
  const items: ItemOf<M>[] = [];
  for await (const page of walk(method, params, options)) for (const item of page.items) items.push(item as ItemOf<M>);
  return items;
}

/**
 * `for await (const task of paginate(hss.listTasks, { task_type: "iac_scan" }))` — items;
 * `paginate.pages(...)` — whole responses; `paginate.all(...)` — an array.
 */
export const paginate: typeof paginateItems & { readonly pages: typeof pages; readonly all: typeof all } =
  Object.assign(paginateItems, { pages, all });
