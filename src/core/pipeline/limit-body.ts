import { InvalidResponseError } from "../errors.js";
import type { Call, ClientContext, RequestStep } from "./types.js";

/**
 * Bounds the response body at the client's `maxResponseBytes`: a Content-Length above it is refused before
 * reading, and a body without one is counted as it streams and cut off once it passes the limit, so a hostile
 * or broken server cannot make the client buffer gigabytes. (A body that stalls is ended by the attempt's
 * deadline, which covers reading it.)
 */
export const limitBody: RequestStep = (next, client) => async (request, call) => {
  const response = await next(request, call);
  if (response.body === null) return response;
  const declared = Number(response.headers.get("Content-Length") ?? NaN);
  if (declared > client.maxResponseBytes) {
    await response.body.cancel().catch(() => {});
    throw tooLarge(call, response);
  }
  // A declared length within the limit is enforced by fetch itself (a longer body is a network error), unless
  // the body is compressed: Content-Length then counts the compressed bytes, and a small gzip can inflate to GBs.
  if (!Number.isNaN(declared) && !response.headers.has("Content-Encoding")) return response;
  return new Response(response.body.pipeThrough(byteLimit(client, call, response)), response);
};

function byteLimit(client: ClientContext, call: Call, response: Response): TransformStream<Uint8Array, Uint8Array> {
  let received = 0;
  return new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > client.maxResponseBytes) controller.error(tooLarge(call, response));
      else controller.enqueue(chunk);
    },
  });
}

function tooLarge(call: Call, response: Response): InvalidResponseError {
  return new InvalidResponseError({
    operation: call.operation.operationId,
    status: response.status,
    reason: "too-large",
    requestId: response.headers.get("X-Request-Id") ?? undefined,
    contentType: response.headers.get("Content-Type"),
    attempts: call.attempts,
  });
}
