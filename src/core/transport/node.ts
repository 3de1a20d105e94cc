// The transport for Node (the "node" condition of "#transport"): only this file of the pipeline gets Node's types.
/// <reference types="node" />
import type { IncomingMessage, OutgoingHttpHeaders, request as HttpRequest } from "node:http";
import { countedBody, tooLarge } from "../pipeline/limit-body.js";
import type { Call, ClientContext } from "../pipeline/types.js";
import { boundedBody } from "./bounded-body.js";
import { bufferedResponse } from "./buffered-response.js";
import { invalidStatus } from "./status.js";
import type { Transport } from "./types.js";

// Why not fetch: on Node, fetch is undici's, whose WHATWG streams, Request/Response copies and dispatcher cost
// ~250-400 µs of CPU per call against a loopback server, where node:http with Node's keep-alive global agent costs
// ~70-140 µs for the same exchange (measured in one process, back to back). So on Node, as AWS SDK v3 does
// (NodeHttpHandler), requests go out through node:http / node:https with the global agents (keep-alive since
// Node 20; an agent the user installed globally is kept), and the answer comes back as a BufferedResponse. A
// client call went from ~460 to ~290 µs of CPU with a token, ~630 to ~320 with AK/SK (the official SDK: ~600).
// The Request that openapi-fetch built and the request steps signed is still the one the caller's middleware
// and access log see; only the last hop differs. Like fetch with `redirect: "manual"`, node:http never follows
// a redirect (refuse-redirect turns a 3xx into a RedirectError), and no Accept-Encoding is sent.

/**
 * node:http and node:https, loaded at the first request to each scheme rather than with the library: importing
 * them costs ~20 ms at start-up (node:https brings TLS), which a process that never calls, or calls only one
 * scheme, does not pay. (process.getBuiltinModule: Node 20.16+, synchronous.)
 */
const senders: Partial<Record<"http:" | "https:", typeof HttpRequest>> = {};
function sender(scheme: "http:" | "https:"): typeof HttpRequest {
  return (senders[scheme] ??= process.getBuiltinModule(scheme === "https:" ? "node:https" : "node:http").request);
}

/** Statuses whose response has no body (a Response refuses one for them). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Whether an answer to `method` with `status` can have a body (node:http reads none for the others). */
const hasBody = (method: string, status: number): boolean => method !== "HEAD" && !NULL_BODY_STATUSES.has(status);

/**
 * Sends `request` and reads the whole answer, within the client's `maxResponseBytes` (counted here, so that
 * limit-body passes the response on as it is). The attempt's signal (`call.attemptSignal`; the request's own for a
 * request sent outside a call) follows its deadline and the caller's signal: aborting it destroys the socket,
 * whether the headers or the body are awaited.
 */
export const transport: Transport = async (request, call, client) => {
  // The body build serialized and authorize signed, as it is (no copy, no stream); a request some step replaced
  // (none does today: middleware only observe) sends its own.
  const body =
    request === call.sent
      ? call.parts?.body
      : request.body === null
        ? undefined
        : new Uint8Array(await request.arrayBuffer());
  return exchange(request, body, call, client);
};

function exchange(
  request: Request,
  body: string | Uint8Array | undefined,
  call: Call,
  client: ClientContext,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const signal = call.attemptSignal ?? request.signal;
    signal.throwIfAborted(); // (a throw here rejects the promise)
    const headers: OutgoingHttpHeaders = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
    const send = sender(request.url.startsWith("https:") ? "https:" : "http:");
    let settled = false;
    // As fetch: an abort rejects with the signal's reason, any other failure with a TypeError whose cause says why
    // (middleware's onError gets it; send makes it a NetworkError). An answer whose body passed the limit ends the
    // exchange the same way (nothing more is read) but is answered, as with fetch and limit-body: its status and
    // headers, and a body whose read fails with the too-large error — middleware see the response, the access
    // log its status and request id, and the call ends with that error.
    /** True the first time only: the exchange ends once, by an answer, a failure or the abort. */
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (!settle()) return;
      sent.destroy();
      if (error instanceof Response) return resolve(countedBody(error));
      reject(error === signal.reason ? error : new TypeError("network error", { cause: error }));
    };
    const succeed = (response: Response): void => {
      if (settle()) resolve(countedBody(response));
    };
    const onAbort = (): void => fail(signal.reason);
    let answer: IncomingMessage | undefined;
    const sent = send(request.url, { method: request.method, headers }, (received) => {
      answer = received;
      read(received, request.method, call, client).then(succeed, fail);
    });
    // Bytes past a complete answer (a body longer than its Content-Length) fail the socket, not the answer: as
    // fetch does, the body is the declared length. The listener stays after settling, so nothing here can crash.
    sent.on("error", (error) => {
      if (answer?.complete !== true) fail(error);
    });
    // A 101 Switching Protocols nobody asked for: node:http gives the socket to 'upgrade' listeners (with none it
    // destroys it) and emits neither a response nor an error, so the call would wait for its deadline — forever
    // with `timeoutMs: Infinity`. fetch fails it as a network error; so does this.
    sent.on("upgrade", (_, socket) => {
      socket.destroy();
      fail(new Error("the server switched protocols (HTTP 101), which was not asked for"));
    });
    signal.addEventListener("abort", onAbort);
    sent.end(body);
  });
}

/**
 * Reads the answer's body into memory within the limit, decodes it and builds the Response. An answer whose body
 * passes the limit rejects with its Response (a body that fails with the too-large error): see `fail`.
 */
function read(answer: IncomingMessage, method: string, call: Call, client: ClientContext): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const status = answer.statusCode ?? 0;
    // Refused before making the Response, which takes 200-599 only (its RangeError would not say what the server
    // did); fetch's answers are checked in pipeline/transport.ts, with the same message.
    const invalid = invalidStatus(status);
    if (invalid !== undefined) return reject(invalid);
    const headers = new Headers();
    const raw = answer.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
    const max = client.maxResponseBytes;
    const overLimit = () =>
      reject(response(tooLarge(call, { status, headers }), status, answer.statusMessage, headers, method));
    // (A 304's Content-Length is the size of the representation it did not send: only a body that can come counts.)
    const declared = hasBody(method, status) ? Number(answer.headers["content-length"] ?? NaN) : NaN;
    if (declared > max) return overLimit();
    const body = boundedBody(answer, max, overLimit);
    answer.on("error", reject);
    answer.on("end", () => {
      if (!answer.complete) return reject(new Error("the connection closed before the response body ended"));
      decoded(body(), answer.headers["content-encoding"], max)
        .then((decoded) => resolve(response(decoded, status, answer.statusMessage, headers, method)))
        .catch((error: unknown) => (isTooLarge(error) ? overLimit() : reject(error)));
    });
  });
}

/** The Response over the body read, or (`body` an error) over a body whose read fails with that error. */
function response(
  body: Buffer | Error,
  status: number,
  statusText: string | undefined,
  headers: Headers,
  method: string,
): Response {
  const init = { status, statusText: statusText ?? "", headers };
  const make = (init: ResponseInit) =>
    !hasBody(method, status)
      ? new Response(null, init)
      : body instanceof Error
        ? new Response(new ReadableStream({ start: (controller) => controller.error(body) }), init)
        : bufferedResponse(body as Uint8Array<ArrayBuffer>, init);
  try {
    return make(init);
  } catch {
    // A reason phrase a Response would not take (it is only words): dropped, as it carries no meaning.
    return make({ ...init, statusText: "" });
  }
}

/** The body as sent, or decoded when it says it is encoded (the decoders, and node:zlib, load only then). */
async function decoded(bytes: Buffer, encoding: string | undefined, max: number): Promise<Buffer> {
  if (encoding === undefined || bytes.byteLength === 0) return bytes;
  return (await import("./decode.js")).decode(bytes, encoding, max);
}

function isTooLarge(error: unknown): boolean {
  return error instanceof RangeError;
}
