/// <reference types="node" />
/**
 * The log of received requests that tests inspect (`server.requests`): bounded, and with secrets (token,
 * signature, security token) replaced, so it can be printed safely.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "./auth.js";

export interface LoggedRequest {
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text (truncated) when it is not JSON, or undefined when empty. */
  body: unknown;
  /** operationId, when the path matched an operation. */
  operation?: string;
  /** Who the request authenticated as, once it did. */
  principal?: Principal;
  /** Status of the answer, once sent (absent for connections reset by a fault). */
  status?: number;
}

/** The log keeps the latest requests only, so long benchmarks do not grow memory. */
export const MAX_LOGGED_REQUESTS = 1000;
const MAX_LOGGED_BODY_CHARS = 4096;
const SECRET_HEADERS = new Set(["x-auth-token", "authorization", "x-security-token", "cookie"]);

export function appendToLog(log: LoggedRequest[], entry: LoggedRequest): void {
  log.push(entry);
  if (log.length > MAX_LOGGED_REQUESTS) log.splice(0, log.length - MAX_LOGGED_REQUESTS);
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name) ? "[redacted]" : value]),
  );
}

export function loggableBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, MAX_LOGGED_BODY_CHARS);
  }
}
