import type { AuthOptions } from "../auth/strategy.js";
import type { AccessLog } from "./pipeline/access-log.js";
import type { Middleware } from "./pipeline/middleware.js";
import { headerValueProblem } from "./header-value.js";
import type { RetryOptions } from "./retry-policy.js";
import { showValue } from "./show.js";

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
  /**
   * The most bytes a response body may have (default 32 MiB, far above any page of these APIs); a larger one
   * is not read further and ends the call with InvalidResponseError (`reason: "too-large"`).
   */
  readonly maxResponseBytes?: number;
  /**
   * Called once per HTTP attempt with an access-log entry: operation, method, path, status (or why none came),
   * attempt, time, request id — never headers, bodies or query values. `formatAccessLog` makes it one line.
   */
  readonly accessLog?: AccessLog;
  /**
   * Debugging hooks around each HTTP attempt, shaped as openapi-fetch's middleware. They see the request as
   * sent, credentials included (README, "Logging and debugging"); one that throws ends the call with HookError.
   */
  readonly middleware?: readonly Middleware[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
// Timers take at most a signed 32-bit delay; a longer one fires at once (Node, browsers), so it is refused.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** A per-attempt timeout, checked: `name` says where it came from (`hss: timeoutMs`, `ListTasks: timeoutMs`). */
export function checkTimeout(name: string, value: number): number {
  if (value === Infinity || (typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS)) return value;
  throw new TypeError(`${name}: expected milliseconds from 1 to ${MAX_TIMEOUT_MS}, or Infinity for no timeout, got ${showValue(value)}`);
}

/** The response size limit, checked: a whole number of bytes ≥ 1. */
export function checkMaxResponseBytes(name: string, value: number): number {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw new TypeError(`${name}: expected a whole number of bytes ≥ 1, got ${showValue(value)}`);
}

/** The User-Agent, checked as a header value before any Headers object sees it. */
export function checkUserAgent(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = typeof value === "string" ? headerValueProblem(value) : "a string";
  if (problem) throw new TypeError(`${name}: expected a header value (${problem})`);
  return value;
}

/** The client-level values that operations take from the options (the spec's `x-client-option`). */
export function clientValues(serviceName: string, options: ClientOptions): Readonly<Record<string, unknown>> {
  if (typeof options?.projectId !== "string" || options.projectId === "") {
    throw new TypeError(`${serviceName}: projectId: expected a non-empty string`);
  }
  return { projectId: options.projectId };
}
