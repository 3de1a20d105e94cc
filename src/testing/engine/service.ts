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
  /** Validated input; offset and limit always present where the spec gives them defaults. */
  input: ValidInput;
  /** Response headers the handler adds to its 200 answer (e.g. a Content-Range with the total). */
  headers: Record<string, string>;
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

/**
 * The module of a service the stand-in has none for: no handlers (every operation gets its documented answer)
 * and errors in the common Huawei Cloud body (`error_code`, `error_msg`), codes prefixed with the service name.
 */
export function defaultService<Store>(name: string): StandInService<Store> {
  const code = (suffix: string) => `${name.toUpperCase()}.${suffix}`;
  return {
    name,
    pathPrefix: "/",
    errors: {
      codes: {
        invalidParameter: [code("0001"), "Invalid parameter."],
        invalidQuery: [code("0001"), "Invalid query parameter."],
        unparsable: [code("0002"), "The request could not be parsed."],
        unauthorized: [code("0401"), "Authentication failed."],
        forbidden: [code("0403"), "Insufficient permissions."],
        noSuchApi: ["APIGW.0101", "The API does not exist or has not been published in the environment."],
        internal: [code("0500"), "Internal server error."],
      },
      injectedCode: (status) => code(String(status)),
      body: (errorCode, message) => ({ error_code: errorCode, error_msg: message }),
    },
    handlers: {},
  };
}
