/**
 * The errors a call can reject with: one family under {@link HuaweiCloudSdkError}, so a program can catch
 * everything the library raised with one `instanceof` and tell the kinds apart by `name`, a stable string (as
 * AWS SDK v3 errors are told apart). Every one names the operation it came from and how many HTTP attempts
 * the call made. None of them ever holds a request: headers carry the token or the signature, so errors keep
 * only what the caller needs to act on.
 */

/** The `name` of each kind of error: stable strings to switch on (they survive minification). */
export type HuaweiCloudSdkErrorName = "HuaweiCloudError" | "NetworkError" | "TimeoutError" | "InvalidInputError" | "InvalidResponseError";

/** What is known about the call an error ended, besides the operation. */
export interface ErrorContext {
  /** The `X-Request-Id` of the answer, when there was one. */
  readonly requestId?: string | undefined;
  /** HTTP attempts the call made, retries and the retry after a credential refresh included. */
  readonly attempts?: number | undefined;
}

/** The base of every error the library raises for a call. Not thrown itself. */
export abstract class HuaweiCloudSdkError extends Error {
  abstract override readonly name: HuaweiCloudSdkErrorName;
  /** The operationId of the call, e.g. `ListTasks`. */
  readonly operation: string;
  /** The `X-Request-Id` response header: quote it to Huawei Cloud support. Undefined when no answer came. */
  readonly requestId: string | undefined;
  /** HTTP attempts made before the call gave up (0: nothing was sent); undefined when not known. */
  readonly attempts: number | undefined;

  protected constructor(operation: string, message: string, context: ErrorContext, options?: { cause: unknown }) {
    super(message, options);
    this.operation = operation;
    this.requestId = context.requestId;
    this.attempts = context.attempts;
  }
}

/** The API answered with a non-2xx status. */
export class HuaweiCloudError extends HuaweiCloudSdkError {
  override readonly name = "HuaweiCloudError";
  /** The HTTP status code. */
  readonly status: number;
  /** The service's error code (`error_code`, e.g. `HSS.1001`), when the body had one. */
  readonly errorCode: string | undefined;
  /** The service's error message (`error_msg`), when the body had one. */
  readonly errorMsg: string | undefined;
  /** The parsed error body (JSON), or its text when it was not JSON, or undefined when empty. */
  readonly body: unknown;

  constructor(init: { status: number; operation: string; requestId: string | undefined; body: unknown; attempts?: number | undefined }) {
    const fields = errorFields(init.body);
    const detail = fields.errorCode ? `${fields.errorCode}: ${fields.errorMsg ?? "(no message)"}` : describeBody(init.body);
    super(init.operation, `${init.operation} failed with HTTP ${init.status}: ${detail}${init.requestId ? ` (request id ${init.requestId})` : ""}`, init);
    this.status = init.status;
    this.body = init.body;
    this.errorCode = fields.errorCode;
    this.errorMsg = fields.errorMsg;
  }

  toJSON() {
    const { name, message, status, errorCode, errorMsg, requestId, operation, attempts, body } = this;
    return { name, message, status, errorCode, errorMsg, requestId, operation, attempts, body };
  }
}

/** The request never got an answer: DNS, connection refused or reset, TLS. */
export class NetworkError extends HuaweiCloudSdkError {
  override readonly name = "NetworkError";
  constructor(operation: string, cause: unknown, context: ErrorContext = {}) {
    super(operation, `${operation} failed: network error: ${cause instanceof Error ? cause.message : String(cause)}`, context, { cause });
  }
}

/** An attempt took longer than the per-attempt timeout. */
export class TimeoutError extends HuaweiCloudSdkError {
  override readonly name = "TimeoutError";
  constructor(
    operation: string,
    readonly timeoutMs: number,
    context: ErrorContext = {},
  ) {
    super(operation, `${operation} timed out after ${timeoutMs} ms`, context);
  }
}

/** A call argument does not match the spec; raised before any request is sent (so `attempts` is 0). */
export class InvalidInputError extends HuaweiCloudSdkError {
  override readonly name = "InvalidInputError";
  constructor(
    operation: string,
    /** Path to the offending field, e.g. `iac_scan_info.file_type`. */
    readonly field: string,
    readonly value: unknown,
    /** What the spec expects, in words, e.g. `an integer from 10 to 200`. */
    readonly expected: string,
  ) {
    super(operation, `${operation}: invalid ${field}: expected ${expected}, got ${show(value)}`, { attempts: 0 });
  }
}

/** A 2xx answer whose body is not the JSON the spec promises. */
export class InvalidResponseError extends HuaweiCloudSdkError {
  override readonly name = "InvalidResponseError";
  constructor(
    operation: string,
    readonly status: number,
    requestId: string | undefined,
    cause: unknown,
    context: Omit<ErrorContext, "requestId"> = {},
  ) {
    const message = `${operation}: HTTP ${status} with a body that is not valid JSON${requestId ? ` (request id ${requestId})` : ""}`;
    super(operation, message, { ...context, requestId }, { cause });
  }
}

function errorFields(body: unknown): { errorCode?: string; errorMsg?: string } {
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  // Huawei Cloud services answer `{error_code, error_msg}`; some gateways answer `{code, message}`.
  const code = record["error_code"] ?? record["code"];
  const msg = record["error_msg"] ?? record["message"];
  return {
    ...(typeof code === "string" ? { errorCode: code } : {}),
    ...(typeof msg === "string" ? { errorMsg: msg } : {}),
  };
}

function describeBody(body: unknown): string {
  if (body === undefined || body === "") return "empty body";
  if (typeof body === "string") return body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return "no error_code in body";
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    return text.length > 100 ? `${text.slice(0, 100)}…` : text;
  } catch {
    return String(value);
  }
}
