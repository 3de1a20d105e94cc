/**
 * The errors a call can reject with. Every one names the operation it came from. None of them ever holds a
 * request: headers carry the token or the signature, so errors keep only what the caller needs to act on.
 */

/** The API answered with a non-2xx status. */
export class HuaweiCloudError extends Error {
  override readonly name = "HuaweiCloudError";
  /** The HTTP status code. */
  readonly status: number;
  /** The service's error code (`error_code`, e.g. `HSS.1001`), when the body had one. */
  readonly errorCode: string | undefined;
  /** The service's error message (`error_msg`), when the body had one. */
  readonly errorMsg: string | undefined;
  /** The `X-Request-Id` response header: quote it to Huawei Cloud support. */
  readonly requestId: string | undefined;
  /** The operationId of the call, e.g. `ListTasks`. */
  readonly operation: string;
  /** The parsed error body (JSON), or its text when it was not JSON, or undefined when empty. */
  readonly body: unknown;

  constructor(init: { status: number; operation: string; requestId: string | undefined; body: unknown }) {
    const fields = errorFields(init.body);
    const detail = fields.errorCode ? `${fields.errorCode}: ${fields.errorMsg ?? "(no message)"}` : describeBody(init.body);
    super(`${init.operation} failed with HTTP ${init.status}: ${detail}${init.requestId ? ` (request id ${init.requestId})` : ""}`);
    this.status = init.status;
    this.operation = init.operation;
    this.requestId = init.requestId;
    this.body = init.body;
    this.errorCode = fields.errorCode;
    this.errorMsg = fields.errorMsg;
  }

  toJSON() {
    const { name, message, status, errorCode, errorMsg, requestId, operation, body } = this;
    return { name, message, status, errorCode, errorMsg, requestId, operation, body };
  }
}

/** The request never got an answer: DNS, connection refused or reset, TLS. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`${operation} failed: network error: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** An attempt took longer than the per-attempt timeout. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`${operation} timed out after ${timeoutMs} ms`);
  }
}

/** A call argument does not match the spec; raised before any request is sent. */
export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  constructor(
    readonly operation: string,
    /** Path to the offending field, e.g. `iac_scan_info.file_type`. */
    readonly field: string,
    readonly value: unknown,
    /** What the spec expects, in words, e.g. `an integer from 10 to 200`. */
    readonly expected: string,
  ) {
    super(`${operation}: invalid ${field}: expected ${expected}, got ${show(value)}`);
  }
}

/** A 2xx answer whose body is not the JSON the spec promises. */
export class InvalidResponseError extends Error {
  override readonly name = "InvalidResponseError";
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly requestId: string | undefined,
    cause: unknown,
  ) {
    super(`${operation}: HTTP ${status} with a body that is not valid JSON${requestId ? ` (request id ${requestId})` : ""}`, { cause });
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
