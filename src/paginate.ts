import type { InputOf, ItemOf, OutputOf, PaginatedMethod } from "./core/method.js";
import type { PaginateOptions } from "./pagination/options.js";
import type { WalkPage } from "./pagination/walk.js";

export type { PaginateOptions } from "./pagination/options.js";
export { InvalidPageError, type PagingBehaviour } from "./pagination/errors.js";

export type AnyPaginated = PaginatedMethod<any, any, any>;
type PaginateArgs<M extends AnyPaginated> =
  {} extends InputOf<M>
    ? [params?: InputOf<M>, options?: PaginateOptions]
    : [params: InputOf<M>, options?: PaginateOptions];

/**
 * Walks a list operation page by page (`pagination/start.ts`). The paging modules are loaded on the first
 * page asked for, not when the package is imported: a process that never paginates does not load them.
 */
async function* walk(method: AnyPaginated, params: unknown, options?: PaginateOptions): AsyncGenerator<WalkPage> {
  const { startWalk } = await import("./pagination/start.js");
  yield* startWalk(method, params, options);
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
