import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the loopback server saw of one request. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** How to answer one request: a status, headers and a body; or drop the connection; optionally after a delay. */
export interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | object;
  readonly reset?: boolean;
  readonly delayMs?: number;
}

/**
 * A programmable HTTP server on 127.0.0.1 for the core's tests: it knows no API, it answers queued answers in
 * order (then `fallback`), numbers them in `X-Request-Id` (`req-1`, … from each reset) and records every request, so the tests drive the pipeline with any operation table.
 */
export interface LoopbackServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Answers for the next requests, in order. */
  readonly answers: Answer[];
  fallback: Answer;
  reset(): void;
  close(): Promise<void>;
}

const OK: Answer = { status: 200, body: {} };

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const answers: Answer[] = [];
  let requestCount = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const answer = answers.shift() ?? state.fallback;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    respond(response, answer, `req-${++requestCount}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    answers,
    fallback: OK,
    reset() {
      requests.length = 0;
      answers.length = 0;
      requestCount = 0;
      state.fallback = OK;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

function respond(response: ServerResponse, answer: Answer, requestId: string): void {
  if (response.destroyed) return;
  if (answer.reset) {
    response.socket?.destroy();
    return;
  }
  const body =
    typeof answer.body === "string" ? answer.body : answer.body === undefined ? "" : JSON.stringify(answer.body);
  response.writeHead(answer.status ?? 200, {
    "Content-Type": "application/json",
    "X-Request-Id": requestId,
    ...answer.headers,
  });
  response.end(body);
}
