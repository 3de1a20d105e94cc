import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createHssClient,
  createSwrClient,
  HuaweiCloudError,
  InvalidInputError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  type AuthOptions,
  type ClientOptions,
} from "../src/index.js";
import { createServiceClient } from "../src/core/client.js";
import { exampleInput } from "./helpers/example-input.js";
import { generatedTables } from "./helpers/generated-services.js";
import { documentedAnswers } from "./helpers/spec-examples.js";
import { DEFAULT_AK, DEFAULT_SK, DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer({
    seed: { tasks: 120, imageScanTasks: 60, jobs: 60 },
    tokens: [DEFAULT_TOKEN, "fresh-token"],
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const tokenAuth: AuthOptions = { token: DEFAULT_TOKEN };
const akSkAuth: AuthOptions = { ak: DEFAULT_AK, sk: DEFAULT_SK };

/** Fast retries, so retry tests do not wait for real backoff. */
function options(overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    projectId: server.projectId,
    endpoint: server.url,
    auth: tokenAuth,
    retry: { baseDelayMs: 1 },
    ...overrides,
  };
}
const hss = (overrides?: Partial<ClientOptions>) => createHssClient(options(overrides));
const swr = (overrides?: Partial<ClientOptions>) => createSwrClient(options(overrides));
const requestsTo = (operation: string) => server.requests.filter((request) => request.operation === operation);

/**
 * Every operation of every generated table (every spec in spec/): [method name, operation, service name], so a new
 * operation, or a new service's, is covered at once.
 */
const TABLES = await generatedTables();
const EVERY_OPERATION = TABLES.flatMap(({ service, operations }) =>
  Object.entries(operations).map(([key, operation]) => [key, operation, service.name] as const),
);
type AnyMethod = (input?: object) => Promise<unknown>;
/** A method of the named service's client, built from its generated table as `create<Service>Client` builds it. */
const method = (service: string, key: string, overrides?: Partial<ClientOptions>): AnyMethod => {
  const table = TABLES.find((found) => found.service.name === service)!;
  return createServiceClient<Record<string, AnyMethod>, {}>(table.service, table.operations, options(overrides))[key]!;
};

describe.each([
  ["token", tokenAuth, "token"],
  ["AK/SK", akSkAuth, "aksk"],
] as const)("every operation with %s auth", (_, auth, kind) => {
  it.each(EVERY_OPERATION)(
    "%s: signed or token-authorized, validated and answered by the stand-in",
    async (key, operation, service) => {
      await method(service, key, { auth })(exampleInput(operation));
      const [request] = requestsTo(operation.operationId);
      expect(request?.principal).toMatchObject({ kind });
      expect(request?.status).toBe(Number(Object.keys(operation.responses)[0]));
    },
  );
});

describe.each([
  ["token", tokenAuth, "token"],
  ["AK/SK", akSkAuth, "aksk"],
] as const)("seeded stores with %s auth", (_, auth, kind) => {
  it("ListTasks", async () => {
    const page = await hss({ auth }).listTasks({ task_type: "cluster_scan", limit: 10 });
    expect(page.data_list).toHaveLength(10);
    expect(page.data_list?.every((task) => task.task_type === "cluster_scan")).toBe(true);
    expect(page.total_num).toBeGreaterThan(10);
    expect(requestsTo("ListTasks")[0]?.principal).toMatchObject({ kind });
  });

  it("ListImageScanTask", async () => {
    const page = await hss({ auth }).listImageScanTask({ type: "image_scan", limit: 10, offset: 5 });
    expect(page.data_list?.length).toBeGreaterThan(0);
    expect(requestsTo("ListImageScanTask")[0]?.principal).toMatchObject({ kind });
  });

  it("ShowTaskStatistics", async () => {
    const stats = await hss({ auth }).showTaskStatistics({ task_type: "cluster_scan" });
    expect(typeof stats.total_num).toBe("number");
    expect(requestsTo("ShowTaskStatistics")[0]?.principal).toMatchObject({ kind });
  });

  it("CreateTask adds a task that ListTasks then shows", async () => {
    const client = hss({ auth });
    const { task_id } = await client.createTask({
      task_type: "iac_scan",
      iac_scan_info: { file_type: "dockerfile", file_id_list: ["file-0001"] },
    });
    expect(task_id).toMatch(/\S/);
    const found = await client.listTasks({ task_type: "iac_scan", task_id: task_id! });
    expect(found.data_list?.map((task) => task.task_id)).toEqual([task_id]);
    expect(requestsTo("CreateTask")[0]?.principal).toMatchObject({ kind });
  });

  it("ListInstanceJobs", async () => {
    const page = await swr({ auth }).listInstanceJobs({ status: "Running", limit: 5 });
    expect(page.jobs?.every((job) => job.status === "Running")).toBe(true);
    expect(requestsTo("ListInstanceJobs")[0]?.principal).toMatchObject({ kind });
  });
});

describe("documented answers", () => {
  const answers = documentedAnswers();

  it("covers every operation of the generated tables", () => {
    expect([...answers.keys()].sort()).toEqual(EVERY_OPERATION.map(([, operation]) => operation.operationId).sort());
  });

  it.each(EVERY_OPERATION)("%s returns the spec's example answer as documented", async (key, operation, service) => {
    const { status, example, mediaType } = answers.get(operation.operationId)!;
    const body = mediaType === undefined ? undefined : example;
    server.faults.push({
      operation: operation.operationId,
      status,
      ...(body === undefined ? { rawBody: "" } : { body }),
    });
    await expect(method(service, key)(exampleInput(operation))).resolves.toEqual(body);
  });
});

describe("input checks, before any request", () => {
  const rejectsWithoutRequest = async (call: () => Promise<unknown>, field: string, expected: RegExp) => {
    const before = server.requests.length;
    const error = await call().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect((error as InvalidInputError).message).toMatch(expected);
    expect(server.requests.length).toBe(before);
  };

  it("a missing required field", () =>
    // @ts-expect-error task_type is required
    rejectsWithoutRequest(() => hss().listTasks({}), "task_type", /ListTasks: invalid task_type: expected .*required/));

  it("an enum value outside the documented list", () =>
    rejectsWithoutRequest(
      // @ts-expect-error "dast" is not a task type
      () => hss().showTaskStatistics({ task_type: "dast" }),
      "task_type",
      /one of "cluster_scan", "iac_scan", got "dast"/,
    ));

  it("HSS limit below 10 and above 200", async () => {
    await rejectsWithoutRequest(
      () => hss().listTasks({ task_type: "iac_scan", limit: 5 }),
      "limit",
      /an integer from 10 to 200, got 5/,
    );
    await rejectsWithoutRequest(
      () => hss().listTasks({ task_type: "iac_scan", limit: 201 }),
      "limit",
      /an integer from 10 to 200, got 201/,
    );
  });

  it("SWR limit above 100", () =>
    rejectsWithoutRequest(() => swr().listInstanceJobs({ limit: 101 }), "limit", /≤ 100|to 100/));

  it("a non-integer where an integer is expected", () =>
    rejectsWithoutRequest(() => swr().listInstanceJobs({ offset: 1.5 }), "offset", /integer/));

  it("an unknown field (a typo)", () =>
    rejectsWithoutRequest(
      // @ts-expect-error task_typ is not a field
      () => hss().listTasks({ task_typ: "iac_scan", task_type: "iac_scan" }),
      "task_typ",
      /no such field; known fields: .*task_type/,
    ));

  it("a bad nested field", () =>
    rejectsWithoutRequest(
      // @ts-expect-error "helm" is not a file type
      () => hss().createTask({ task_type: "iac_scan", iac_scan_info: { file_type: "helm", file_id_list: ["f"] } }),
      "iac_scan_info.file_type",
      /one of "dockerfile", "k8s_yaml"/,
    ));

  it("project_id comes from the client, not the input", () =>
    // @ts-expect-error project_id is a client option
    rejectsWithoutRequest(() => swr().listInstanceJobs({ project_id: "other" }), "project_id", /no such field/));
});

describe("errors", () => {
  it("a non-2xx answer becomes HuaweiCloudError with status, code, message, request id and body", async () => {
    server.faults.push({
      operation: "ListTasks",
      status: 400,
      body: { error_code: "HSS.1001", error_msg: "bad filter" },
    });
    const error: HuaweiCloudError = await hss()
      .listTasks({ task_type: "iac_scan" })
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 400, errorCode: "HSS.1001", errorMsg: "bad filter", operation: "ListTasks" });
    expect(error.body).toEqual({ error_code: "HSS.1001", error_msg: "bad filter" });
    expect(error.requestId).toBe(requestsTo("ListTasks")[0]?.requestId);
    expect(error.requestId).toMatch(/\S/);
    expect(error.message).toContain("HSS.1001: bad filter");
    expect(error.message).toContain(error.requestId);
  });

  it("the server's own errors: 401 for a bad token, 400 for a request the spec forbids", async () => {
    const unauthorized: HuaweiCloudError = await hss({ auth: { token: "wrong" } })
      .showTaskStatistics({ task_type: "iac_scan" })
      .catch((thrown) => thrown);
    expect(unauthorized).toMatchObject({ status: 401, operation: "ShowTaskStatistics" });
    expect(unauthorized.errorCode).toMatch(/\S/);
    const badSignature: HuaweiCloudError = await swr({ auth: { ak: DEFAULT_AK, sk: "not-the-secret" } })
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(badSignature).toMatchObject({ status: 401, operation: "ListInstanceJobs" });
  });

  it("a non-JSON error body still gives a clear error", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 502, rawBody: "<html>Bad Gateway</html>" });
    const error: HuaweiCloudError = await swr({ retry: false })
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 502, errorCode: undefined, body: "<html>Bad Gateway</html>" });
    expect(error.message).toContain("HTTP 502: <html>Bad Gateway</html>");
  });

  it("an empty error body still gives a clear error", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 404, rawBody: "" });
    const error: HuaweiCloudError = await swr()
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(error).toMatchObject({ status: 404, errorCode: undefined, body: undefined });
    expect(error.message).toMatch(/ListInstanceJobs failed with HTTP 404: empty body/);
  });

  it("a 2xx body that is not JSON is an InvalidResponseError", async () => {
    server.faults.push({ operation: "ShowTaskStatistics", status: 200, rawBody: "{truncated" });
    const error = await hss()
      .showTaskStatistics({ task_type: "iac_scan" })
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ operation: "ShowTaskStatistics", status: 200 });
  });

  it("a connection reset is a NetworkError naming the operation", async () => {
    server.faults.push({ operation: "ListInstanceJobs", reset: true });
    const error = await swr({ retry: false })
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^ListInstanceJobs failed: network error/);
  });

  it("a connection refused is a NetworkError", async () => {
    const closed = await startStandInServer();
    const endpoint = closed.url;
    await closed.close();
    const error = await createSwrClient({ projectId: "p", endpoint, auth: tokenAuth, retry: false })
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.operation).toBe("ListInstanceJobs");
  });

  it("an attempt slower than timeoutMs is a TimeoutError", async () => {
    server.faults.push({ operation: "ShowTaskStatistics", delayMs: 5_000 });
    const error = await hss({ timeoutMs: 100, retry: false })
      .showTaskStatistics({ task_type: "iac_scan" })
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: "ShowTaskStatistics", timeoutMs: 100 });
  });

  it("a per-call timeoutMs overrides the client's", async () => {
    server.faults.push({ operation: "ShowTaskStatistics", delayMs: 5_000 });
    const error = await hss({ retry: false })
      .showTaskStatistics({ task_type: "iac_scan" }, { timeoutMs: 50 })
      .catch((thrown) => thrown);
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 50 });
  });

  it("timeoutMs: Infinity means no timeout; a value a timer cannot hold is refused, not fired at once", async () => {
    server.faults.push({ operation: "ShowTaskStatistics", delayMs: 200 });
    await expect(hss({ timeoutMs: Infinity }).showTaskStatistics({ task_type: "iac_scan" })).resolves.toHaveProperty(
      "total_num",
    );
    expect(() => hss({ timeoutMs: 3_000_000_000 })).toThrow(
      /hss: timeoutMs: expected milliseconds from 1 to 2147483647, or Infinity/,
    );
    expect(() => hss({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    const before = server.requests.length;
    await expect(hss().showTaskStatistics({ task_type: "iac_scan" }, { timeoutMs: -5 })).rejects.toThrow(
      /ShowTaskStatistics: timeoutMs/,
    );
    expect(server.requests.length).toBe(before);
  });

  it("an aborted signal rejects with its reason, and nothing is retried", async () => {
    server.faults.push({ operation: "ListInstanceJobs", delayMs: 5_000 });
    const controller = new AbortController();
    const call = swr().listInstanceJobs({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(call).rejects.toThrow("user cancelled");
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });

  it("a signal already aborted sends nothing", async () => {
    await expect(swr().listInstanceJobs({}, { signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow("gone");
    expect(server.requests).toHaveLength(0);
  });
});

describe("retries", () => {
  it("retries 503 and 500 on a retry-safe read, then succeeds", async () => {
    server.faults.push({ operation: "ListTasks", status: 503 }, { operation: "ListTasks", status: 500 });
    const page = await hss().listTasks({ task_type: "cluster_scan" });
    expect(page.total_num).toBeGreaterThan(0);
    expect(requestsTo("ListTasks").map((request) => request.status)).toEqual([503, 500, 200]);
  });

  it("retries network errors (a reset) on a read", async () => {
    server.faults.push({ operation: "ListInstanceJobs", reset: true, times: 2 });
    await expect(swr().listInstanceJobs()).resolves.toHaveProperty("jobs");
    expect(requestsTo("ListInstanceJobs")).toHaveLength(3);
  });

  it("gives up after maxRetries (default 3) with the last error", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 502, times: 10 });
    const error: HuaweiCloudError = await swr()
      .listInstanceJobs()
      .catch((thrown) => thrown);
    expect(error.status).toBe(502);
    expect(requestsTo("ListInstanceJobs")).toHaveLength(4);
  });

  it("honours maxRetries and retry: false", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 503, times: 10 });
    await expect(swr({ retry: { maxRetries: 1, baseDelayMs: 1 } }).listInstanceJobs()).rejects.toThrow(
      HuaweiCloudError,
    );
    expect(requestsTo("ListInstanceJobs")).toHaveLength(2);
    server.reset();
    server.faults.push({ operation: "ListInstanceJobs", status: 503, times: 10 });
    await expect(swr({ retry: false }).listInstanceJobs()).rejects.toThrow(HuaweiCloudError);
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });

  it("does not retry other client errors", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 400, times: 10 });
    await expect(swr().listInstanceJobs()).rejects.toMatchObject({ status: 400 });
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });

  it("never retries CreateTask, not on 503 nor on a reset", async () => {
    const create = () =>
      hss().createTask({ task_type: "iac_scan", iac_scan_info: { file_type: "k8s_yaml", file_id_list: ["f1"] } });
    server.faults.push({ operation: "CreateTask", status: 503, times: 5 });
    await expect(create()).rejects.toMatchObject({ status: 503, operation: "CreateTask" });
    expect(requestsTo("CreateTask")).toHaveLength(1);
    server.reset();
    server.faults.push({ operation: "CreateTask", reset: true, times: 5 });
    await expect(create()).rejects.toBeInstanceOf(NetworkError);
  });

  it("honours Retry-After (429), waiting at least as long as asked", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 429, retryAfter: "1" });
    const started = performance.now();
    await swr().listInstanceJobs();
    // A lower bound only: the client must not come back before the server said it may.
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(requestsTo("ListInstanceJobs").map((request) => request.status)).toEqual([429, 200]);
  });

  it("counts retries that waited for Retry-After, so maxRetries still bounds them", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 503, retryAfter: "0", times: 10 });
    await expect(swr().listInstanceJobs()).rejects.toMatchObject({ status: 503 });
    expect(requestsTo("ListInstanceJobs")).toHaveLength(4);
  });

  it("returns the error instead of waiting when Retry-After exceeds maxDelayMs", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 503, retryAfter: "3600" });
    await expect(swr().listInstanceJobs()).rejects.toMatchObject({ status: 503 });
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });

  it("signs every attempt afresh with AK/SK, and the server accepts each", async () => {
    server.faults.push({ operation: "ListTasks", status: 503, times: 2 });
    await hss({ auth: akSkAuth }).listTasks({ task_type: "iac_scan" });
    const attempts = requestsTo("ListTasks");
    expect(attempts.map((request) => request.status)).toEqual([503, 503, 200]);
    // The stand-in server answers injected faults before checking auth: each attempt carries its own
    // signature headers, and the last one is verified.
    expect(attempts.every((request) => request.headers["x-sdk-date"] && request.headers["authorization"])).toBe(true);
    expect(attempts.at(-1)?.principal).toMatchObject({ kind: "aksk" });
  });
});

describe("token provider", () => {
  it("is called once and shared by concurrent calls", async () => {
    let calls = 0;
    const client = hss({ auth: { token: async () => (calls++, DEFAULT_TOKEN) } });
    await Promise.all(Array.from({ length: 5 }, () => client.showTaskStatistics({ task_type: "iac_scan" })));
    await client.showTaskStatistics({ task_type: "cluster_scan" });
    expect(calls).toBe(1);
  });

  it("a 401 triggers one refresh and one retry, shared by concurrent calls", async () => {
    const issued: string[] = [];
    const client = hss({
      auth: { token: async () => (issued.push(issued.length === 0 ? "expired-token" : "fresh-token"), issued.at(-1)!) },
    });
    await Promise.all(Array.from({ length: 3 }, () => client.showTaskStatistics({ task_type: "iac_scan" })));
    expect(issued).toEqual(["expired-token", "fresh-token"]);
    expect(
      requestsTo("ShowTaskStatistics")
        .map((request) => request.status)
        .sort(),
    ).toEqual([200, 200, 200, 401, 401, 401]);
  });

  it("a token still rejected after the refresh gives the 401", async () => {
    let calls = 0;
    const client = hss({ auth: { token: () => (calls++, "always-wrong") } });
    await expect(client.showTaskStatistics({ task_type: "iac_scan" })).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(2);
    expect(requestsTo("ShowTaskStatistics")).toHaveLength(2);
  });

  it("a static token is not retried on 401", async () => {
    await expect(hss({ auth: { token: "wrong" } }).showTaskStatistics({ task_type: "iac_scan" })).rejects.toMatchObject(
      { status: 401 },
    );
    expect(requestsTo("ShowTaskStatistics")).toHaveLength(1);
  });

  it("a failing provider rejects the call with its own error, and is asked again next time", async () => {
    let calls = 0;
    const client = hss({
      auth: {
        token: async () => {
          if (calls++ === 0) throw new Error("IAM unavailable");
          return DEFAULT_TOKEN;
        },
      },
    });
    await expect(client.showTaskStatistics({ task_type: "iac_scan" })).rejects.toThrow("IAM unavailable");
    expect(server.requests).toHaveLength(0);
    await expect(client.showTaskStatistics({ task_type: "iac_scan" })).resolves.toHaveProperty("total_num");
  });
});

describe("client options", () => {
  it("maps a region to the documented endpoint", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(request.url), new Response("{}", { status: 200 }));
    await createHssClient({ projectId: "p1", region: "ap-southeast-1", auth: tokenAuth, fetch }).showTaskStatistics({
      task_type: "iac_scan",
    });
    await createSwrClient({ projectId: "p1", region: "eu-west-101", auth: tokenAuth, fetch }).listInstanceJobs({
      status: "Failed",
    });
    expect(seen).toEqual([
      "https://hss.ap-southeast-1.myhuaweicloud.com/v5/p1/common/task-statistics?task_type=iac_scan",
      "https://swr-api.eu-west-101.myhuaweicloud.eu/v2/p1/jobs?status=Failed",
    ]);
  });

  it("rejects an unknown region, a missing project id and malformed auth, naming the option", () => {
    expect(() => createHssClient({ projectId: "p", region: "mars-1", auth: tokenAuth })).toThrow(
      /unknown region "mars-1"; known regions: .*ap-southeast-1/,
    );
    expect(() => createHssClient({ projectId: "", region: "ap-southeast-1", auth: tokenAuth })).toThrow(/projectId/);
    expect(() => createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { ak: "AK", sk: "" } })).toThrow(
      /auth\.sk: expected a non-empty string/,
    );
  });

  it("encodes query values per RFC 3986 on the wire", async () => {
    const sent: string[] = [];
    const fetch = (request: Request) => (sent.push(request.url), globalThis.fetch(request));
    await hss({ fetch, auth: akSkAuth }).listImageScanTask({ type: "image_scan", task_name: "a b+c!*'()" });
    expect(new URL(sent[0]!).search).toContain("task_name=a%20b%2Bc%21%2A%27%28%29");
    expect(requestsTo("ListImageScanTask")[0]?.query).toMatchObject({ task_name: "a b+c!*'()" });
    expect(requestsTo("ListImageScanTask")[0]?.status).toBe(200);
  });

  it("exposes the typed openapi-fetch client as raw, with the same endpoint and auth", async () => {
    const client = hss({ auth: akSkAuth });
    const { data, response } = await client.raw.GET("/v5/{project_id}/common/task-statistics", {
      params: { path: { project_id: server.projectId }, query: { task_type: "iac_scan" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.total_num).toBe("number");
  });
});

describe("secrets", () => {
  it("never appear in any thrown error", async () => {
    const secrets = [DEFAULT_SK, DEFAULT_TOKEN, "provider-token-secret", "security-token-secret"];
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => errors.push(new Error("expected a rejection")),
        (error) => errors.push(error),
      );

    server.faults.push({ status: 500, times: 100 });
    await collect(hss({ auth: { token: DEFAULT_TOKEN }, retry: false }).showTaskStatistics({ task_type: "iac_scan" }));
    await collect(
      hss({ auth: { ak: DEFAULT_AK, sk: DEFAULT_SK, securityToken: "security-token-secret" }, retry: false }).listTasks(
        { task_type: "iac_scan" },
      ),
    );
    server.reset();
    await collect(
      hss({ auth: { token: () => "provider-token-secret" } }).showTaskStatistics({ task_type: "iac_scan" }),
    );
    await collect(swr({ auth: { ak: DEFAULT_AK, sk: DEFAULT_SK } }).listInstanceJobs({ limit: 1000 }));
    server.faults.push({ reset: true, times: 100 });
    await collect(swr({ auth: { ak: DEFAULT_AK, sk: DEFAULT_SK }, retry: false }).listInstanceJobs());
    server.faults.length = 0;
    server.faults.push({ delayMs: 5_000 });
    await collect(swr({ auth: { token: DEFAULT_TOKEN }, timeoutMs: 50, retry: false }).listInstanceJobs());
    try {
      createHssClient({
        projectId: "p",
        region: "ap-southeast-1",
        auth: { ak: DEFAULT_AK, sk: DEFAULT_SK, securityToken: 42 as unknown as string },
      });
    } catch (error) {
      errors.push(error);
    }

    expect(errors.map((error) => (error as Error).name).sort()).toEqual(
      [
        "HuaweiCloudError",
        "HuaweiCloudError",
        "HuaweiCloudError",
        "InvalidInputError",
        "NetworkError",
        "TimeoutError",
        "TypeError",
      ].sort(),
    );
    for (const error of errors) {
      const renderings = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        (error as Error).stack ?? "",
      ];
      for (const text of renderings) for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
