import { beforeAll, describe, expect, it } from "vitest";
import { hssOperations, hssService } from "../../generated/hss/operations.js";
import type { OperationSpec, ServiceSpec } from "../../src/core/operation.js";
import type { ClientOptions } from "../../src/core/options.js";
import { accessLog } from "../../src/core/pipeline/access-log.js";
import { middleware } from "../../src/core/pipeline/middleware.js";
import type { ClientContext, Exchange } from "../../src/core/pipeline/types.js";
import {
  formatAccessLog,
  HookError,
  HuaweiCloudError,
  NetworkError,
  TimeoutError,
  type AccessLogEntry,
  type Middleware,
} from "../../src/index.js";
import { rejection } from "../helpers/rejection.js";
import { loopbackClient, useDemoOnLoopback, type AnyClient, type GeneratedService } from "./demo-service.js";
import type { LoopbackServer } from "./loopback.js";

// The access log (one entry per HTTP attempt, never a secret) and the middleware hooks (openapi-fetch's shape,
// on the request as sent), against the loopback server with the demo table and, for query values, HSS's.

const TOKEN = "logging-test-token-secret";
const AK = "LOGGINGTESTAK";
const SK = "logging-test-sk-secret";
const SECURITY_TOKEN = "logging-test-security-token";

const fixture = useDemoOnLoopback();
let server: LoopbackServer;
let demo: GeneratedService;
beforeAll(() => ({ server, demo } = fixture));

const client = (
  service: ServiceSpec,
  operations: Readonly<Record<string, OperationSpec>>,
  overrides: Partial<ClientOptions> = {},
): AnyClient => loopbackClient(server, TOKEN, service, operations, overrides);
const demoClient = (overrides: Partial<ClientOptions> = {}) => client(demo.service, demo.operations, overrides);

/** An access log that keeps its entries. */
function recorder(): { entries: AccessLogEntry[]; accessLog: (entry: AccessLogEntry) => void } {
  const entries: AccessLogEntry[] = [];
  return { entries, accessLog: (entry) => entries.push(entry) };
}

const PAGE = { total_num: 0, data_list: [] };

describe("the access log", () => {
  it("writes one entry per attempt, retries included: attempt, status, request id, time, method and path", async () => {
    server.answers.push({ status: 503, body: {} }, { status: 502, body: {} }, { status: 200, body: PAGE });
    const log = recorder();
    await demoClient({ accessLog: log.accessLog }).listWidgets!({ color: "red", limit: 10 });
    expect(log.entries.map(({ attempt, status, requestId, error }) => ({ attempt, status, requestId, error }))).toEqual(
      [
        { attempt: 1, status: 503, requestId: "req-1", error: undefined },
        { attempt: 2, status: 502, requestId: "req-2", error: undefined },
        { attempt: 3, status: 200, requestId: "req-3", error: undefined },
      ],
    );
    for (const entry of log.entries) {
      expect(entry).toMatchObject({ operation: "ListWidgets", method: "GET", path: "/v1/p1/widgets" });
      expect(Number.isFinite(entry.durationMs) && entry.durationMs >= 0).toBe(true);
    }
    expect(Object.keys(log.entries[0]!).sort()).toEqual([
      "attempt",
      "durationMs",
      "error",
      "method",
      "operation",
      "path",
      "requestId",
      "status",
    ]);
  });

  it("logs the error status that ends the call, and a 3xx the call then refuses", async () => {
    const log = recorder();
    server.answers.push({ status: 404, body: { error_code: "DEMO.404", error_msg: "none" } });
    expect(await rejection(demoClient({ accessLog: log.accessLog }).createWidget!({ name: "bolt" }))).toBeInstanceOf(
      HuaweiCloudError,
    );
    server.answers.push({ status: 302, headers: { Location: "http://127.0.0.1:1/elsewhere" } });
    expect(await rejection(demoClient({ accessLog: log.accessLog }).createWidget!({ name: "bolt" }))).toMatchObject({
      name: "RedirectError",
    });
    expect(log.entries.map((entry) => [entry.method, entry.status, entry.attempt])).toEqual([
      ["POST", 404, 1],
      ["POST", 302, 1],
    ]);
  });

  it("names why no answer came: network, timeout, aborted — with no status or request id", async () => {
    const log = recorder();
    const widgets = demoClient({ accessLog: log.accessLog, retry: false });
    server.answers.push({ reset: true });
    expect(await rejection(widgets.listWidgets!())).toBeInstanceOf(NetworkError);
    server.answers.push({ delayMs: 2_000, body: PAGE });
    expect(await rejection(widgets.listWidgets!({}, { timeoutMs: 50 }))).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    server.answers.push({ delayMs: 2_000, body: PAGE });
    const aborted = rejection(widgets.listWidgets!({}, { signal: controller.signal }));
    await waitFor(() => server.requests.length === 3);
    controller.abort(new Error("stopped by the test"));
    expect((await aborted).message).toBe("stopped by the test");
    expect(log.entries.map(({ error, status, requestId }) => ({ error, status, requestId }))).toEqual([
      { error: "network", status: undefined, requestId: undefined },
      { error: "timeout", status: undefined, requestId: undefined },
      { error: "aborted", status: undefined, requestId: undefined },
    ]);
  });

  it("formats an entry as one line, the error kind standing where the status would", () => {
    const entry: AccessLogEntry = {
      operation: "ListTasks",
      method: "POST",
      path: "/v5/p1/common/tasks/batch-query",
      status: 200,
      error: undefined,
      attempt: 2,
      durationMs: 12.5,
      requestId: "abc",
    };
    expect(formatAccessLog(entry)).toBe(
      "ListTasks POST /v5/p1/common/tasks/batch-query 200 12.5ms attempt=2 request-id=abc",
    );
    expect(formatAccessLog({ ...entry, status: undefined, error: "timeout", requestId: undefined })).toBe(
      "ListTasks POST /v5/p1/common/tasks/batch-query timeout 12.5ms attempt=2",
    );
  });

  it("quotes a request id that could pass for more fields of the line (a space, a quote, a tab, non-ASCII, empty)", () => {
    const line = (requestId: string) =>
      formatAccessLog({
        operation: "ShowTaskStatistics",
        method: "GET",
        path: "/v5/p1/common/task-statistics",
        status: 200,
        error: undefined,
        attempt: 1,
        durationMs: 1,
        requestId,
      }).replace("ShowTaskStatistics GET /v5/p1/common/task-statistics 200 1ms attempt=1 ", "");
    expect(line("0f9b3c2e-7a1d-4e5b-9c8a-1b2c3d4e5f60")).toBe("request-id=0f9b3c2e-7a1d-4e5b-9c8a-1b2c3d4e5f60");
    expect(line("x status=500 attempt=9")).toBe('request-id="x status=500 attempt=9"');
    expect(line('a"b\\c')).toBe('request-id="a\\"b\\\\c"');
    expect(line("a\tb")).toBe('request-id="a\\tb"');
    expect(line("é")).toBe('request-id="é"');
    expect(line("")).toBe('request-id=""');
    // What JSON.stringify leaves as it is: DEL, C1 controls, the Unicode line and paragraph separators.
    expect(line("a\u007f\u0085\u2028b")).toBe('request-id="a\\u007f\\u0085\\u2028b"');
    // Never cut, quoted or not: the entry is a log line, not a message.
    expect(line("x".repeat(300))).toBe(`request-id=${"x".repeat(300)}`);
    expect(line("a b".repeat(100))).toBe(`request-id="${"a b".repeat(100)}"`);
  });

  it("never holds a token, an AK/SK signature, a security token, a query value or a body", async () => {
    const log = recorder();
    const queryValue = "query-secret-value-7f3a";
    const bodyValue = "bodysecretname";
    // Token auth, a retried call with query values, and a body.
    server.answers.push({ status: 503, body: {} }, { body: PAGE });
    await client(hssService, hssOperations, { accessLog: log.accessLog }).listImageScanTask!({
      type: "image_scan",
      task_name: queryValue,
      enterprise_project_id: queryValue,
    });
    await demoClient({ accessLog: log.accessLog }).createWidget!({ name: bodyValue });
    // AK/SK with a security token: the same calls, signed.
    const signed = { accessLog: log.accessLog, auth: { ak: AK, sk: SK, securityToken: SECURITY_TOKEN } };
    server.answers.push({ body: PAGE });
    await client(hssService, hssOperations, signed).listImageScanTask!({ type: "image_scan", task_name: queryValue });
    await demoClient(signed).createWidget!({ name: bodyValue });

    // What was sent really held every secret; the log holds none of them, in either form.
    const signatures = server.requests.flatMap(
      (request) => /Signature=([0-9a-f]+)/.exec(String(request.headers.authorization))?.[1] ?? [],
    );
    expect(signatures).toHaveLength(2);
    expect(server.requests.map((request) => request.url).join(" ")).toContain(queryValue);
    expect(server.requests.map((request) => request.headers["x-security-token"])).toContain(SECURITY_TOKEN);
    const written = log.entries.flatMap((entry) => [JSON.stringify(entry), formatAccessLog(entry)]).join("\n");
    expect(log.entries).toHaveLength(5);
    expect(written).toContain("/v5/p1/image/tasks");
    for (const secret of [TOKEN, AK, SK, SECURITY_TOKEN, ...signatures, queryValue, bodyValue, "?", "task_name"]) {
      expect(written).not.toContain(secret);
    }
  });

  it("ends the call with a HookError when the log throws, and does not retry it", async () => {
    const thrown = new Error("log disk full");
    const error = await rejection(
      demoClient({
        accessLog: () => {
          throw thrown;
        },
      }).listWidgets!(),
    );
    expect(error).toBeInstanceOf(HookError);
    expect(error).toMatchObject({
      name: "HookError",
      hook: "accessLog",
      operation: "ListWidgets",
      attempts: 1,
      cause: thrown,
    });
    expect(error.message).toBe("ListWidgets failed: the accessLog hook threw: log disk full");
    expect(server.requests).toHaveLength(1);
  });
});

describe("middleware hooks", () => {
  it("run in openapi-fetch's order around each attempt, on the request as sent and the response as it came", async () => {
    const seen: string[] = [];
    const tracer = (name: string): Middleware => ({
      onRequest: ({ request, operation, attempt }) =>
        void seen.push(
          `${name}.onRequest ${operation.operationId} ${request.method} ${attempt} ${request.headers.get("X-Auth-Token")}`,
        ),
      onResponse: ({ response, attempt }) => void seen.push(`${name}.onResponse ${response.status} ${attempt}`),
    });
    server.answers.push({ status: 503, body: {} }, { body: PAGE });
    await expect(demoClient({ middleware: [tracer("a"), tracer("b")] }).listWidgets!()).resolves.toEqual(PAGE);
    expect(seen).toEqual([
      `a.onRequest ListWidgets GET 1 ${TOKEN}`,
      `b.onRequest ListWidgets GET 1 ${TOKEN}`,
      "b.onResponse 503 1",
      "a.onResponse 503 1",
      `a.onRequest ListWidgets GET 2 ${TOKEN}`,
      `b.onRequest ListWidgets GET 2 ${TOKEN}`,
      "b.onResponse 200 2",
      "a.onResponse 200 2",
    ]);
  });

  it("see the AK/SK signature, as documented, and may read clones of both bodies without disturbing the call", async () => {
    const bodies: string[] = [];
    let authorization: string | null = null;
    const hooks: Middleware = {
      async onRequest({ request }) {
        authorization = request.headers.get("Authorization");
        bodies.push(await request.clone().text());
      },
      async onResponse({ response }) {
        bodies.push(await response.clone().text());
      },
    };
    server.answers.push({ body: { widget_id: "w1" } });
    await expect(
      demoClient({ auth: { ak: AK, sk: SK }, middleware: [hooks] }).createWidget!({ name: "bolt" }),
    ).resolves.toEqual({ widget_id: "w1" });
    expect(authorization).toMatch(
      new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=.*, Signature=[0-9a-f]{64}$`),
    );
    expect(authorization).toBe(server.requests[0]!.headers.authorization);
    expect(bodies).toEqual(['{"name":"bolt"}', '{"widget_id":"w1"}']);
  });

  it("call onError in reverse order with what fetch rejected with; the call still ends with a NetworkError", async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const watcher = (name: string): Middleware => ({
      onError: ({ error, attempt }) => {
        seen.push(`${name}.onError ${attempt}`);
        errors.push(error);
      },
    });
    server.answers.push({ reset: true });
    expect(
      await rejection(demoClient({ retry: false, middleware: [watcher("a"), watcher("b")] }).listWidgets!()),
    ).toBeInstanceOf(NetworkError);
    expect(seen).toEqual(["b.onError 1", "a.onError 1"]);
    expect(errors[0]).toBeInstanceOf(TypeError);
  });

  it.each(["onRequest", "onResponse", "onError"] as const)(
    "end the call with a HookError, never retried, when %s throws",
    async (hook) => {
      const thrown = new Error(`${hook} broke`);
      const throwing: Middleware = {
        [hook]: async () => {
          throw thrown;
        },
      };
      // A 503 would be retried, and a reset too: the hook's failure is not.
      server.answers.push(hook === "onError" ? { reset: true } : { status: 503, body: {} });
      const error = await rejection(demoClient({ middleware: [throwing] }).listWidgets!());
      expect(error).toBeInstanceOf(HookError);
      expect(error).toMatchObject({ hook, operation: "ListWidgets", attempts: 1, cause: thrown });
      expect(error.message).toBe(`ListWidgets failed: the ${hook} hook threw: ${hook} broke`);
      expect(server.requests).toHaveLength(hook === "onRequest" ? 0 : 1);
    },
  );

  it("may be class instances: hooks on the prototype run with their object as `this`", async () => {
    class Counter implements Middleware {
      requests = 0;
      onRequest() {
        this.requests++;
      }
    }
    const counter = new Counter();
    server.answers.push({ status: 503, body: {} }, { body: PAGE });
    await demoClient({ middleware: [counter] }).listWidgets!();
    expect(counter.requests).toBe(2);
  });

  it("are checked when the client is created", () => {
    expect(() => demoClient({ middleware: {} as never })).toThrow(
      /^demo: middleware: expected an array of middleware objects$/,
    );
    expect(() => demoClient({ middleware: [{}] })).toThrow(
      /^demo: middleware\[0\]: expected an object with at least one of onRequest, onResponse, onError/,
    );
    expect(() => demoClient({ middleware: [{ onRequest: "log" } as never] })).toThrow(/middleware\[0\]/);
    expect(() => demoClient({ accessLog: "console" as never })).toThrow(/^demo: accessLog: expected a function/);
  });
});

describe("when neither is configured", () => {
  it("both steps leave themselves out of the stack: the exchange is the next one, unwrapped", () => {
    const next: Exchange = async () => new Response();
    const unconfigured = { accessLog: undefined, middleware: [] } as unknown as ClientContext;
    expect(accessLog(next, unconfigured)).toBe(next);
    expect(middleware(next, unconfigured)).toBe(next);
    const configured = { accessLog: () => {}, middleware: [{ onRequest() {} }] } as unknown as ClientContext;
    expect(accessLog(next, configured)).not.toBe(next);
    expect(middleware(next, configured)).not.toBe(next);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
