import { InvalidInputError } from "../core/errors.js";
import type { MarkerPagination } from "../core/operation.js";
import { quote } from "../core/show.js";
import { InvalidPageError } from "./errors.js";
import { callerNumber, inputNumber, pageLimit } from "./numbers.js";
import { answerFacts, describe, readPage, type AnswerFacts, type Page } from "./page.js";
import { RepeatFilter } from "./repeats.js";
import type { WalkContext, WalkPage } from "./walk.js";

/**
 * Walks a marker list: each request passes the marker the page before ended with (its last item's field, or
 * a body field such as `page_info.next_marker`). Stops on an empty page, a missing next marker, a short page
 * (last-item markers, which cannot tell the end otherwise), or on `maxItems`. A marker the server already gave
 * (a circle) or a page whose items were all on the page before ends the walk with an {@link InvalidPageError}.
 * The markers seen are kept (one short string per page) to recognise a circle of any length.
 */
export async function* markerWalk({
  call,
  operation,
  spec,
  params,
  options,
}: WalkContext<MarkerPagination>): AsyncGenerator<WalkPage> {
  const fixedLimit = callerNumber(operation, spec, params, spec.limit);
  const repeats = new RepeatFilter(spec);
  const markers = new Set<string>();
  let marker = params[spec.marker] as string | undefined;
  if (marker !== undefined) markers.add(marker);
  let remaining = options.maxItems;
  // The page the marker being sent came from (undefined while it is the caller's own, or none).
  let last: AnswerFacts | undefined;
  /**
   * One page's call. A marker the server gave that the operation's own spec refuses (longer than its
   * maxLength, say) is the server's doing: an InvalidPageError about the page that sent it, not an
   * InvalidInputError blaming a field the caller never set.
   */
  const callWith = async (input: Record<string, unknown>, from: AnswerFacts | undefined) => {
    try {
      return await call(input, options.call);
    } catch (error) {
      if (from === undefined || !(error instanceof InvalidInputError) || error.field !== spec.marker) throw error;
      throw new InvalidPageError(
        { operation, ...from },
        "invalid-marker",
        `sent a next marker ${operation} does not take (${error.expected}): ${quote(String(input[spec.marker]))}`,
      );
    }
  };
  while (remaining > 0) {
    const limit = pageLimit(spec, fixedLimit, remaining);
    const input = {
      ...params,
      [spec.limit]: inputNumber(spec, limit),
      ...(marker !== undefined && { [spec.marker]: marker }),
    };
    const page = readPage(operation, spec, null, await callWith(input, last));
    const fresh = repeats.filter(page.items);
    if (page.items.length > 0 && fresh.length === 0) {
      throw new InvalidPageError(
        { operation, ...page.answer },
        "repeated-page",
        `sent a page (marker ${marker === undefined ? "none" : quote(marker)}) whose ${page.items.length} items were all on the page before`,
      );
    }
    last = answerFacts(page.answer);
    const items = fresh.length > remaining ? fresh.slice(0, remaining) : fresh;
    remaining -= items.length;
    yield { response: page.answer.data, items };
    if (page.items.length === 0 || (spec.next.from === "last-item" && page.items.length < limit)) return;
    const following = nextMarker(operation, spec, page);
    if (following === undefined) return;
    if (markers.has(following)) {
      throw new InvalidPageError(
        { operation, ...page.answer },
        "repeated-marker",
        `answered with the marker ${quote(following)} a second time (the walk would go round in a circle)`,
      );
    }
    markers.add(following);
    marker = following;
  }
}

/** The marker for the next request: a string or number at the spec's place; undefined (or empty) ends the walk. */
function nextMarker(operation: string, spec: MarkerPagination, page: Page): string | undefined {
  let value: unknown;
  if (spec.next.from === "last-item") {
    const item = page.items[page.items.length - 1];
    value = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[spec.next.field] : undefined;
  } else {
    value = page.answer.data;
    for (const name of spec.next.path)
      value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  }
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return value;
  const where =
    spec.next.from === "last-item" ? `the last item's "${spec.next.field}"` : `"${spec.next.path.join(".")}"`;
  throw new InvalidPageError(
    { operation, ...page.answer },
    "invalid-marker",
    `sent ${describe(value)} as the next marker (${where})`,
  );
}
