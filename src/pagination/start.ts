import type { AnyPaginated } from "../paginate.js";
import { markerWalk } from "./marker.js";
import { offsetWalk } from "./offset.js";
import { walkOptions, type PaginateOptions } from "./options.js";
import { pageCaller } from "./page.js";
import type { WalkPage } from "./walk.js";

/**
 * Walks a list operation page by page in the style its `x-pagination` describes (`offset.ts`, `marker.ts`). Options are checked before the first request. Page size: the caller's `limit` if
 * given (checked against the spec's bounds like any input), otherwise the largest the operation allows (or
 * fewer, when `maxItems` wants fewer). No item is yielded twice (`pagination/repeats.ts`).
 */
export function startWalk(
  method: AnyPaginated,
  params: unknown,
  options: PaginateOptions = {},
): AsyncGenerator<WalkPage> {
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
