import { quote } from "../show.js";
import { requestIdOf } from "./answer.js";
import { runHook } from "./hook-error.js";
import type { Call, RequestStep } from "./types.js";

/**
 * One line of the access log: one HTTP attempt, retries and the retry after a credential refresh each
 * getting their own. Only these fields, by design: never a header (the token, the AK/SK signature and the
 * security token travel in headers), never a body, never the query string (its values may be secrets).
 */
export interface AccessLogEntry {
  /** The operationId, e.g. `ListTasks`. */
  readonly operation: string;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /**
   * The path as sent, percent-encoded, without the query string: path parameters (the project id, resource
   * ids) are filled in, as in the server's own logs and the official SDKs' access logs.
   */
  readonly path: string;
  /** The HTTP status of the answer (a 3xx too, before the call refuses it; 0 for a browser's opaque redirect); undefined when none came. */
  readonly status: number | undefined;
  /** Why no answer came: the attempt's timeout, the caller's abort, or a network failure; undefined when one came. */
  readonly error: "timeout" | "aborted" | "network" | undefined;
  /** Which HTTP attempt of the call this was, from 1. */
  readonly attempt: number;
  /**
   * Milliseconds from sending to the response headers (or the failure), to 0.1 ms; reading the body is not
   * included, except on Node's own transport, which reads the whole body before answering.
   */
  readonly durationMs: number;
  /** The answer's `X-Request-Id`, to quote to Huawei Cloud support; undefined when absent or no answer came. */
  readonly requestId: string | undefined;
}

/** The `accessLog` client option: called once per HTTP attempt. */
export type AccessLog = (entry: AccessLogEntry) => void;

/**
 * Writes an access-log entry for each HTTP attempt, as it ends. Runs next to the transport, so the time is the
 * wire's and the status the server's, whatever the steps outside it make of the answer. Without `accessLog`
 * the step is left out of the stack when the pipeline is composed: no clock read, no object, per call.
 */
export const accessLog: RequestStep = (next, client) => {
  const log = client.accessLog;
  if (log === undefined) return next;
  return async (request, call) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await next(request, call);
    } catch (error) {
      await runHook(call, "accessLog", () => log(entry(request, call, started, undefined, failure(request, call))));
      throw error;
    }
    await runHook(call, "accessLog", () => log(entry(request, call, started, response, undefined)), response);
    return response;
  };
};

function entry(
  request: Request,
  call: Call,
  started: number,
  response: Response | undefined,
  error: AccessLogEntry["error"],
): AccessLogEntry {
  return {
    operation: call.operation.operationId,
    method: request.method,
    path: new URL(request.url).pathname,
    status: response?.status,
    error,
    attempt: call.attempts,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    requestId: requestIdOf(response),
  };
}

/** What ended an attempt that got no answer: the caller's signal, else the attempt's deadline, else the network. */
function failure(request: Request, call: Call): AccessLogEntry["error"] {
  if (call.signal?.aborted) return "aborted";
  return (call.attemptSignal ?? request.signal).aborted ? "timeout" : "network";
}

/**
 * The default one-line form of an entry, for a text log:
 * `ListTasks GET /v5/…/tasks 200 12.5ms attempt=1 request-id=…` (the error kind stands where the status would).
 * The request id is the server's text: written quoted (JSON's escapes, and every control escaped, as messages
 * quote server text) when it holds anything but visible ASCII other than `"` and `\`, so that an id like
 * `x status=500` cannot pass for fields of the line, nor a U+2028 end it.
 */
export function formatAccessLog(entry: AccessLogEntry): string {
  const outcome = entry.status ?? entry.error ?? "-";
  const id = entry.requestId;
  const requestId = id === undefined ? "" : ` request-id=${PLAIN_ID.test(id) ? id : quote(id, Infinity)}`;
  return `${entry.operation} ${entry.method} ${entry.path} ${outcome} ${entry.durationMs}ms attempt=${entry.attempt}${requestId}`;
}

/** A request id written as it is: visible ASCII but `"` and `\\` (the usual ids are hex digits and dashes). */
const PLAIN_ID = /^[!#-[\]-~]+$/;

/** The `accessLog` option, checked when the client is created. */
export function checkAccessLog(name: string, value: unknown): AccessLog | undefined {
  if (value === undefined || typeof value === "function") return value as AccessLog | undefined;
  throw new TypeError(`${name}: expected a function that takes an access-log entry`);
}
