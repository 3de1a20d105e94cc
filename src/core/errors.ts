import { cut, quote, showValue } from "./show.js";

/**
 * The errors a call can reject with: one family under {@link HuaweiCloudSdkError}, so a program can catch
 * everything the library raised with one `instanceof` and tell the kinds apart by `name`, a stable string (as
 * AWS SDK v3 errors are told apart). Every one names the operation it came from and how many HTTP attempts
 * the call made, and its message says so once there was more than one. None of them ever holds a request:
 * headers carry the token or the signature, so errors keep only what the caller needs to act on. Values from
 * the caller or the server appear in messages cut to a bounded length (the fields keep them whole).
 *
 * Fields a program can switch on, by kind (all stable strings or numbers):
 *
 * | name | fields besides operation, requestId, attempts |
 * |---|---|
 * | `HuaweiCloudError` | `status`, `errorCode` (the service's, e.g. `HSS.1001`), `errorMsg`, `body` |
 * | `NetworkError` | `code` (the system's, e.g. `ECONNREFUSED`, `ENOTFOUND`), `host` |
 * | `TimeoutError` | `timeoutMs` |
 * | `InvalidInputError` | `field`, `value`, `expected` |
 * | `InvalidResponseError` | `status`, `reason` (`not-json`, `empty`, `wrong-type`, `too-large`), `contentType` |
 * | `RedirectError` | `status`, `location` |
 * | `HookError` (a middleware hook or the access log threw; src/core/pipeline/hook-error.ts) | `hook`, `cause` |
 * | `TaskWaitTimeoutError` (waitForTask, src/waiters/errors.ts) | `taskId`, `taskType`, `maxWaitMs`, `polls`, `elapsedMs`, `lastSeen` |
 * | `TaskNotFoundError` (waitForTask) | `taskId`, `taskType`, `wasListed`, `polls`, `elapsedMs` |
 */

/** The `name` of each kind of error: stable strings to switch on (they survive minification). */
export type HuaweiCloudSdkErrorName =
  | "HuaweiCloudError"
  | "NetworkError"
  | "TimeoutError"
  | "InvalidInputError"
  | "InvalidResponseError"
  | "RedirectError"
  | "HookError"
  | "TaskWaitTimeoutError"
  | "TaskNotFoundError";

/** What is known about the call an error ended, besides the operation. */
export interface ErrorContext {
  /** The `X-Request-Id` of the answer, when there was one. */
  readonly requestId?: string | undefined;
  /** HTTP attempts the call made, retries and the retry after a credential refresh included. */
  readonly attempts?: number | undefined;
}

/**
 * The base of every error the library raises for a call. Not thrown itself.
 *
 * Fields a constructor assigns are `declare`d, here and in the subclasses: a plain declaration is also emitted
 * as a class field (defined as undefined, then assigned), which costs bundle bytes and nothing else. Each
 * constructor assigns them in the order they are declared, so the own properties keep that order.
 */
export abstract class HuaweiCloudSdkError extends Error {
  abstract override readonly name: HuaweiCloudSdkErrorName;
  /** The operationId of the call, e.g. `ListTasks`. */
  declare readonly operation: string;
  /** The `X-Request-Id` response header: quote it to Huawei Cloud support. Undefined when no answer came. */
  declare readonly requestId: string | undefined;
  /** HTTP attempts made before the call gave up (0: nothing was sent); undefined when not known. */
  declare readonly attempts: number | undefined;

  protected constructor(operation: string, message: string, context: ErrorContext, options?: { cause: unknown }) {
    super(message, options);
    this.operation = operation;
    this.requestId = context.requestId;
    this.attempts = context.attempts;
  }
}

/** ` after 4 attempts` once a call made more than one, else nothing: the retries a message should admit to. */
function afterAttempts(context: ErrorContext): string {
  return context.attempts !== undefined && context.attempts > 1 ? ` after ${context.attempts} attempts` : "";
}

function requestIdWords(requestId: string | undefined): string {
  return requestId ? ` (request id ${cut(requestId)})` : "";
}

/** The API answered with a non-2xx status (3xx ones are {@link RedirectError}s). */
export class HuaweiCloudError extends HuaweiCloudSdkError {
  override readonly name = "HuaweiCloudError";
  /** The HTTP status code. */
  declare readonly status: number;
  /** The service's error code (`error_code`, e.g. `HSS.1001`), when the body had one. */
  declare readonly errorCode: string | undefined;
  /** The service's error message (`error_msg`), when the body had one. */
  declare readonly errorMsg: string | undefined;
  /** The parsed error body (JSON), or its text when it was not JSON, or undefined when empty. */
  declare readonly body: unknown;

  constructor(init: {
    status: number;
    operation: string;
    requestId: string | undefined;
    body: unknown;
    attempts?: number | undefined;
  }) {
    const fields = errorFields(init.body);
    const detail = fields.errorCode
      ? `${cut(fields.errorCode)}: ${cut(fields.errorMsg ?? "(no message)", 300)}`
      : describeBody(init.body);
    super(
      init.operation,
      `${init.operation} failed with HTTP ${init.status}${afterAttempts(init)}: ${detail}${requestIdWords(init.requestId)}`,
      init,
    );
    this.status = init.status;
    this.errorCode = fields.errorCode;
    this.errorMsg = fields.errorMsg;
    this.body = init.body;
  }

  toJSON() {
    const { name, message, status, errorCode, errorMsg, requestId, operation, attempts, body } = this;
    return { name, message, status, errorCode, errorMsg, requestId, operation, attempts, body };
  }
}

/**
 * The request never got an answer: DNS, connection refused or reset, TLS. The message names the host and the
 * root cause (`connect ECONNREFUSED 127.0.0.1:59999`, `getaddrinfo ENOTFOUND hss.example`), which fetch
 * keeps two levels down in `cause.cause`.
 */
export class NetworkError extends HuaweiCloudSdkError {
  override readonly name = "NetworkError";
  /** The root cause's system error code (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `UND_ERR_SOCKET`…), when it had one. */
  declare readonly code: string | undefined;
  /** The host (and port, when not the default) the request went to, e.g. `hss.ap-southeast-1.myhuaweicloud.com`. */
  declare readonly host: string | undefined;

  constructor(operation: string, cause: unknown, context: ErrorContext & { readonly host?: string | undefined } = {}) {
    const root = rootCause(cause);
    const where = context.host ? ` reaching ${context.host}` : "";
    super(
      operation,
      `${operation} failed${afterAttempts(context)}: network error${where}: ${cut(root.message, 300)}`,
      context,
      { cause },
    );
    this.code = root.code;
    this.host = context.host;
  }
}

/** An attempt took longer than the per-attempt timeout. */
export class TimeoutError extends HuaweiCloudSdkError {
  override readonly name = "TimeoutError";
  constructor(
    operation: string,
    /** The per-attempt timeout that expired, in milliseconds. */
    readonly timeoutMs: number,
    context: ErrorContext = {},
  ) {
    const perAttempt = context.attempts !== undefined && context.attempts > 1 ? " (each)" : "";
    super(operation, `${operation} timed out after ${timeoutMs} ms${perAttempt}${afterAttempts(context)}`, context);
  }
}

/** A call argument does not match the spec; raised before any request is sent (so `attempts` is 0). */
export class InvalidInputError extends HuaweiCloudSdkError {
  override readonly name = "InvalidInputError";
  constructor(
    operation: string,
    /** Path to the offending field, e.g. `iac_scan_info.file_type`. */
    readonly field: string,
    /** The value given, whole (the message shows it cut); secrets in it (fields named like `password`) replaced. */
    readonly value: unknown,
    /** What the spec expects, in words, e.g. `an integer from 10 to 200`. */
    readonly expected: string,
  ) {
    const shown = withoutSecrets(field, value);
    super(operation, `${operation}: invalid ${cut(field)}: expected ${expected}, got ${showValue(shown)}`, {
      attempts: 0,
    });
    this.value = shown;
  }
}

/** Field names whose values are secrets (IAM's `password`, and the like): never in an error's message or value. */
const SECRET_FIELD = /password|passwd|secret/i;
const HIDDEN = "(not shown: a secret)";

/**
 * `value` with every secret replaced: itself, when the field is one; else a copy with any secret property
 * inside it replaced. An object met again (a cycle, or one object in two places) is copied once: a cyclic value
 * (refused as "a JSON value") would otherwise recurse until the stack overflowed, a RangeError instead of this.
 */
function withoutSecrets(field: string, value: unknown, copies = new Map<object, unknown>()): unknown {
  const name = field.split(".").at(-1) ?? field;
  if (SECRET_FIELD.test(name)) return HIDDEN;
  if (typeof value !== "object" || value === null) return value;
  if (copies.has(value)) return copies.get(value);
  const array = Array.isArray(value);
  const copy: object = array ? new Array(value.length) : {};
  copies.set(value, copy);
  for (const [key, inner] of Object.entries(value)) {
    // Defined, not assigned: a JSON `__proto__` key stays a key rather than setting the copy's prototype.
    const value = withoutSecrets(array ? "" : key, inner, copies);
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Why a 2xx answer was refused. */
export type InvalidResponseReason = "not-json" | "empty" | "wrong-type" | "too-large" | "invalid-page";

const REASON_WORDS: Readonly<Record<InvalidResponseReason, string>> = {
  "not-json": "a body that is not valid JSON",
  empty: "an empty body",
  "wrong-type": "a body that is not the documented type",
  "too-large": "a body larger than maxResponseBytes",
  "invalid-page": "a page a walk cannot go on from",
};

/** A 2xx answer whose body is not what the spec promises (see README, "Response checking"). */
export class InvalidResponseError extends HuaweiCloudSdkError {
  override readonly name = "InvalidResponseError";
  /** The HTTP status code (a 2xx). */
  declare readonly status: number;
  /**
   * What was wrong: `not-json`, `empty`, `wrong-type` (e.g. an array where an object is documented), `too-large`;
   * `invalid-page` on `InvalidPageError` (its `behaviour` says more).
   */
  declare readonly reason: InvalidResponseReason;
  /** The answer's Content-Type, when it had one (an HTML page from a proxy says so here). */
  declare readonly contentType: string | undefined;

  constructor(init: {
    operation: string;
    status: number;
    reason: InvalidResponseReason;
    requestId: string | undefined;
    contentType?: string | null | undefined;
    /** What was expected and found, for `wrong-type`: `an object, got an array`. */
    detail?: string | undefined;
    attempts?: number | undefined;
    cause?: unknown;
  }) {
    const contentType = init.contentType ?? undefined;
    const detail = init.detail ? ` (expected ${init.detail})` : "";
    const type = contentType ? `, Content-Type ${cut(contentType)}` : "";
    const message = `${init.operation}: HTTP ${init.status}${type} with ${REASON_WORDS[init.reason]}${detail}${afterAttempts(init)}${requestIdWords(init.requestId)}`;
    super(init.operation, message, init, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.reason = init.reason;
    this.contentType = contentType;
  }
}

/**
 * The API answered with a redirect (3xx), which the client does not follow: a redirect would carry the token
 * or signature and the body to wherever `Location` points (see README, "Redirects"). In a browser the status
 * is 0 and `location` undefined: fetch hides both from scripts for a redirect it did not follow.
 */
export class RedirectError extends HuaweiCloudSdkError {
  override readonly name = "RedirectError";
  constructor(
    operation: string,
    /** The 3xx status (0 in a browser, where the redirect is opaque). */
    readonly status: number,
    /** The `Location` header as sent (unresolved), when visible. */
    readonly location: string | undefined,
    context: ErrorContext = {},
  ) {
    const to = location === undefined ? "" : ` to ${quote(location)}`;
    super(
      operation,
      `${operation}: the server redirected${to} (HTTP ${status}); redirects are not followed${afterAttempts(context)}${requestIdWords(context.requestId)}`,
      context,
    );
  }
}

function errorFields(body: unknown): { errorCode?: string; errorMsg?: string } {
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  // Huawei Cloud services answer `{error_code, error_msg}`; some gateways answer `{code, message}`.
  const code = ownValue(record, "error_code") ?? ownValue(record, "code");
  const msg = ownValue(record, "error_msg") ?? ownValue(record, "message");
  return {
    ...(typeof code === "string" ? { errorCode: code } : {}),
    ...(typeof msg === "string" ? { errorMsg: msg } : {}),
  };
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function describeBody(body: unknown): string {
  if (body === undefined || body === "") return "empty body";
  if (typeof body === "string") return cut(body, 200);
  return "no error_code in body";
}

/**
 * The innermost error of a cause chain (fetch wraps the system error: TypeError "fetch failed" → Error
 * "connect ECONNREFUSED …"), its message and code. An AggregateError (both addresses of a host refused) has no
 * message of its own: its first error's is used.
 */
function rootCause(error: unknown): { message: string; code: string | undefined } {
  let root = error;
  for (let depth = 0; depth < 8 && root instanceof Error && root.cause !== undefined; depth++) root = root.cause;
  if (!(root instanceof Error)) return { message: String(root), code: undefined };
  const code = (root as { code?: unknown }).code;
  const first: unknown = root instanceof AggregateError ? (root.errors as unknown[])[0] : undefined;
  const message = root.message || (first instanceof Error ? first.message : "") || root.name;
  return { message, code: typeof code === "string" ? code : undefined };
}
