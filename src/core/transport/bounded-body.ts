import type { IncomingMessage } from "node:http";

/**
 * Reads a node:http answer's body, keeping at most `max` bytes: past them `overLimit` is called (the caller
 * fails the exchange and may destroy the socket) and nothing more is kept. Shared by the Node transport (the
 * client's `maxResponseBytes`) and the ECS metadata provider (its answer cap). Returns the bytes kept, joined —
 * for the `end` event.
 */
export function boundedBody(answer: IncomingMessage, max: number, overLimit: () => void): () => Buffer {
  const chunks: Buffer[] = [];
  let received = 0;
  answer.on("data", (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > max) return overLimit();
    chunks.push(chunk);
  });
  return () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
}
