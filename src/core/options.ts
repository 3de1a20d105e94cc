import type { AuthOptions } from "../auth/strategy.js";
import type { AccessLog } from "./pipeline/access-log.js";
import type { Middleware } from "./pipeline/middleware.js";
import { headerValueProblem } from "./header-value.js";
import type { RetryOptions } from "./retry-policy.js";
import { showValue } from "./show.js";

/**
 * The options of a service client (`createHssClient`, `createSwrClient`, …): `projectId`, `auth`, and at least
 * one of `region` and `endpoint` — leaving out both is a type error (and a TypeError at run time).
 *
 * `Region` is the service's union of region ids (`HssRegion`, `SwrRegion`, generated from each spec's servers),
 * so editors suggest them; any other string is still accepted (a region newer than the spec), and then needs
 * `endpoint`, or fails when the client is built.
 *
 * Optional fields accept `undefined` explicitly (also under `exactOptionalPropertyTypes`): undefined means absent.
 */
export type ClientOptions<Region extends string = string> = CommonClientOptions & Placement<Region | (string & {})>;

/**
 * Where requests go: a `region` (the endpoint comes from the spec's servers), an `endpoint`, or both. With both,
 * requests go to `endpoint` and `region` still names the region the client works in — the region credentials
 * are looked up for (for example a project id per region); it is not checked against the spec's list.
 */
export type Placement<Region extends string> =
  | {
      /** A region id such as `ap-southeast-1`; the endpoint comes from the spec's servers unless `endpoint` is given. */
      readonly region: Region;
      /** An endpoint origin (`https://host[:port]`) requests go to instead of the region's. */
      readonly endpoint?: string | undefined;
    }
  | {
      /** An endpoint origin (`https://host[:port]`) requests go to. */
      readonly endpoint: string;
      /** The region the client works in (the endpoint is `endpoint`, not the region's). */
      readonly region?: Region | undefined;
    };

/** The options every service client takes, besides where it sends requests (`Placement`). */
export interface CommonClientOptions {
  /**
   * The project id that fills `{project_id}` in paths. Needed only by operations that use it. Omitted, it comes
   * from the credentials (`HUAWEICLOUD_SDK_PROJECT_ID`, the profile's `project_id`), else — when `region` is
   * given and the keys are AK/SK — from IAM (`KeystoneListProjects`, name = region), once per client and keys;
   * otherwise calling such an operation fails at the call (before sending), naming the option.
   */
  readonly projectId?: string | undefined;
  /**
   * An IAM token (or a function that fetches one), an AK/SK pair (never both), a credential provider, or `"none"`.
   * Omitted: the default chain — environment, profile file, ECS metadata — in Node, Bun and Deno; in a browser
   * calls fail, saying that only explicit credentials exist there.
   */
  readonly auth?: AuthOptions | undefined;
  /** A fetch implementation; defaults to the global one. */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per-attempt timeout in milliseconds (up to 2147483647), or Infinity for none. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for operations the spec marks retry-safe; `false` disables retries. */
  readonly retry?: RetryOptions | false | undefined;
  /** A signal applied to every call (for example, one aborted at shutdown). */
  readonly signal?: AbortSignal | undefined;
  /** A User-Agent header for every request (where the runtime lets one be set). */
  readonly userAgent?: string | undefined;
  /**
   * The most bytes a response body may have (default 32 MiB, far above any page of these APIs); a larger one
   * is not read further and ends the call with InvalidResponseError (`reason: "too-large"`).
   */
  readonly maxResponseBytes?: number | undefined;
  /**
   * Called once per HTTP attempt with an access-log entry: operation, method, path, status (or why none came),
   * attempt, time, request id — never headers, bodies or query values. `formatAccessLog` makes it one line.
   */
  readonly accessLog?: AccessLog | undefined;
  /**
   * Debugging hooks around each HTTP attempt, shaped as openapi-fetch's middleware. They see the request as
   * sent, credentials included (README, "Logging and debugging"); one that throws ends the call with HookError.
   */
  readonly middleware?: readonly Middleware[] | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
// Timers take at most a signed 32-bit delay; a longer one fires at once (Node, browsers), so it is refused.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** A per-attempt timeout, checked: `name` says where it came from (`hss: timeoutMs`, `ListTasks: timeoutMs`). */
export function checkTimeout(name: string, value: number): number {
  if (value === Infinity || (typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS)) return value;
  throw new TypeError(
    `${name}: expected milliseconds from 1 to ${MAX_TIMEOUT_MS}, or Infinity for no timeout, got ${showValue(value)}`,
  );
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

/**
 * The client options an operation may take a value from (the spec's `x-client-option`): the one list both the
 * generator (which refuses any other name) and the client read.
 */
export const CLIENT_OPTION_NAMES = ["projectId"] as const;
export type ClientOptionName = (typeof CLIENT_OPTION_NAMES)[number];

/**
 * The client-level values that operations take from the options, as given: each checked when present (a
 * non-empty string), none required here — an operation that needs a missing one fails at its call.
 */
export function clientValues(serviceName: string, options: ClientOptions): Readonly<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const name of CLIENT_OPTION_NAMES) {
    const value = options?.[name];
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "")
      throw new TypeError(`${serviceName}: ${name}: expected a non-empty string`);
    values[name] = value;
  }
  return values;
}
