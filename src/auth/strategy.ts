import { headerValueProblem } from "../core/header-value.js";
import { signBuiltRequest, signRequest } from "./sign.js";

/** How a client authenticates: an IAM token (or a function that fetches one), or an AK/SK pair. */
export type AuthOptions =
  | { readonly token: string | (() => string | Promise<string>) }
  | { readonly ak: string; readonly sk: string; readonly securityToken?: string };

/**
 * An authentication strategy, plugged into the request pipeline as a hook (as Octokit's auth strategies are):
 * it adds credentials to each outgoing request, and says whether a 401 is worth one more try.
 */
export interface AuthStrategy {
  /**
   * Returns the request with credentials added. Called on every attempt, so every retry is signed afresh.
   * `body` is the request's body as the string it was built from, when the caller has it (the pipeline does):
   * the AK/SK signature then hashes it instead of reading the body back from the request.
   */
  authorize(request: Request, body?: string): Promise<Request>;
  /**
   * Called after a 401 to the given (authorized) request. Returns true when fresh credentials may fix it;
   * the caller then sends the request once more.
   */
  refresh(rejected: Request): boolean;
}

export function createAuthStrategy(auth: AuthOptions): AuthStrategy {
  if (typeof auth !== "object" || auth === null) throw new TypeError("auth: expected { token } or { ak, sk }");
  if ("token" in auth) {
    if (typeof auth.token === "function") return tokenProviderAuth(auth.token);
    if (typeof auth.token === "string" && auth.token !== "") return staticTokenAuth(checkHeaderSecret("auth.token", auth.token));
    throw new TypeError("auth.token: expected a non-empty string or a function returning one");
  }
  if ("ak" in auth) {
    // Say which field is wrong, never what it holds: these are secrets.
    for (const field of ["ak", "sk"] as const) {
      if (typeof auth[field] !== "string" || auth[field] === "") throw new TypeError(`auth.${field}: expected a non-empty string`);
    }
    if (auth.securityToken !== undefined && typeof auth.securityToken !== "string") {
      throw new TypeError("auth.securityToken: expected a string");
    }
    // The AK goes into Authorization and the security token into X-Security-Token (the SK is only hashed).
    checkHeaderSecret("auth.ak", auth.ak);
    if (auth.securityToken !== undefined) checkHeaderSecret("auth.securityToken", auth.securityToken);
    return akSkAuth(auth);
  }
  throw new TypeError("auth: expected { token } or { ak, sk }");
}

const TOKEN_HEADER = "X-Auth-Token";

/**
 * A credential checked as a header value before any Headers object sees it: Headers.set would throw a
 * TypeError quoting the whole value. The error names the field, never the value.
 */
function checkHeaderSecret(field: string, value: string): string {
  const problem = headerValueProblem(value);
  if (problem) throw new TypeError(`${field}: expected a value usable in an HTTP header (${problem}); the value is not shown`);
  return value;
}

function withToken(request: Request, token: string): Request {
  request.headers.set(TOKEN_HEADER, token);
  return request;
}

function staticTokenAuth(token: string): AuthStrategy {
  return {
    authorize: async (request) => withToken(request, token),
    refresh: () => false,
  };
}

/**
 * A token fetched on demand. The pending fetch is shared, so concurrent calls ask the provider once; the
 * token is kept until a request carrying it is rejected with 401.
 *
 * Waiting for the provider is bounded by the request's signal — the attempt's deadline and the caller's
 * signal — so a provider that never settles fails that attempt (TimeoutError, or the signal's reason) instead
 * of blocking it; the abandoned fetch is then forgotten, so the next call asks the provider again.
 */
function tokenProviderAuth(provide: () => string | Promise<string>): AuthStrategy {
  let current: Promise<string> | undefined;
  let currentValue: string | undefined;
  const forget = (pending: Promise<string>) => {
    if (current === pending) current = undefined;
  };
  const fetchToken = (): Promise<string> => {
    const pending = Promise.resolve()
      .then(provide)
      .then((token) => {
        if (typeof token !== "string" || token === "") throw new TypeError("auth.token(): expected a non-empty string");
        checkHeaderSecret("auth.token()", token);
        if (current === pending) currentValue = token;
        return token;
      });
    // A failed fetch is not cached: the next call asks again.
    pending.catch(() => forget(pending));
    current = pending;
    return pending;
  };
  return {
    async authorize(request) {
      const pending = current ?? fetchToken();
      try {
        return withToken(request, await untilAborted(pending, request.signal));
      } catch (error) {
        if (request.signal.aborted) forget(pending);
        throw error;
      }
    },
    refresh(rejected) {
      // Only the first 401 for a given token drops it; concurrent 401s then reuse the refreshed one.
      if (currentValue !== undefined && rejected.headers.get(TOKEN_HEADER) === currentValue) {
        current = undefined;
        currentValue = undefined;
      }
      return true;
    },
  };
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function akSkAuth(credentials: { ak: string; sk: string; securityToken?: string }): AuthStrategy {
  return {
    // Without the body string (the raw client's middleware), a request with a body is signed through a copy.
    authorize: (request, body) =>
      body === undefined && request.body !== null ? signRequest(request, credentials) : signBuiltRequest(request, body, credentials),
    refresh: () => false,
  };
}
