import type { OperationSpec, PaginationSpec } from "./operation.js";

/**
 * Per-call options, the second argument of every method (`hss.listTasks(input, { signal, timeoutMs })`). Each
 * one refines the client's setting for this call only; undefined means "as the client says".
 */
export interface CallOptions {
  /**
   * Aborts the call, including any retry wait in progress; the call then rejects with the signal's reason. The
   * client's own `signal`, when it has one, aborts the call as well.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Per-attempt timeout in milliseconds (up to 2147483647), or Infinity for none, instead of the client's
   * `timeoutMs` (default 30 s). Each retry gets the full timeout again; a timed-out attempt ends with TimeoutError.
   */
  readonly timeoutMs?: number | undefined;
}

/** A method whose input fields are all optional may be called without an input object. */
export type MethodArgs<I> = {} extends I ? [input?: I, options?: CallOptions] : [input: I, options?: CallOptions];

/**
 * What `method.withResponse(…)` resolves with: the body the plain method resolves with, plus the answer's
 * metadata (in the style of Octokit's `{ data, status, headers }`).
 */
export interface MethodResponse<O, H = {}> {
  /** The parsed body, as the plain method resolves (`undefined` where the answer has none). */
  readonly data: O;
  /** The HTTP status of the final attempt. */
  readonly status: number;
  /** The response headers the spec declares, by lowercase name, typed; an absent header is undefined. */
  readonly headers: H;
  /** Every response header, declared or not. */
  readonly rawHeaders: globalThis.Headers;
  /** The answer's `X-Request-Id`, for support requests. */
  readonly requestId: string | undefined;
  /** HTTP attempts the call made, retries and the retry after a credential refresh included. */
  readonly attempts: number;
}

/** One API operation bound to a client. Methods are plain closures: `const f = hss.listTasks` works. */
export interface Method<I, O, H = {}> {
  (...args: MethodArgs<I>): Promise<O>;
  /** The same call, resolving with the body and the answer's metadata (status, headers, request id, attempts). */
  readonly withResponse: (...args: MethodArgs<I>) => Promise<MethodResponse<O, H>>;
  /** The generated description of the operation this method calls. */
  readonly operation: OperationSpec;
}

/**
 * A list operation that `paginate` accepts. `K` is the response field holding the items, or `null` when the
 * response body is the array of items itself.
 */
export interface PaginatedMethod<I, O, K extends keyof O | null, H = {}> extends Method<I, O, H> {
  readonly pagination: PaginationSpec;
  /** Type-only marker carrying the items field; never set at run time. */
  readonly itemsField?: K;
}

/** Any operation's paginated method, whatever its input and output: what the walks and the waiter take. */
export type AnyPaginatedMethod = PaginatedMethod<any, any, any>;

/** The item type of a paginated method, e.g. one entry of ListTasks' `data_list`. */
export type ItemOf<M> =
  M extends PaginatedMethod<any, infer O, infer K, any>
    ? ListItem<[K] extends [keyof O] ? NonNullable<O[K]> : O>
    : never;
type ListItem<L> = L extends readonly (infer T)[] ? T : never;

/** The input type of a method. */
export type InputOf<M> = M extends Method<infer I, any, any> ? I : never;
/** The response type of a method. */
export type OutputOf<M> = M extends Method<any, infer O, any> ? O : never;
/** The declared response headers of a method, as `withResponse().headers` types them. */
export type HeadersOf<M> = M extends Method<any, any, infer H> ? H : never;
