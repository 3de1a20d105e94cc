import createClient, { type Client } from "openapi-fetch";
import { encodeRfc3986 } from "../auth/encode.js";
import { createAuthStrategy, type AuthOptions, type AuthStrategy } from "../auth/strategy.js";
import { HuaweiCloudError, InvalidResponseError, NetworkError, TimeoutError } from "./errors.js";
import type { CallOptions } from "./method.js";
import type { OperationSpec, ParamLocation, ServiceSpec } from "./operation.js";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, retryPolicy, sleep, type RetryOptions, type RetryPolicy } from "./retry.js";
import { validateInput } from "./validate.js";

export interface ClientOptions {
  /** The project id that fills `{project_id}` in every path. */
  readonly projectId: string;
  /** A region id such as `ap-southeast-1`; the endpoint comes from the spec's servers. */
  readonly region?: string;
  /** An explicit endpoint origin (`https://…`), instead of `region`. */
  readonly endpoint?: string;
  readonly auth: AuthOptions;
  /** A fetch implementation; defaults to the global one. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Per-attempt timeout in milliseconds (up to 2147483647), or Infinity for none. Default 30 s. */
  readonly timeoutMs?: number;
  /** Retry policy for operations the spec marks retry-safe; `false` disables retries. */
  readonly retry?: RetryOptions | false;
  /** A signal applied to every call (for example, one aborted at shutdown). */
  readonly signal?: AbortSignal;
  /** A User-Agent header for every request (where the runtime lets one be set). */
  readonly userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// Timers take at most a signed 32-bit delay; a longer one fires at once (Node, browsers), so it is refused.
const MAX_TIMEOUT_MS = 2_147_483_647;

function checkTimeout(name: string, value: number): number {
  if (value === Infinity || (typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS)) return value;
  throw new TypeError(`${name}: expected milliseconds from 1 to ${MAX_TIMEOUT_MS}, or Infinity for no timeout, got ${String(value)}`);
}

/** The parts of one call, laid out by location, as openapi-fetch takes them. */
interface RequestParts {
  readonly params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  readonly body: Record<string, unknown> | undefined;
}

interface RawResult {
  data?: string;
  error?: unknown;
  response: Response;
}

interface Context {
  readonly raw: () => Client<any>;
  readonly auth: AuthStrategy;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly clientValues: Readonly<Record<string, unknown>>;
}

/**
 * Builds a client for one service from its generated operation table: one method per operation, plus `raw`,
 * the underlying openapi-fetch client with the same endpoint and auth. `Methods` and `Paths` are the
 * generated method interface and openapi-typescript `paths` type.
 */
export function createServiceClient<Methods, Paths extends {}>(
  service: ServiceSpec,
  operations: Readonly<Record<string, OperationSpec>>,
  options: ClientOptions,
): Methods & { readonly raw: Client<Paths> } {
  if (typeof options?.projectId !== "string" || options.projectId === "") {
    throw new TypeError(`${service.name}: projectId: expected a non-empty string`);
  }
  const auth = createAuthStrategy(options.auth);
  const baseUrl = resolveEndpoint(service, options);
  let raw: Client<Paths> | undefined;
  // Created on first use: openapi-fetch reads globalThis.fetch when created, and on Node that first read loads
  // the whole fetch implementation (tens of milliseconds), which a process that builds a client but has not
  // sent anything yet should not pay at start-up.
  const getRaw = (): Client<Paths> => {
    if (raw === undefined) {
      raw = createClient<Paths>({
        baseUrl,
        querySerializer: serializeQuery,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.userAgent ? { headers: { "User-Agent": options.userAgent } } : {}),
      });
      raw.use({ onRequest: ({ request }) => auth.authorize(request) });
    }
    return raw;
  };
  const context: Context = {
    raw: getRaw,
    auth,
    retry: retryPolicy(options.retry),
    timeoutMs: checkTimeout(`${service.name}: timeoutMs`, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    signal: options.signal,
    clientValues: { projectId: options.projectId },
  };
  const methods: Record<string, unknown> = {};
  Object.defineProperty(methods, "raw", { get: getRaw, enumerable: true });
  for (const [name, operation] of Object.entries(operations)) {
    methods[name] = bindOperation(operation, context);
  }
  return methods as Methods & { readonly raw: Client<Paths> };
}

function resolveEndpoint(service: ServiceSpec, options: ClientOptions): string {
  if (options.endpoint !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(options.endpoint)) {
      throw new TypeError(`${service.name}: endpoint: expected an http(s) URL, got ${JSON.stringify(options.endpoint)}`);
    }
    return options.endpoint.replace(/\/+$/, "");
  }
  if (options.region === undefined) throw new TypeError(`${service.name}: expected either region or endpoint`);
  const endpoint = service.regions[options.region];
  if (endpoint === undefined) {
    throw new TypeError(
      `${service.name}: unknown region ${JSON.stringify(options.region)}; known regions: ${Object.keys(service.regions).join(", ")} (or pass endpoint)`,
    );
  }
  return endpoint;
}

/**
 * Query strings in RFC 3986 form (a space is %20, reserved characters are escaped with upper-case hex), the
 * same encoding the AK/SK signer uses for its canonical query, so the wire form is the signed form.
 */
function serializeQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(String(item))}`);
    }
  }
  return pairs.join("&");
}

function bindOperation(operation: OperationSpec, context: Context) {
  const method = async (input?: Record<string, unknown>, callOptions?: CallOptions) => {
    validateInput(operation, input);
    return execute(operation, splitInput(operation, input ?? {}, context.clientValues), context, callOptions ?? {});
  };
  return Object.assign(method, { operation }, operation.pagination ? { pagination: operation.pagination } : {});
}

/** Places each field where the operation table says it goes. */
function splitInput(
  operation: OperationSpec,
  input: Record<string, unknown>,
  clientValues: Readonly<Record<string, unknown>>,
): RequestParts {
  const parts: Record<ParamLocation, Record<string, unknown>> = { path: {}, query: {}, header: {}, body: {} };
  let hasBody = false;
  for (const [field, param] of Object.entries(operation.params)) {
    hasBody ||= param.in === "body";
    const value = param.clientOption !== undefined ? clientValues[param.clientOption] : input[field];
    if (value !== undefined) parts[param.in][param.name] = value;
  }
  return { params: { path: parts.path, query: parts.query, header: parts.header }, body: hasBody ? parts.body : undefined };
}

/** Runs the attempts of one call: auth refresh on 401, retries with backoff for retry-safe operations. */
async function execute(operation: OperationSpec, parts: RequestParts, context: Context, callOptions: CallOptions) {
  const signal = anySignal(context.signal, callOptions.signal);
  const timeoutMs = callOptions.timeoutMs === undefined ? context.timeoutMs : checkTimeout(`${operation.operationId}: timeoutMs`, callOptions.timeoutMs);
  const maxRetries = operation.retrySafe ? context.retry.maxRetries : 0;
  let retries = 0;
  let refreshed = false;
  // Counts the retry and waits: the server's Retry-After when it gave one, else the backoff for this retry.
  const waitBeforeRetry = (retryAfterMs: number | undefined) => {
    const delay = retryAfterMs ?? backoffDelay(retries, context.retry);
    retries++;
    return sleep(delay, signal);
  };
  for (;;) {
    signal?.throwIfAborted();
    let sent: Request | undefined;
    let result: RawResult;
    try {
      result = await attempt(operation, parts, context, signal, timeoutMs, (request) => (sent = request));
    } catch (error) {
      if (retries < maxRetries && (error instanceof NetworkError || error instanceof TimeoutError)) {
        await waitBeforeRetry(undefined);
        continue;
      }
      throw error;
    }
    const { response } = result;
    const requestId = response.headers.get("X-Request-Id") ?? undefined;
    if (response.ok) return parseBody(operation, response.status, requestId, result.data);
    const error = new HuaweiCloudError({ status: response.status, operation: operation.operationId, requestId, body: result.error });
    if (response.status === 401 && !refreshed && sent && context.auth.refresh(sent)) {
      refreshed = true;
      continue;
    }
    if (retries < maxRetries && RETRYABLE_STATUSES.has(response.status)) {
      const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      if (retryAfter !== undefined && retryAfter > context.retry.maxDelayMs) throw error;
      await waitBeforeRetry(retryAfter);
      continue;
    }
    throw error;
  }
}

/** One HTTP exchange, bounded by the per-attempt timeout. Network failures and timeouts get their own errors. */
async function attempt(
  operation: OperationSpec,
  parts: RequestParts,
  context: Context,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  onSent: (request: Request) => void,
): Promise<RawResult> {
  const deadline = attemptDeadline(signal, timeoutMs);
  let sent = false;
  const request = context.raw().request as unknown as (method: string, path: string, init: object) => Promise<RawResult>;
  try {
    return await request(operation.method, operation.path, {
      ...parts,
      // Parsed here rather than by openapi-fetch, so a malformed 2xx body becomes a typed error with its status.
      parseAs: "text",
      signal: deadline.signal,
      // Runs after the client's auth middleware: sees the request exactly as sent.
      middleware: [
        {
          onRequest: ({ request: authorized }: { request: Request }) => {
            sent = true;
            onSent(authorized);
          },
        },
      ],
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    // Failures before sending (a token provider that threw, say) are not network errors: pass them on.
    if (!sent) throw error;
    if (deadline.timedOut()) throw new TimeoutError(operation.operationId, timeoutMs);
    throw new NetworkError(operation.operationId, error);
  } finally {
    deadline.dispose();
  }
}

/**
 * The signal of one attempt: aborted by the caller's signal or when the timeout expires. A plain controller
 * and timer, cleared when the attempt ends, rather than AbortSignal.timeout/any: on Node 20 those cost about
 * 100 µs per request (measured in bench/), a fifth of a loopback round trip, and leave their timers pending.
 */
function attemptDeadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs === Infinity
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  const follow = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}

function parseBody(operation: OperationSpec, status: number, requestId: string | undefined, text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidResponseError(operation.operationId, status, requestId, error);
  }
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
