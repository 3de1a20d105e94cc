import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createHssClient, type ClientOptions, type HssClient } from "../../src/index.js";

/** What a hostile server saw of one request. */
export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (request: Seen, response: ServerResponse) => void | Promise<void>;

/**
 * A loopback server (127.0.0.1) whose answers a test writes as a function: redirects, stalled or endless
 * bodies, garbage headers. It records every request it received, body included.
 */
export interface HostileServer {
  readonly url: string;
  readonly requests: Seen[];
  handler: Handler;
  close(): Promise<void>;
}

export const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { "Content-Type": "application/json", "X-Request-Id": "hostile-req", ...headers });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
};

export async function startHostileServer(
  handler: Handler = (_, response) => json(response, 200, {}),
): Promise<HostileServer> {
  const requests: Seen[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const seen = {
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(seen);
    await state.handler(seen, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const state: HostileServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/**
 * A hostile server for one test file: started before its tests, closed after them; before each test its
 * record is cleared and its handler set back to `initial`.
 */
export function useHostileServer(initial: Handler = (_, response) => json(response, 200, {})): HostileServer {
  let server: HostileServer | undefined;
  const current = (): HostileServer =>
    server ??
    (() => {
      throw new Error("the hostile server starts in beforeAll");
    })();
  beforeAll(async () => {
    server = await startHostileServer(initial);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    current().requests.length = 0;
    current().handler = initial;
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    get handler() {
      return current().handler;
    },
    set handler(handler: Handler) {
      current().handler = handler;
    },
    close: () => current().close(),
  };
}

export const TOKEN = "hostile-test-token-secret";
export const SK = "hostile-test-sk-secret";
export const SECURITY_TOKEN = "hostile-test-security-token";

/** An HSS client on the server, token auth and fast retries unless overridden. */
export function hssOn(server: HostileServer, overrides: Partial<ClientOptions> = {}): HssClient {
  return createHssClient({
    projectId: "p1",
    endpoint: server.url,
    auth: { token: TOKEN },
    retry: { baseDelayMs: 1 },
    ...overrides,
  });
}

export { rejection } from "../helpers/rejection.js";

/** Fails when a secret of these tests appears in the text. */
export function expectNoSecret(text: string): void {
  for (const secret of [TOKEN, SK, SECURITY_TOKEN]) {
    if (text.includes(secret)) throw new Error(`a secret appears in: ${text.slice(0, 200)}`);
  }
}
