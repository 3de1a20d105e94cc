import type { AnyPaginatedMethod, CallOptions, MethodResponse } from "../core/method.js";
import type { PageShape, PageTotal } from "../core/operation.js";
import { quote } from "../core/show.js";
import { InvalidPageError } from "./errors.js";

/** One answer of a list operation, with what errors and totals need besides the body. */
export interface PageAnswer {
  readonly data: unknown;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly attempts: number | undefined;
  /** Every response header. */
  readonly headers: Headers;
}

/** What an error about a page says of its answer: kept after the page itself is let go. */
export type AnswerFacts = Pick<PageAnswer, "status" | "requestId" | "attempts">;

export function answerFacts({ status, requestId, attempts }: PageAnswer): AnswerFacts {
  return { status, requestId, attempts };
}

/** A page as a walk uses it: the answer, its items (checked to be an array) and its total when it has one. */
export interface Page {
  readonly answer: PageAnswer;
  readonly items: readonly unknown[];
  readonly total: number | undefined;
}

/** Calls the list method for one page. */
export type PageCall = (input: Record<string, unknown>, options: CallOptions) => Promise<PageAnswer>;

/** Calls a list method for one page through `withResponse`: errors name the page's status and request id. */
export function pageCaller(method: Pick<AnyPaginatedMethod, "withResponse">): PageCall {
  const { withResponse } = method;
  return async (input, options) => {
    const answer: MethodResponse<unknown, unknown> = await withResponse(input, options);
    const { data, status, requestId, attempts, rawHeaders } = answer;
    return { data, status, requestId, attempts, headers: rawHeaders };
  };
}

/** Checks and reads a page: the items must be an array, the total (when the page has one) a safe integer ≥ 0. */
export function readPage(operation: string, shape: PageShape, total: PageTotal | null, answer: PageAnswer): Page {
  const { data } = answer;
  let items: unknown = data;
  if (shape.items !== null) {
    if (typeof data !== "object" || data === null || Array.isArray(data))
      throw pageError(
        operation,
        answer,
        "items-not-array",
        `sent ${describe(data)} where an object with "${shape.items}" was documented`,
      );
    items = (data as Record<string, unknown>)[shape.items] ?? []; // an optional list left out: no items
  }
  if (!Array.isArray(items))
    throw pageError(
      operation,
      answer,
      "items-not-array",
      `sent ${describe(items)} where the list${shape.items === null ? "" : ` "${shape.items}"`} was documented`,
    );
  if (total === null) return { answer, items, total: undefined };
  const found = total.in === "body" ? (data as Record<string, unknown>)[total.field] : headerTotal(total, answer);
  if (found === undefined || found === null) return { answer, items, total: undefined };
  if (typeof found !== "number" || !Number.isSafeInteger(found) || found < 0) {
    const where = total.in === "body" ? `"${total.field}"` : `header ${total.name}`;
    throw pageError(
      operation,
      answer,
      "invalid-total",
      `sent ${describe(found)} as the total (${where}), not a whole number ≥ 0`,
    );
  }
  return { answer, items, total: found };
}

/** A page a walk cannot read (built only when one is found: no closure per page). */
function pageError(
  operation: string,
  answer: PageAnswer,
  behaviour: "items-not-array" | "invalid-total",
  detail: string,
): InvalidPageError {
  return new InvalidPageError({ operation, ...answer }, behaviour, detail);
}

/** The total a header holds: `Content-Range: items 0-9/100` (`/*`: unknown), or the header's number. */
function headerTotal(total: Extract<PageTotal, { in: "header" }>, { headers }: PageAnswer): unknown {
  const value = headers.get(total.name);
  if (value === null) return undefined;
  if (total.format === "integer") return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  const match = /^\s*(?:[A-Za-z]+\s+)?(?:\d+-\d+|\*)\/(\d+|\*)\s*$/.exec(value);
  if (match === null) return value;
  return match[1] === "*" ? undefined : Number(match[1]);
}

/** A short description of a value a server sent, for messages (never the whole value, never a raw control). */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${quote(value, 40)}`;
  if (typeof value === "number") return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
