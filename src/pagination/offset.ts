import type { OffsetPagination } from "../core/operation.js";
import { InvalidPageError } from "./errors.js";
import { callerNumber, inputNumber, pageLimit } from "./numbers.js";
import { answerFacts, readPage, type AnswerFacts, type Page } from "./page.js";
import { RepeatFilter } from "./repeats.js";
import type { WalkContext, WalkPage } from "./walk.js";

interface Request {
  readonly offset: number;
  readonly limit: number;
  readonly page: Promise<Page>;
}

/**
 * Walks an offset/limit list. Stops on a short (or empty) page, once the offset reaches the total of the first
 * page (the first valid total bounds the walk: one that grows cannot extend it), or on `maxItems`. Against a
 * server that keeps going it ends with an {@link InvalidPageError}: a total beyond the operation's offset
 * maximum (after the first page), full pages up to that maximum when there is no total, a page whose items
 * were all on the page before. With `concurrency` > 1 and a total, the next pages are requested ahead (at most
 * `concurrency` in flight) and still yielded in order; leaving the loop aborts the requests in flight.
 */
export async function* offsetWalk({
  call,
  operation,
  spec,
  params,
  options,
}: WalkContext<OffsetPagination>): AsyncGenerator<WalkPage> {
  const start = callerNumber(operation, spec, params, spec.offset) ?? 0;
  const fixedLimit = callerNumber(operation, spec, params, spec.limit);
  const repeats = new RepeatFilter(spec);
  const end = start + options.maxItems; // the offset past the last item wanted, repeats aside
  const queue: Request[] = [];
  let controller: AbortController | undefined; // only once pages are fetched ahead
  let callOptions = options.call;
  let next = start; // offset of the next page to request
  let bound = Infinity;
  let remaining = options.maxItems;
  // What an error about the page before needs (status, request id, attempts) — not the page itself, whose items
  // would otherwise stay alive through the next request and parse, two pages on the heap instead of one.
  let last: AnswerFacts | undefined;

  const request = () => {
    const limit = pageLimit(spec, fixedLimit, end - next);
    const page = call(
      { ...params, [spec.offset]: inputNumber(spec, next), [spec.limit]: inputNumber(spec, limit) },
      callOptions,
    ).then((answer) => readPage(operation, spec, spec.total, answer));
    page.catch(() => {}); // a page fetched ahead may fail after the loop has left; its error is read in turn or never
    queue.push({ offset: next, limit, page });
    next += limit;
  };

  // Pages ahead: at most `concurrency` requests in flight, none past the total or past what maxItems wants.
  const fetchAhead = () => {
    while (controller !== undefined && queue.length < options.concurrency && next < Math.min(bound, end)) request();
  };

  try {
    while (remaining > 0) {
      fetchAhead();
      if (queue.length === 0) {
        if (next >= bound) return;
        if (spec.maxOffset !== undefined && next > spec.maxOffset && last !== undefined) {
          throw new InvalidPageError(
            { operation, ...last },
            "past-offset-maximum",
            `kept sending full pages up to the operation's offset maximum (${spec.maxOffset}) without a total`,
          );
        }
        request();
      }
      const { offset, limit, page: pending } = queue.shift()!;
      const page = await pending;
      last = answerFacts(page.answer);
      if (offset === start && page.total !== undefined) {
        bound = page.total;
        checkReach(operation, spec, page, Math.min(bound, end), limit);
        if (options.concurrency > 1) {
          controller = new AbortController();
          callOptions = {
            ...options.call,
            signal: options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal,
          };
          fetchAhead(); // before this page's items are yielded
        }
      }

      const fresh = repeats.filter(page.items);
      if (page.items.length > 0 && fresh.length === 0) {
        throw new InvalidPageError(
          { operation, ...page.answer },
          "repeated-page",
          `sent a page (offset ${offset}) whose ${page.items.length} items were all on the page before`,
        );
      }
      const items = fresh.length > remaining ? fresh.slice(0, remaining) : fresh;
      remaining -= items.length;
      yield { response: page.answer.data, items };
      if (page.items.length < limit) return; // a short page: the list ends here
    }
  } finally {
    controller?.abort();
  }
}

/** A first page whose total lies beyond what the operation lets offsets reach: the walk could never finish. */
function checkReach(operation: string, spec: OffsetPagination, page: Page, wantedEnd: number, limit: number): void {
  if (spec.maxOffset === undefined || wantedEnd <= spec.maxOffset + limit) return;
  throw new InvalidPageError(
    { operation, ...page.answer },
    "total-beyond-reach",
    `reports a total of ${page.total} items, more than ${operation} can page through (offset at most ${spec.maxOffset}); set maxItems to walk part of the list`,
  );
}
