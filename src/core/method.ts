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

/** One API operation bound to a client. Methods are plain closures: `const f = hss.listTasks` works. */
export interface Method<I, O> {
  (...args: MethodArgs<I>): Promise<O>;
  /** The generated description of the operation this method calls. */
  readonly operation: OperationSpec;
}

/** A list operation that `paginate` accepts. `K` is the response field holding the items. */
export interface PaginatedMethod<I, O, K extends keyof O> extends Method<I, O> {
  readonly pagination: PaginationSpec;
  /** Type-only marker carrying the items field; never set at run time. */
  readonly itemsField?: K;
}

/** The item type of a paginated method, e.g. one entry of ListTasks' `data_list`. */
export type ItemOf<M> = M extends PaginatedMethod<any, infer O, infer K>
  ? NonNullable<O[K]> extends readonly (infer T)[]
    ? T
    : never
  : never;

/** The input type of a method. */
export type InputOf<M> = M extends Method<infer I, any> ? I : never;
/** The response type of a method. */
export type OutputOf<M> = M extends Method<any, infer O> ? O : never;
