import { InvalidResponseError } from "../core/errors.js";
import { cut } from "../core/show.js";

/** What the server did that made a walk stop: the server's behaviour, never the caller's input. */
export type PagingBehaviour =
  /** The items field (or the body, for an array body) is not an array. */
  | "items-not-array"
  /** The total (body field or header) is not a non-negative safe integer. */
  | "invalid-total"
  /** The first page reports more items than the operation's offset maximum lets a walk reach. */
  | "total-beyond-reach"
  /** With no total to stop at, full pages kept coming up to the operation's offset maximum. */
  | "past-offset-maximum"
  /** Every item of a page was already on the page before (the server ignored the offset or the marker). */
  | "repeated-page"
  /** The server answered with a marker it had already given (the walk would go round in a circle). */
  | "repeated-marker"
  /** The next marker is neither a string nor a number, or one the operation's spec refuses (too long, say). */
  | "invalid-marker";

/**
 * A 2xx page that a walk cannot go on from: an `InvalidResponseError` (same `name`, `instanceof` both), with the
 * server's behaviour in `behaviour` and in words in the message, plus the page's status and request id.
 */
export class InvalidPageError extends InvalidResponseError {
  constructor(
    init: { operation: string; status: number; requestId: string | undefined; attempts: number | undefined },
    readonly behaviour: PagingBehaviour,
    detail: string,
  ) {
    super({ ...init, reason: "invalid-page" });
    // The request id is server text, cut as every message cuts it (a header can be kilobytes long).
    this.message = `${init.operation}: the server ${detail} (HTTP ${init.status}${init.requestId ? `, request id ${cut(init.requestId)}` : ""})`;
  }
}
