import { headerValueProblem } from "../core/header-value.js";
import { untilAborted } from "../core/until-aborted.js";
import type { CredentialProvider, Credentials } from "../credentials/credentials.js";
import type * as SigningAuthModule from "./signing-auth.js";

/**
 * How a client authenticates: an IAM token (or a function that fetches one), an AK/SK pair — one shape,
 * never both: `{ token, ak, sk }` is a type error, and a TypeError at run time — a credential provider
 * (`chain(...)`, `fromEnv()`, any `() => Promise<Credentials>`), whose keys sign each request, or `"none"`
 * (see NoAuth). Omitted, the client uses the default chain (environment → profile file → ECS metadata; Node,
 * Bun and Deno only).
 */
export type AuthOptions = TokenAuthOptions | AkSkAuthOptions | CredentialProvider | NoAuth;

/**
 * `auth: "none"`: the client sends no credentials, and may call only the operations the spec lets be called
 * without them (`security: []`: IAM's password token request); any other call fails before it is sent. Explicit,
 * rather than "whatever the default chain finds, else nothing": a password token request must not pick up (and
 * send) keys from the environment, and must not depend on whether the chain finds any.
 */
export type NoAuth = "none";

/**
 * An IAM token for the `X-Auth-Token` header, or a function that fetches one (called again after a 401). A
 * function that keeps its own tokens (as `iamPasswordToken` and `iamAgencyToken` do) says so with `invalidate`.
 */
export interface TokenAuthOptions {
  readonly token: string | (() => string | Promise<string>) | RenewableTokenProvider;
  readonly ak?: undefined;
  readonly sk?: undefined;
  readonly securityToken?: undefined;
}

/**
 * A token function that keeps the tokens it fetches: after a 401 to a request carrying `token`, the client calls
 * `invalidate(token)` once (however many requests were refused) before asking for a token again, so the next
 * call fetches a new one instead of answering the refused one.
 */
export interface RenewableTokenProvider {
  (): string | Promise<string>;
  invalidate(token: string): void;
}

/** An access key pair that signs each request (SDK-HMAC-SHA256); `securityToken` with temporary keys. */
export interface AkSkAuthOptions {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken?: string | undefined;
  readonly token?: undefined;
}

/**
 * An authentication strategy, plugged into the request pipeline as a hook (as Octokit's auth strategies are):
 * it adds credentials to each outgoing request, and says whether a 401 is worth one more try.
 */
export interface AuthStrategy {
  /**
   * Returns the request with credentials added. Called on every attempt, so every retry is signed afresh.
   * `body` is the request's body as the string it was built from, when the caller has it (the pipeline does):
   * the AK/SK signature then hashes it instead of reading the body back from the request. `signal` ends a wait
   * for credentials (the attempt's; the request's own when not given).
   */
  authorize(request: Request, body?: string, signal?: AbortSignal): Promise<Request>;
  /**
   * Called after a 401 to the given (authorized) request. Returns true when fresh credentials may fix it;
   * the caller then sends the request once more.
   */
  refresh(rejected: Request): boolean;
  /** Set for `auth: "none"`: requests go out without credentials, for operations that allow it only. */
  readonly anonymous?: true;
  /**
   * The AK/SK keys requests are signed with, when the strategy signs (for the project id lookup). `signal` ends
   * the wait for them, as in `authorize`.
   */
  readonly credentials?: ((signal?: AbortSignal) => Promise<Credentials>) | undefined;
}

export function createAuthStrategy(auth: AuthOptions | undefined): AuthStrategy {
  // Where keys come from when they are not given: loaded on first use, so a client that never sends loads nothing.
  if (auth === undefined) {
    return signingAuth((loaded) => loaded.providerAuth(async () => (await import("#default-chain")).defaultChain()));
  }
  if (auth === "none") return NO_AUTH;
  if (typeof auth === "function") return signingAuth((loaded) => loaded.providerAuth(() => auth));
  const shape = authShape(auth);
  if (shape === "token") {
    const { token } = auth as TokenAuthOptions;
    if (typeof token === "function") return tokenProviderAuth(token);
    if (typeof token === "string" && token !== "") return staticTokenAuth(checkHeaderSecret("auth.token", token));
    throw new TypeError("auth.token: expected a non-empty string or a function returning one");
  }
  const credentials = auth as AkSkAuthOptions;
  // Say which field is wrong, never what it holds: these are secrets.
  for (const field of ["ak", "sk"] as const) {
    if (typeof credentials[field] !== "string" || credentials[field] === "")
      throw new TypeError(`auth.${field}: expected a non-empty string`);
  }
  if (credentials.securityToken !== undefined && typeof credentials.securityToken !== "string") {
    throw new TypeError("auth.securityToken: expected a string");
  }
  // The AK goes into Authorization and the security token into X-Security-Token (the SK is only hashed).
  checkHeaderSecret("auth.ak", credentials.ak);
  if (credentials.securityToken !== undefined) checkHeaderSecret("auth.securityToken", credentials.securityToken);
  return signingAuth((loaded) => loaded.akSkAuth(credentials));
}

const TOKEN_FIELDS = ["token"] as const;
// Every form `auth` takes, for the errors that say what was expected.
const AUTH_FORMS = 'one of { token }, { ak, sk }, a credential provider or "none"';
const AK_SK_FIELDS = ["ak", "sk", "securityToken"] as const;

/**
 * Which shape `auth` has, from the fields it sets (a field set to undefined counts as absent). A token given
 * together with AK/SK fields is refused: which one would win is a guess, and a wrong guess fails (or signs as
 * another identity) far from the mistake. The errors name fields, never their values.
 */
function authShape(auth: unknown): "token" | "akSk" {
  if (typeof auth !== "object" || auth === null) throw new TypeError(`auth: expected ${AUTH_FORMS}`);
  const given = (fields: readonly string[]) =>
    fields.filter((field) => (auth as Record<string, unknown>)[field] !== undefined);
  const [token, akSk] = [given(TOKEN_FIELDS), given(AK_SK_FIELDS)];
  if (token.length > 0 && akSk.length > 0) {
    throw new TypeError(
      `auth: expected ${AUTH_FORMS}, not a token with AK/SK fields: got ${[...token, ...akSk].join(", ")}`,
    );
  }
  if (token.length > 0) return "token";
  if (akSk.length > 0) return "akSk";
  throw new TypeError(`auth: expected ${AUTH_FORMS}`);
}

const TOKEN_HEADER = "X-Auth-Token";

/**
 * A credential checked as a header value before any Headers object sees it: Headers.set would throw a
 * TypeError quoting the whole value. The error names the field, never the value.
 */
function checkHeaderSecret(field: string, value: string): string {
  const problem = headerValueProblem(value);
  if (problem)
    throw new TypeError(`${field}: expected a value usable in an HTTP header (${problem}); the value is not shown`);
  return value;
}

function withToken(request: Request, token: string): Request {
  request.headers.set(TOKEN_HEADER, token);
  return request;
}

const NO_AUTH: AuthStrategy = {
  anonymous: true,
  authorize: async (request) => request,
  refresh: () => false,
};

function staticTokenAuth(token: string): AuthStrategy {
  return {
    authorize: async (request) => withToken(request, token),
    refresh: () => false,
  };
}

/**
 * A token fetched on demand. The pending fetch is shared, so concurrent calls ask the provider once; the
 * token is kept until a request carrying it is rejected with 401 (and the provider's `invalidate`, if it has one,
 * is told: see RenewableTokenProvider).
 *
 * Waiting for the provider is bounded by the request's signal — the attempt's deadline and the caller's
 * signal — so a provider that never settles fails that attempt (TimeoutError, or the signal's reason) instead
 * of blocking it; the abandoned fetch is then forgotten, so the next call asks the provider again.
 */
function tokenProviderAuth(provide: () => string | Promise<string>): AuthStrategy {
  const invalidate = (provide as Partial<RenewableTokenProvider>).invalidate;
  let current: Promise<string> | undefined;
  let currentValue: string | undefined;
  // Tokens dropped after a 401 since a token was last kept: later 401s for them change nothing.
  const dropped = new Set<string>();
  const forget = (pending: Promise<string>) => {
    if (current === pending) current = undefined;
  };
  const fetchToken = (): Promise<string> => {
    const pending = Promise.resolve()
      .then(provide)
      .then((token) => {
        if (typeof token !== "string" || token === "") throw new TypeError("auth.token(): expected a non-empty string");
        checkHeaderSecret("auth.token()", token);
        if (current === pending) {
          currentValue = token;
          dropped.clear();
        }
        return token;
      });
    // A failed fetch is not cached: the next call asks again.
    pending.catch(() => forget(pending));
    current = pending;
    return pending;
  };
  return {
    async authorize(request, _body, signal = request.signal) {
      const pending = current ?? fetchToken();
      try {
        return withToken(request, await untilAborted(pending, signal));
      } catch (error) {
        if (signal.aborted) forget(pending);
        throw error;
      }
    },
    refresh(rejected) {
      // Only the first 401 for a given token drops it; concurrent 401s then reuse the refreshed one. A token
      // nothing is kept for (a fetch abandoned by one caller's signal answered it to the callers sharing it) is
      // dropped too: the provider may still keep it, and the retry would get it again.
      const refused = rejected.headers.get(TOKEN_HEADER);
      if (refused !== null && !dropped.has(refused) && (currentValue === undefined || refused === currentValue)) {
        // Dropped before the provider is told: an `invalidate` that throws fails this call, not every later one.
        [current, currentValue] = [undefined, undefined];
        dropped.add(refused);
        if (typeof invalidate === "function") invalidate.call(provide, refused);
      }
      return true;
    },
  };
}

type SigningAuth = typeof SigningAuthModule;

/**
 * A strategy that signs with AK/SK, made by `make` from src/auth/signing-auth.ts, which is imported on the first
 * request (or credentials lookup): a client with token auth never loads the signer, and a browser bundle split
 * into chunks keeps it out of the entry. A failed import is not kept: the next request imports again.
 */
function signingAuth(make: (loaded: SigningAuth) => AuthStrategy): AuthStrategy {
  let strategy: AuthStrategy | undefined;
  let loading: Promise<AuthStrategy> | undefined;
  const load = (): Promise<AuthStrategy> =>
    (loading ??= import("./signing-auth.js").then(
      (loaded) => (strategy = make(loaded)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  // The import is waited for as keys are: until the signal aborts (a chunk a browser never finishes loading
  // must not outlast the caller's signal or the attempt's deadline); the import itself goes on for the next call.
  const loaded = (signal: AbortSignal | undefined) => (signal === undefined ? load() : untilAborted(load(), signal));
  return {
    authorize: (request, body, signal = request.signal) =>
      strategy
        ? strategy.authorize(request, body, signal)
        : loaded(signal).then((s) => s.authorize(request, body, signal)),
    // A rejected request was authorized, so the strategy is loaded by then.
    refresh: (rejected) => strategy?.refresh(rejected) ?? false,
    credentials: async (signal) => (strategy ?? (await loaded(signal))).credentials!(signal),
  };
}
