/**
 * Fault injection. Tests push faults onto `server.faults`; each request takes the first fault that matches
 * its operation (a fault without `operation` matches any request, even an unknown path), and a fault is
 * dropped once it has been used `times` times (default 1).
 *
 * What a fault does, in this order: wait `delayMs` (the wait ends early if the client gives up or the server
 * closes); then either destroy the connection (`reset`), or answer with `status` (default 500 when only a
 * body is given) and the service's error body, a custom JSON `body`, or a `rawBody` text sent as is
 * (non-JSON, or "" for an empty body), with a `Retry-After` header when `retryAfter` is set. A fault with only
 * `delayMs` delays the request, which is then served normally.
 */
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

/** True when the fault replaces the real answer (as opposed to only delaying it). */
export function faultAnswers(fault: Fault): boolean {
  return fault.status !== undefined || fault.body !== undefined || fault.rawBody !== undefined;
}
