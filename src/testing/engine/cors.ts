/// <reference types="node" />
/**
 * CORS, so a page served from another loopback origin (the browser smoke test) can call the server: the
 * preflight allows the headers the client sends (token auth, AK/SK signing, JSON bodies) and every answer
 * exposes X-Request-Id to scripts.
 */
import type { IncomingMessage } from "node:http";

const ALLOWED_HEADERS = [
  "Authorization",
  "X-Sdk-Date",
  "X-Sdk-Content-Sha256",
  "X-Auth-Token",
  "X-Security-Token",
  "X-Project-Id",
  "Content-Type",
].join(", ");

/** Headers for every answer. The origin is echoed (not "*") so the answer also works for credentialed requests. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
    "Access-Control-Expose-Headers": "X-Request-Id",
    Vary: "Origin",
  };
}

/** Extra headers of the answer to a preflight (OPTIONS) request. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": ALLOWED_HEADERS,
  "Access-Control-Max-Age": "600",
};
