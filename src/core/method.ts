import type { OperationSpec, PaginationSpec } from "./operation.js";

/** Per-call options, the second argument of every method. */
export interface CallOptions {
  /** Aborts the call, including any retry wait in progress. */
  readonly signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout for this call. */
  readonly timeoutMs?: number;
}

/** A method whose input fields are all optional may be called without an input object. */
export type MethodArgs<I> = {} extends I ? [input?: I, options?: CallOptions] : [input: I, options?: CallOptions];

/** One API operation bound to a client. Methods are plain closures: `const f = hss.listTasks` works. */
export interface Method<I, O> {
  (...args: MethodArgs<I>): Promise<O>;
  /** The generated description of the operation this method calls. */
  readonly operation: OperationSpec;
}

/**
 * A list operation that `paginate` accepts. `K` is the response field holding the items, or `null` when the
 * response body is the array of items itself.
 */
export interface PaginatedMethod<I, O, K extends keyof O | null> extends Method<I, O> {
  readonly pagination: PaginationSpec;
  /** Type-only marker carrying the items field; never set at run time. */
  readonly itemsField?: K;
}

/** The item type of a paginated method, e.g. one entry of ListTasks' `data_list`. */
export type ItemOf<M> = M extends PaginatedMethod<any, infer O, infer K> ? ListItem<[K] extends [keyof O] ? NonNullable<O[K]> : O> : never;
type ListItem<L> = L extends readonly (infer T)[] ? T : never;

/** The input type of a method. */
export type InputOf<M> = M extends Method<infer I, any> ? I : never;
/** The response type of a method. */
export type OutputOf<M> = M extends Method<any, infer O> ? O : never;
