import { execFile } from "node:child_process";
import { promisify } from "node:util";
import http, { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HuaweiCloudError, InvalidResponseError, NetworkError, type AccessLogEntry } from "../../src/index.js";
import type { Call, ClientContext } from "../../src/core/pipeline/types.js";
import { transport } from "../../src/core/transport/node.js";
import { hssOn, json, rejection, useHostileServer } from "../hostile/servers.js";

// The Node transport (src/core/transport/node.ts, "#transport" under the "node" condition): what it does that
// fetch did before, against real loopback servers.

const api = useHostileServer();
const STATISTICS = { total_num: 3, running_num: 1 };
const statistics = (options = {}) => hssOn(api, options).showTaskStatistics({ task_type: "iac_scan" });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("on Node, calls go out through node:http", () => {
  it("by default: the global fetch is not called, and the server sees none of undici's headers", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    api.handler = (_, response) => json(response, 200, STATISTICS);
    await expect(statistics()).resolves.toEqual(STATISTICS);
    expect(fetchSpy).not.toHaveBeenCalled();
    const headers = api.requests[0]!.headers;
    expect(headers["accept-encoding"]).toBeUndefined();
    expect(headers["sec-fetch-mode"]).toBeUndefined();
    expect(headers["x-auth-token"]).toBeDefined();
  });

  it("the caller's fetch always wins", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    api.handler = (_, response) => json(response, 200, STATISTICS);
    await expect(statistics({ fetch: (request: Request) => globalThis.fetch(request) })).resolves.toEqual(STATISTICS);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(api.requests[0]!.headers["accept-encoding"]).toBeDefined(); // undici's, so fetch sent it
  });

  it("the attempt's deadline reaches the caller's fetch and the Node transport: a stalled answer is ended", async () => {
    // The Request the pipeline builds carries no signal (Call.attemptSignal): the caller's fetch gets one on the
    // Request it receives, the Node transport takes it from the call. Either way the server sees the socket go.
    const closed: Promise<void>[] = [];
    api.handler = (_, response) => {
      closed.push(new Promise((resolve) => response.on("close", () => resolve())));
      response.writeHead(200, { "Content-Type": "application/json" }); // and never an end
    };
    const viaFetch = (request: Request) => globalThis.fetch(request);
    for (const overrides of [{}, { fetch: viaFetch }]) {
      const error = await rejection(statistics({ timeoutMs: 100, retry: false, ...overrides }));
      expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 100 });
    }
    await Promise.all(closed);
    expect(closed).toHaveLength(2);
  });

  it("a JSON body goes out as build serialized it, with its Content-Length in bytes (signed, non-ASCII)", async () => {
    api.handler = (_, response) => json(response, 200, { total_num: 0, data_list: [] });
    const input = { task_type: "iac_scan" as const, task_name: "scan ✓ — bölt", limit: 10 };
    await hssOn(api, { auth: { ak: "AK-TRANSPORT", sk: "sk-transport" } }).listTasks(input);
    const seen = api.requests[0]!;
    expect(seen.method).toBe("POST");
    expect(JSON.parse(seen.body)).toMatchObject({ task_name: "scan ✓ — bölt" });
    expect(Number(seen.headers["content-length"])).toBe(Buffer.byteLength(seen.body));
    expect(seen.headers["transfer-encoding"]).toBeUndefined();
    expect(seen.headers.authorization).toMatch(/^SDK-HMAC-SHA256 /);
  });

  it("keeps repeated response headers: each Set-Cookie, and others joined", async () => {
    api.handler = (_, response) => {
      response.setHeader("Set-Cookie", ["a=1; Path=/", "b=2; Path=/"]);
      response.setHeader("X-Repeated", ["one", "two"]);
      json(response, 200, STATISTICS);
    };
    const seen: Headers[] = [];
    await statistics({
      middleware: [{ onResponse: ({ response }: { response: Response }) => void seen.push(response.headers) }],
    });
    expect(seen[0]!.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen[0]!.get("X-Repeated")).toBe("one, two");
  });

  it("reaches an IPv6 loopback endpoint, http://[::1]:port", async () => {
    const server = await listen(
      createHttpServer((_, response) => json(response, 200, STATISTICS)),
      "::1",
    );
    try {
      const endpoint = `http://[::1]:${(server.address() as AddressInfo).port}`;
      await expect(statistics({ endpoint })).resolves.toEqual(STATISTICS);
    } finally {
      await close(server);
    }
  });
});

describe("the response body", () => {
  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync], // raw deflate under the "deflate" name, as some servers send
    ["br", brotliCompressSync],
  ] as const)("a %s body (no Accept-Encoding was sent) is decoded", async (encoding, compress) => {
    const body = compress(Buffer.from(JSON.stringify(STATISTICS)));
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding });
      response.end(body);
    };
    await expect(statistics()).resolves.toEqual(STATISTICS);
  });

  it("a gzip body within the limit compressed but above it decoded is refused as too-large", async () => {
    const padded = gzipSync(Buffer.from(JSON.stringify({ ...STATISTICS, pad: " ".repeat(50_000) })));
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      response.end(padded);
    };
    expect(padded.length).toBeLessThan(1_000);
    const error = await rejection(statistics({ maxResponseBytes: 10_000 }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: "too-large", status: 200, requestId: undefined });
  });

  it("a chunked body past the limit is refused as too-large, with the answer's request id", async () => {
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "chunked-req" });
      for (let i = 0; i < 10; i++) response.write(" ".repeat(1_000));
      response.end("{}");
    };
    await expect(statistics({ maxResponseBytes: 5_000 })).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "too-large",
      requestId: "chunked-req",
    });
  });

  it.each([
    ["node:http", "chunked", undefined],
    ["node:http", "declared", undefined],
    ["the caller's fetch", "chunked", (request: Request) => globalThis.fetch(request)],
  ])(
    "through %s, a %s body past the limit is an answer to middleware and the access log, then too-large",
    async (_, length, fetch) => {
      api.handler = (_, response) => {
        const declared = length === "declared" ? { "Content-Length": "10002" } : {};
        response.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "big-req", ...declared });
        for (let i = 0; i < 10; i++) response.write(" ".repeat(1_000));
        response.end("{}");
      };
      const entries: AccessLogEntry[] = [];
      const hooks: string[] = [];
      const error = await rejection(
        statistics({
          maxResponseBytes: 5_000,
          accessLog: (entry: AccessLogEntry) => entries.push(entry),
          middleware: [{ onResponse: () => void hooks.push("onResponse"), onError: () => void hooks.push("onError") }],
          ...(fetch ? { fetch } : {}),
        }),
      );
      expect(error).toMatchObject({ name: "InvalidResponseError", reason: "too-large", requestId: "big-req" });
      expect(hooks).toEqual(["onResponse"]);
      expect(entries).toMatchObject([{ status: 200, error: undefined, requestId: "big-req" }]);
    },
  );

  it("an abort once the headers and part of the body were sent destroys the connection and rejects with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    let connectionClosed!: Promise<void>;
    api.handler = (_, response) => {
      connectionClosed = new Promise((resolve) => response.on("close", resolve));
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      response.write('{"total_num": 3', () => controller.abort(reason));
    };
    const client = hssOn(api);
    await expect(client.showTaskStatistics({ task_type: "iac_scan" }, { signal: controller.signal })).rejects.toBe(
      reason,
    );
    await connectionClosed;
  });

  it("a 304 whose Content-Length (the unsent representation's) is above the limit is a 304, not too-large", async () => {
    const error = await failureFrom('HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\nContent-Length: 100000000\r\n\r\n');
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 304 });
  });

  it("a body shorter than its Content-Length is a NetworkError", async () => {
    const error = await failureFrom(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{}",
    );
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("a body longer than its Content-Length is cut at it (as fetch does), and the next call still gets through", async () => {
    const raw = await rawServer((socket) =>
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"total_num":1}trailing garbage',
      ),
    );
    try {
      const client = hssOn(api, { endpoint: raw.url, retry: false });
      await expect(client.showTaskStatistics({ task_type: "iac_scan" })).resolves.toEqual({ total_num: 1 });
      await expect(client.showTaskStatistics({ task_type: "iac_scan" })).resolves.toEqual({ total_num: 1 });
    } finally {
      await raw.close();
    }
  });

  it.each([
    ["and keeps the connection open", (socket: Socket) => socket.write(SWITCHING)],
    ["and closes the connection", (socket: Socket) => socket.end(SWITCHING)],
  ])(
    "a 101 Switching Protocols nobody asked for %s: a NetworkError at once, not a wait for the deadline",
    async (_, answer) => {
      const raw = await rawServer(answer);
      try {
        // No deadline: a transport that waited for one would hang the test until vitest's own timeout.
        const error = await rejection(statistics({ endpoint: raw.url, retry: false, timeoutMs: Infinity }));
        expect(error).toBeInstanceOf(NetworkError);
        expect(String(error.message)).toMatch(/switched protocols \(HTTP 101\)/);
      } finally {
        await raw.close();
      }
    },
  );

  it.each([600, 999])(
    "a status outside 200-599 (%i) is the same NetworkError through node:http and through fetch, not a crash",
    async (status) => {
      // undici's fetch answers such a status as a Response (node:http passes it too): it used to be a
      // HuaweiCloudError there, a NetworkError on Node. Now the same error, whichever sent the request.
      const raw = await rawServer((socket) =>
        socket.end(`HTTP/1.1 ${status} Strange\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`),
      );
      try {
        const viaFetch = (request: Request) => globalThis.fetch(request);
        const [viaNode, viaUndici] = [
          await rejection(statistics({ endpoint: raw.url, retry: false })),
          await rejection(statistics({ endpoint: raw.url, retry: false, fetch: viaFetch })),
        ];
        for (const error of [viaNode, viaUndici]) {
          expect(error).toBeInstanceOf(NetworkError);
          expect(error.message).toBe(
            `ShowTaskStatistics failed: network error reaching ${new URL(raw.url).host}: ` +
              `the server answered HTTP ${status}, outside 200-599: not a valid HTTP response`,
          );
        }
      } finally {
        await raw.close();
      }
    },
  );
});

describe("connections", () => {
  it.each([
    ["a GET (retry-safe) is retried on a new connection, as the retry policy says", "ShowTaskStatistics"],
    ["a CreateTask (not retry-safe) is not repeated: a NetworkError after its one attempt", "CreateTask"],
  ])("a keep-alive connection the server drops as the next request arrives: %s", async (_, operation) => {
    const answer = operation === "CreateTask" ? '{"task_id":"t1"}' : '{"total_num":1}';
    const ok = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${answer.length}\r\n\r\n${answer}`;
    const ports = new Set<number>();
    let requests = 0;
    // The second request, on the kept-alive connection of the first, is read and the connection dropped unanswered.
    const raw = await rawServer((socket) => {
      ports.add(socket.remotePort!);
      if (++requests === 2) socket.destroy();
      else socket.write(ok);
    });
    try {
      const client = hssOn(api, { endpoint: raw.url });
      const call = () =>
        operation === "CreateTask"
          ? client.createTask({
              task_type: "iac_scan",
              iac_scan_info: { file_type: "dockerfile", file_id_list: ["f"] },
            })
          : client.showTaskStatistics({ task_type: "iac_scan" });
      await expect(call()).resolves.toEqual(JSON.parse(answer));
      if (operation === "CreateTask") {
        const error = await rejection(call());
        expect(error).toBeInstanceOf(NetworkError);
        expect(error).toMatchObject({ operation, attempts: 1 });
        expect([requests, ports.size]).toEqual([2, 1]);
      } else {
        await expect(call()).resolves.toEqual({ total_num: 1 });
        expect([requests, ports.size]).toEqual([3, 2]);
      }
    } finally {
      await raw.close();
    }
  });

  it("the http.globalAgent a user installed (no keep-alive, one socket) is used, and concurrent answers never cross", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const server = await listen(
      createHttpServer((request, response) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        response.on("finish", () => inFlight--);
        // Each answer echoes its request's query value, some later than others.
        const id = new URL(request.url!, "http://x").searchParams.get("enterprise_project_id");
        setTimeout(() => json(response, 200, { total_num: Number(id) }), Number(id) % 3);
      }),
      "127.0.0.1",
    );
    const saved = http.globalAgent;
    http.globalAgent = new http.Agent({ keepAlive: false, maxSockets: 1 });
    try {
      const client = hssOn(api, { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const ids = Array.from({ length: 20 }, (_, i) => i);
      const answers = await Promise.all(
        ids.map((i) => client.showTaskStatistics({ task_type: "iac_scan", enterprise_project_id: String(i) })),
      );
      expect(answers.map((answer) => answer.total_num)).toEqual(ids);
      expect(mostInFlight).toBe(1);
    } finally {
      http.globalAgent.destroy();
      http.globalAgent = saved;
      await close(server);
    }
  });
});

describe("the transport function", () => {
  it("sends the body of a request that is not the one authorize signed (one a step replaced)", async () => {
    api.handler = (_, response) => json(response, 200, {});
    const request = new Request(`${api.url}/replaced`, { method: "PUT", body: "replaced body" });
    const call = { sent: undefined, parts: { body: "the parts' body" } } as unknown as Call;
    const response = await transport(request, call, { maxResponseBytes: 1_000 } as ClientContext);
    expect(response.status).toBe(200);
    expect(api.requests[0]).toMatchObject({ method: "PUT", url: "/replaced", body: "replaced body" });
  });
});

it("leaves no socket holding the process: a script that makes calls exits by itself", async () => {
  api.handler = (_, response) => json(response, 200, STATISTICS);
  const index = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  const script = `
    const { createHssClient } = await import(${JSON.stringify(index)});
    const client = createHssClient({ projectId: "p1", endpoint: ${JSON.stringify(api.url)}, auth: { token: "t" } });
    for (let i = 0; i < 3; i++) await client.showTaskStatistics({ task_type: "iac_scan" });
    console.log("done");`;
  // A hang guard, not a speed target: without it a leaked socket would hold the test until vitest's timeout.
  const child = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--conditions=huaweicloud-task-client/source", "--input-type=module", "-e", script],
    { encoding: "utf8", timeout: 60_000 },
  );
  expect(child.stderr).toBe("");
  expect(child.stdout.trim()).toBe("done");
  expect(api.requests).toHaveLength(3);
});

it("importing the library and creating a client loads neither Node's fetch (undici) nor node:http", async () => {
  // Both load at the first call; a process that imports the library and never calls, or calls later, pays
  // for neither at start-up (undici alone is tens of milliseconds).
  const index = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  const script = `
    const before = new Set(process.moduleLoadList);
    const { createHssClient } = await import(${JSON.stringify(index)});
    createHssClient({ projectId: "p1", region: "ap-southeast-1", auth: { ak: "AK", sk: "SK" } });
    const loaded = process.moduleLoadList.filter((name) => !before.has(name));
    console.log(JSON.stringify(loaded.filter((name) => /undici|NativeModule (_?http|https|tls|zlib)$/.test(name))));
    await createHssClient({ projectId: "p1", endpoint: ${JSON.stringify(api.url)}, auth: { token: "t" } })
      .showTaskStatistics({ task_type: "iac_scan" });
    console.log(JSON.stringify(process.moduleLoadList.filter((name) => /NativeModule http$/.test(name))));`;
  api.handler = (_, response) => json(response, 200, STATISTICS);
  const child = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--conditions=huaweicloud-task-client/source", "--input-type=module", "-e", script],
    { encoding: "utf8", timeout: 60_000 },
  );
  const [atImport, afterCall] = child.stdout.trim().split("\n");
  expect(JSON.parse(atImport!)).toEqual([]);
  expect(JSON.parse(afterCall!)).toEqual(["NativeModule http"]); // (the probe itself, once the call was made)
});

const SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

/** What a call rejects with when a raw server answers `answer` and closes the connection (no retries). */
async function failureFrom(answer: string): Promise<any> {
  const raw = await rawServer((socket) => socket.end(answer));
  try {
    return await rejection(statistics({ endpoint: raw.url, retry: false }));
  } finally {
    await raw.close();
  }
}

function listen(server: Server, host: string): Promise<Server> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TCP server on 127.0.0.1 that answers each request (each chunk it reads) with `answer`, byte for byte. */
async function rawServer(answer: (socket: Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("data", () => answer(socket));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
