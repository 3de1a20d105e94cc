import type { OperationSpec } from "../operation.js";
import { runHook } from "./hook-error.js";
import type { RequestStep } from "./types.js";

/**
 * What every hook is given, after openapi-fetch's `MiddlewareCallbackParams`. `request` is the request as sent:
 * **authorized** — it carries `X-Auth-Token`, or the AK/SK `Authorization` signature and `X-Security-Token`.
 * Treat it as a secret: never log its headers as they are.
 */
export interface MiddlewareParams {
  readonly request: Request;
  /** The operation, as the generated table describes it (`operationId`, `method`, the path template). */
  readonly operation: OperationSpec;
  /** Which HTTP attempt of the call this is, from 1. */
  readonly attempt: number;
}

/**
 * Hooks around each HTTP attempt, for debugging, named as openapi-fetch's `Middleware`. They observe: what
 * they return is ignored (changing a signed request would break its signature; to change what is sent, pass
 * a `fetch`). They are awaited, inside the attempt's timeout. To read a body, read a `clone()`: the pipeline
 * reads the originals. A hook that throws ends the call with a HookError.
 */
export interface Middleware {
  /** Before the request goes out; in the order the middleware were given. */
  onRequest?(params: MiddlewareParams): void | Promise<void>;
  /** When the response headers came (any status, a 3xx included); in reverse order, as openapi-fetch does. */
  onResponse?(params: MiddlewareParams & { readonly response: Response }): void | Promise<void>;
  /** When no answer came; `error` is what fetch rejected with (the call then ends with a NetworkError, TimeoutError or the abort reason); in reverse order. */
  onError?(params: MiddlewareParams & { readonly error: unknown }): void | Promise<void>;
}

/**
 * Runs the caller's middleware hooks around each HTTP exchange, on the request as sent (after authorize) and
 * the response as it came (before the redirect and size checks). Without middleware the step is left out of
 * the stack when the pipeline is composed.
 */
export const middleware: RequestStep = (next, client) => {
  const hooks = client.middleware;
  if (hooks.length === 0) return next;
  return async (request, call) => {
    const params = { request, operation: call.operation, attempt: call.attempts };
    for (const hook of hooks) {
      if (hook.onRequest) await runHook(call, "onRequest", () => hook.onRequest!(params));
    }
    let response: Response;
    try {
      response = await next(request, call);
    } catch (error) {
      for (const hook of reversed(hooks)) {
        if (hook.onError) await runHook(call, "onError", () => hook.onError!({ ...params, error }));
      }
      throw error;
    }
    for (const hook of reversed(hooks)) {
      if (hook.onResponse) await runHook(call, "onResponse", () => hook.onResponse!({ ...params, response }), response);
    }
    return response;
  };
};

function* reversed<T>(items: readonly T[]): Generator<T> {
  for (let i = items.length - 1; i >= 0; i--) yield items[i]!;
}

const HOOKS = ["onRequest", "onResponse", "onError"] as const;

/** The `middleware` option, checked when the client is created; the array is copied (a later change to it has no effect). */
export function checkMiddleware(name: string, value: unknown): readonly Middleware[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${name}: expected an array of middleware objects`);
  return Object.freeze(
    value.map((item: unknown, index) => {
      const hooks = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : undefined;
      const given = HOOKS.filter((hook) => hooks?.[hook] !== undefined);
      if (hooks === undefined || given.length === 0 || given.some((hook) => typeof hooks[hook] !== "function")) {
        throw new TypeError(
          `${name}[${index}]: expected an object with at least one of onRequest, onResponse, onError, each a function`,
        );
      }
      return hooks;
    }),
  );
}
