/**
 * What a service module gives the engine: its error style, and a handler per operationId over its part of the
 * store. The engine routes, authenticates and validates against the spec before a handler runs.
 */
import type { ErrorStyle } from "./error-answers.js";
import type { Misbehave } from "./paging.js";
import type { ValidInput } from "./validation.js";

export interface HandlerContext<Store> {
  store: Store;
  misbehave: Misbehave;
  /** Validated input; offset and limit always present thanks to the spec's defaults. */
  input: ValidInput;
}

/** Returns the 200 body, or throws `RejectedInputError`. */
export type Handler<Store> = (ctx: HandlerContext<Store>) => unknown;

export interface StandInService<Store> {
  /** The spec file's service name (`hss.v5.yaml` → `hss`). */
  readonly name: string;
  /** Paths of this service start so: an unknown path is answered in the style of the service it looks like. */
  readonly pathPrefix: string;
  readonly errors: ErrorStyle;
  readonly handlers: Readonly<Record<string, Handler<Store>>>;
}

/**
 * Thrown by a handler for input the schema accepts but the operation does not (answered 400). Not the
 * library's `InvalidInputError`: this one is the server refusing a request.
 */
export class RejectedInputError extends Error {
  override readonly name = "RejectedInputError";
}
