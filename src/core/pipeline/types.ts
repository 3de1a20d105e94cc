import type { Client } from "openapi-fetch";
import type { AuthStrategy } from "../../auth/strategy.js";
import type { CallOptions } from "../method.js";
import type { OperationSpec } from "../operation.js";
import type { RetryPolicy } from "../retry-policy.js";
import type { AccessLog } from "./access-log.js";
import type { ClientSignal } from "./client-signal.js";
import type { Middleware } from "./middleware.js";

/**
 * The request pipeline's types. A call runs down a stack of named steps, each a small function in its own
 * file, composed once per client in `compose.ts` (the anchors: AWS SDK v3's middleware stack, Octokit's
 * `hook.wrap`). There are two levels:
 *
 * - call steps (`Step`) see the whole call — operation, input, attempts — and answer an `Outcome`
 *   (validate, build, retry, refresh-auth, classify; `send` ends the stack);
 * - request steps (`RequestStep`) see one HTTP exchange, the `Request` openapi-fetch built → its `Response`
 *   (authorize; `transport` ends the stack). They run inside `send`, under the attempt's deadline.
 *
 * A step does its part and calls `next` (or does not: validation throws, retry calls it again). Adding a step
 * is one file and one line in `compose.ts`.
 */

/** Everything a step may need from the client; built once per client. */
export interface ClientContext {
  readonly auth: AuthStrategy;
  readonly retry: RetryPolicy;
  /** The client's per-attempt timeout (checked), used when a call does not set its own. */
  readonly timeoutMs: number;
  /** The client's signal, applied to every call through one listener (see `client-signal.ts`). */
  readonly signal: ClientSignal | undefined;
  /** The most bytes a response body may have; a larger one ends the call with InvalidResponseError. */
  readonly maxResponseBytes: number;
  /** Values operations take from the client's options (`x-client-option`), e.g. `projectId`. */
  readonly clientValues: Readonly<Record<string, unknown>>;
  /**
   * Finds a client value the options left out (the project id for the region); see fill-client-values.ts.
   * `signal` ends the wait (the call's deadline for it, or the caller's signal).
   */
  readonly lookupClientValue?: ((name: string, signal: AbortSignal) => Promise<unknown>) | undefined;
  /** The caller's fetch, or undefined for the runtime's transport (node:http on Node, else the global fetch). */
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  /** The openapi-fetch client the methods send through (created on first use; no middleware of its own). */
  readonly http: () => Client<any>;
  /** The caller's access log (checked), or undefined: then the access-log step is left out of the stack. */
  readonly accessLog: AccessLog | undefined;
  /** The caller's middleware hooks (checked, copied); empty: the middleware step is left out of the stack. */
  readonly middleware: readonly Middleware[];
}

/** The parts of one call, laid out by location, as openapi-fetch takes them. */
export interface RequestParts {
  readonly params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  /** The JSON body, serialized once per call; undefined when the operation has none. */
  readonly body: string | undefined;
}

/** One call as it goes down the stack. Fields marked "set by" are written by that step only. */
export interface Call {
  readonly operation: OperationSpec;
  /** The input as the caller gave it (not yet checked). */
  readonly input: unknown;
  /** The caller's per-call options, as given (validate reads what the later steps need from them, once). */
  readonly options: CallOptions;
  /**
   * Set by validate: the per-attempt timeout of the call's options, read once and checked; undefined when they
   * name none (the client's applies). The steps read this, never the options again: a caller may change its
   * options object while the call waits to retry.
   */
  timeoutMs: number | undefined;
  /** The client's and the call's signals combined; undefined when neither was given. */
  readonly signal: AbortSignal | undefined;
  /** Set by validate: a copy of the input taken while checking it; the steps after validate read only this. */
  checked: Record<string, unknown> | undefined;
  /** Set by fill-client-values: the client's values plus those looked up for this call (undefined: none). */
  clientValues: Readonly<Record<string, unknown>> | undefined;
  /** Set by build: the checked input placed by location. */
  parts: RequestParts | undefined;
  /** Set by send: HTTP attempts started so far. */
  attempts: number;
  /** Set by send: the latest attempt's response, when one came (status and headers, e.g. Retry-After). */
  response: Response | undefined;
  /**
   * Set by authorize: the latest attempt's request as sent, credentials included — for the auth strategy's
   * 401 check only. Never put it (or its headers) in an error, a log or an outcome.
   */
  sent: Request | undefined;
  /**
   * Set by send: the latest attempt's signal, aborted by its deadline or the caller's signal. The Request
   * openapi-fetch builds does not carry it (a Request following a signal costs undici a second signal and
   * listeners per attempt); the request steps and the transport read it here.
   */
  attemptSignal: AbortSignal | undefined;
  /** Releases what the call holds on the client's signal; called once the call settles. */
  readonly release: () => void;
  /** Set by refresh-auth: whether credentials were refreshed after a 401 during this call (at most once). */
  authRefreshed: boolean;
}

/** What the inner steps answer: the latest response and its body; classify adds the method's result. */
export interface Outcome {
  readonly response: Response;
  /** The body text of a 2xx answer (undefined when empty). */
  readonly text?: string | undefined;
  /** The body bytes of a 2xx answer, instead of `text`, for operations with a binary answer. */
  readonly bytes?: Uint8Array | undefined;
  /** The body of a non-2xx answer: parsed JSON, else its text; undefined when empty. */
  readonly errorBody?: unknown;
  /** Set by classify: the parsed 2xx body, which the method resolves with. */
  readonly output?: unknown;
}

export type Handler = (call: Call) => Promise<Outcome>;
/**
 * A call step: given the rest of the stack, the handler that does this step's part around it — or `next` itself
 * when the step has nothing to do for this client (it is then left out of the stack).
 */
export type Step = (next: Handler, client: ClientContext) => Handler;

/** One HTTP exchange. `call` is the call it belongs to (for what request steps record on it). */
export type Exchange = (request: Request, call: Call) => Promise<Response>;
/** A request step: given the rest of the exchange, the exchange that does this step's part around it. */
export type RequestStep = (next: Exchange, client: ClientContext) => Exchange;
