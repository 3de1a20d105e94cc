/// <reference types="node" />
/**
 * Fault injection. Tests push faults onto `server.faults`; each request takes the first fault that matches
 * its operation (a fault without `operation` matches any request, even an unknown path), and a fault is
 * dropped once it has been used `times` times (default 1).
 *
 * What a fault does, in this order: wait `delayMs` (the wait ends early if the client gives up or the server
 * closes); then either destroy the connection (`reset`), or answer with `status` (default 500 when only a
 * body is given) and the service's error body (its `ErrorStyle`), a custom JSON `body`, or a `rawBody` text sent as is
 * (non-JSON, or "" for an empty body), with a `Retry-After` header when `retryAfter` is set. A fault with only
 * `delayMs` delays the request, which is then served normally.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { injectedErrorAnswer, type ErrorStyle } from "./error-answers.js";
import { sendJson, sendText } from "./http.js";

export interface Fault {
  /** Only requests to this operation (operationId, e.g. "ListTasks"). */
  operation?: string;
  /** How many requests the fault applies to; default 1. */
  times?: number;
  delayMs?: number;
  reset?: boolean;
  status?: number;
  retryAfter?: string;
  body?: unknown;
  rawBody?: string;
}

/** Takes the fault for a request to `operation` (undefined for an unknown path), counting one use. */
export function takeFault(faults: Fault[], operation: string | undefined): Fault | undefined {
  const index = faults.findIndex((f) => f.operation === undefined || f.operation === operation);
  const fault = faults[index];
  if (!fault) return undefined;
  const remaining = (fault.times ?? 1) - 1;
  if (remaining <= 0) faults.splice(index, 1);
  else fault.times = remaining;
  return fault;
}

/**
 * Applies a fault to a request; true when it took the place of the real answer (then nothing more may be
 * sent), false when it only delayed it. `serverClosing` cuts the delay short when the server shuts down.
 */
export async function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  errors: ErrorStyle,
  serverClosing: AbortSignal,
): Promise<boolean> {
  if (fault.delayMs) {
    const clientGone = new AbortController();
    res.on("close", () => clientGone.abort());
    try {
      await sleep(fault.delayMs, undefined, { signal: AbortSignal.any([serverClosing, clientGone.signal]) });
    } catch {
      return true; // the client or the server gave up: nobody is left to answer
    }
  }
  if (fault.reset) {
    req.socket.destroy();
    return true;
  }
  if (fault.status === undefined && fault.body === undefined && fault.rawBody === undefined) return false;
  const status = fault.status ?? 500;
  const headers: Record<string, string> = fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {};
  if (fault.rawBody !== undefined) sendText(res, status, fault.rawBody, headers);
  else sendJson(res, status, fault.body ?? injectedErrorAnswer(errors, status).body, headers);
  return true;
}
