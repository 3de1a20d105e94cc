/// <reference types="node" />
/** Small node:http helpers: raw body reading and JSON answers. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request body exactly as received (AK/SK signatures cover these bytes, so nothing may be re-encoded). */
export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), { "Content-Type": "application/json;charset=UTF-8", ...headers });
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}
