// The stand-in server against plain global fetch: every operation, paging and filters, auth, spec validation,
// each fault kind, the misbehaving-pagination modes and CORS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../src/auth/sign.js";
import { DEFAULT_AK, DEFAULT_SK, DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";
import { compileSchema } from "../src/testing/engine/schema.js";
import { loadSpecOperations } from "../scripts/stand-in/spec-operations.js";

let server: StandInServer;
const SIZES = { tasks: 300, imageScanTasks: 80, jobs: 150 };

beforeAll(async () => {
  server = await startStandInServer({ seed: SIZES });
});
afterEach(() => server.reset());
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function call(
  method: "GET" | "POST",
  path: string,
  options: {
    query?: Record<string, string | number>;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<Answer> {
  const url = new URL(path.replace("{project_id}", server.projectId), server.url);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
  const response = await fetch(url, {
    method,
    headers: { "X-Auth-Token": DEFAULT_TOKEN, "Content-Type": "application/json", ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.rawBody !== undefined ? { body: options.rawBody } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test looks at `text`
  }
  return { status: response.status, headers: response.headers, body, text };
}

const TASKS = "/v5/{project_id}/common/tasks/batch-query";
const IMAGE_TASKS = "/v5/{project_id}/image/tasks";
const STATISTICS = "/v5/{project_id}/common/task-statistics";
const CREATE = "/v5/{project_id}/common/task";
const JOBS = "/v2/{project_id}/jobs";

// Responses are checked against the spec's 200 schemas with every object closed: exactly the spec's fields.
const responseValidators = new Map(
  loadSpecOperations().flatMap((op) =>
    op.responseSchema ? [[op.operationId, compileSchema(op.responseSchema, { coerce: false })] as const] : [],
  ),
);
function expectSpecShaped(operationId: string, body: unknown): void {
  const validate = responseValidators.get(operationId);
  expect(validate, `spec has a 200 schema for ${operationId}`).toBeDefined();
  expect(validate?.(body), JSON.stringify(validate?.errors)).toBe(true);
}

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  expect((answer.body as { error_code: string }).error_code).toBe(code);
  expect(typeof (answer.body as { error_msg: unknown }).error_msg).toBe("string");
}

interface TasksPage {
  total_num: number;
  data_list: {
    task_id: string;
    task_type: string;
    task_name: string;
    task_status: string;
    trigger_type: string;
    start_time: number;
  }[];
}

describe("operations with token auth", () => {
  it("ListTasks returns the default page of the type's tasks in the default enterprise project", async () => {
    const answer = await call("POST", TASKS, { body: { task_type: "cluster_scan" } });
    expect(answer.status).toBe(200);
    expectSpecShaped("ListTasks", answer.body);
    const page = answer.body as TasksPage;
    const expected = server.store.tasks.filter(
      (t) => t.data.task_type === "cluster_scan" && t.enterpriseProjectId === "0",
    );
    expect(page.total_num).toBe(expected.length);
    expect(page.data_list.map((t) => t.task_id)).toEqual(expected.slice(0, 10).map((t) => t.data.task_id));
  });

  it("ListTasks pages with offset/limit cover every item once", async () => {
    const ids: string[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += 40) {
      const page = (
        await call("POST", TASKS, {
          query: { offset, limit: 40, enterprise_project_id: "all_granted_eps" },
          body: { task_type: "iac_scan" },
        })
      ).body as TasksPage;
      total = page.total_num;
      ids.push(...page.data_list.map((t) => t.task_id));
    }
    expect(ids).toEqual(server.store.tasks.filter((t) => t.data.task_type === "iac_scan").map((t) => t.data.task_id));
  });

  it("ListTasks filters by status, trigger, fuzzy name and sorts by start time", async () => {
    const body = {
      task_type: "cluster_scan",
      task_status: "finished",
      trigger_type: "schedule",
      task_name: "SCAN-001",
      sort_key: "start_time",
      sort_dir: "asc",
    };
    const page = (await call("POST", TASKS, { query: { limit: 200, enterprise_project_id: "all_granted_eps" }, body }))
      .body as TasksPage;
    expect(page.data_list.length).toBeGreaterThan(0);
    expect(page.total_num).toBe(page.data_list.length);
    for (const task of page.data_list) {
      expect(task).toMatchObject({ task_type: "cluster_scan", task_status: "finished", trigger_type: "schedule" });
      expect(task.task_name).toContain("scan-001");
    }
    const starts = page.data_list.map((t) => t.start_time);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("ListImageScanTask maps the task_status filter onto the integer progress codes", async () => {
    const query = { type: "image_scan", limit: 200, enterprise_project_id: "all_granted_eps" };
    const all = await call("GET", IMAGE_TASKS, { query });
    const scanning = await call("GET", IMAGE_TASKS, { query: { ...query, task_status: "scanning" } });
    const finished = await call("GET", IMAGE_TASKS, { query: { ...query, task_status: "finished" } });
    for (const answer of [all, scanning, finished]) expectSpecShaped("ListImageScanTask", answer.body);
    type ImagePage = { total_num: number; data_list: { task_type: string; task_status: number }[] };
    const [a, s, f] = [all.body, scanning.body, finished.body] as ImagePage[];
    expect(a?.data_list.every((t) => t.task_type === "cycle" || t.task_type === "manual")).toBe(true);
    expect(s?.data_list.every((t) => t.task_status >= 0 && t.task_status < 100)).toBe(true);
    expect(f?.data_list.every((t) => t.task_status === 100 || t.task_status < 0)).toBe(true);
    expect((s?.total_num ?? 0) + (f?.total_num ?? 0)).toBe(a?.total_num);
    expect(s?.total_num).toBeGreaterThan(0);
  });

  it("ListImageScanTask requires the general type", async () => {
    expectError(await call("GET", IMAGE_TASKS), 400, "HSS.0001");
  });

  it("ShowTaskStatistics counts the store's tasks", async () => {
    const answer = await call("GET", STATISTICS, { query: { task_type: "iac_scan" } });
    expect(answer.status).toBe(200);
    expectSpecShaped("ShowTaskStatistics", answer.body);
    const tasks = server.store.tasks.filter((t) => t.data.task_type === "iac_scan" && t.enterpriseProjectId === "0");
    expect(answer.body).toEqual({
      total_num: tasks.length,
      running_num: tasks.filter((t) => t.data.task_status === "running").length,
      last_task_start_time: Math.max(...tasks.map((t) => t.createdAt)),
    });
  });

  it("CreateTask adds a task that ListTasks and ShowTaskStatistics then see", async () => {
    const before = (await call("GET", STATISTICS, { query: { task_type: "cluster_scan" } })).body as {
      total_num: number;
      running_num: number;
    };
    const created = await call("POST", CREATE, {
      body: {
        task_type: "cluster_scan",
        cluster_scan_info: {
          scan_type_list: ["cluster_vul"],
          range_type: "specific_cluster",
          cluster_id_list: ["c1", "c2"],
        },
      },
    });
    expect(created.status).toBe(200);
    expectSpecShaped("CreateTask", created.body);
    const { task_id } = created.body as { task_id: string };
    const found = (await call("POST", TASKS, { body: { task_type: "cluster_scan", task_id } })).body as TasksPage;
    expect(found.total_num).toBe(1);
    expect(found.data_list[0]).toMatchObject({ task_id, trigger_type: "manual", task_status: "running" });
    const after = (await call("GET", STATISTICS, { query: { task_type: "cluster_scan" } })).body as {
      total_num: number;
      running_num: number;
    };
    expect(after).toMatchObject({ total_num: before.total_num + 1, running_num: before.running_num + 1 });
  });

  it("CreateTask refuses a task without the parameters its type needs", async () => {
    expectError(await call("POST", CREATE, { body: { task_type: "iac_scan" } }), 400, "HSS.0001");
    const specific = {
      task_type: "cluster_scan",
      cluster_scan_info: { scan_type_list: ["benchmark"], range_type: "specific_cluster" },
    };
    expectError(await call("POST", CREATE, { body: specific }), 400, "HSS.0001");
  });

  it("ListInstanceJobs filters by status and pages with the SWR default limit", async () => {
    const all = await call("GET", JOBS);
    expect(all.status).toBe(200);
    expectSpecShaped("ListInstanceJobs", all.body);
    const page = all.body as { total: number; jobs: { id: string; status: string }[] };
    expect(page.total).toBe(SIZES.jobs);
    expect(page.jobs.map((j) => j.id)).toEqual(server.store.jobs.slice(0, 100).map((j) => j.id));
    const failed = (await call("GET", JOBS, { query: { status: "Failed", offset: 1, limit: 2 } })).body as typeof page;
    const expected = server.store.jobs.filter((j) => j.status === "Failed");
    expect(failed.total).toBe(expected.length);
    expect(failed.jobs.map((j) => j.id)).toEqual(expected.slice(1, 3).map((j) => j.id));
  });

  it("reset() restores the seeded data exactly", async () => {
    const seeded = structuredClone(server.store);
    await call("POST", CREATE, {
      body: { task_type: "iac_scan", iac_scan_info: { file_type: "dockerfile", file_id_list: ["f1"] } },
    });
    expect(server.store.tasks.length).toBe(SIZES.tasks + 1);
    server.reset();
    expect(server.store).toEqual(seeded);
  });
});

describe("authentication", () => {
  it("answers 401 with the HSS error body when the token is missing or wrong, without echoing it", async () => {
    expectError(
      await call("GET", STATISTICS, { query: { task_type: "iac_scan" }, headers: { "X-Auth-Token": "" } }),
      401,
      "APIGW.0301",
    );
    const wrong = await call("GET", STATISTICS, {
      query: { task_type: "iac_scan" },
      headers: { "X-Auth-Token": "not-a-valid-token-xyz" },
    });
    expectError(wrong, 401, "APIGW.0301");
    expect(wrong.text).not.toContain("not-a-valid-token-xyz");
    expect(JSON.stringify(server.requests)).not.toContain("not-a-valid-token-xyz");
  });

  it("answers 401 with the SWR error body", async () => {
    const answer = await call("GET", JOBS, { headers: { "X-Auth-Token": "nope" } });
    expectError(answer, 401, "SVCSTG.SWR.4010000");
    expect(answer.body).toHaveProperty("encoded_authorization_message", "");
  });

  it("accepts an AK/SK-signed request and refuses a wrong signature", async () => {
    const url = `${server.url}/v5/${server.projectId}/common/tasks/batch-query?limit=10`;
    const unsigned = new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ task_type: "iac_scan" }),
    });
    const good = await fetch(await signRequest(unsigned, { ak: DEFAULT_AK, sk: DEFAULT_SK }));
    expect(good.status).toBe(200);
    expectSpecShaped("ListTasks", await good.json());
    expect(server.requests.at(-1)?.principal).toEqual({ kind: "aksk", ak: DEFAULT_AK });
    expect(server.requests.at(-1)?.headers["authorization"]).toBe("[redacted]");

    const bad = await fetch(await signRequest(unsigned, { ak: DEFAULT_AK, sk: "wrong-secret-key" }));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error_code: string }).error_code).toBe("APIGW.0301");
  });
});

describe("validation against the spec", () => {
  it("rejects an unknown body field", async () => {
    const answer = await call("POST", TASKS, { body: { task_type: "iac_scan", surprise: true } });
    expectError(answer, 400, "HSS.0001");
    expect((answer.body as { error_msg: string }).error_msg).toContain("surprise");
  });

  it("rejects an ill-typed, out-of-range or unknown query parameter", async () => {
    const body = { task_type: "iac_scan" };
    expectError(await call("POST", TASKS, { query: { limit: "abc" }, body }), 400, "HSS.0001");
    expectError(await call("POST", TASKS, { query: { limit: 5 }, body }), 400, "HSS.0001");
    expectError(await call("POST", TASKS, { query: { page: 2 }, body }), 400, "HSS.0001");
    expectError(await call("GET", JOBS, { query: { limit: 101 } }), 400, "SVCSTG.SWR.4001025");
  });

  it("reads __proto__, constructor and toString in the query as parameters like any other (own keys, as sent)", async () => {
    const url = new URL(`/v5/${server.projectId}/common/task-statistics`, server.url);
    url.search = "task_type=iac_scan&__proto__=a&__proto__=b&toString=x&constructor=c";
    const response = await fetch(url, { headers: { "X-Auth-Token": DEFAULT_TOKEN } });
    expect(response.status).toBe(400); // unknown parameters, refused as the real API refuses them
    const seen = server.requests.at(-1)!;
    expect(Object.getPrototypeOf(seen.query)).toBe(Object.prototype);
    expect(Object.entries(seen.query)).toEqual([
      ["task_type", "iac_scan"],
      ["__proto__", ["a", "b"]],
      ["toString", "x"],
      ["constructor", "c"],
    ]);
  });

  it("rejects an ill-typed or enum-violating body field and a body that is not JSON", async () => {
    expectError(
      await call("POST", TASKS, { body: { task_type: "iac_scan", start_create_time: "yesterday" } }),
      400,
      "HSS.0001",
    );
    expectError(await call("POST", TASKS, { body: { task_type: "container_scan" } }), 400, "HSS.0001");
    expectError(await call("POST", TASKS, { rawBody: "{not json" }), 400, "HSS.0002");
  });

  it("answers 403 for another project and 404 for an unknown API", async () => {
    expectError(await call("GET", "/v2/0123456789abcdef0123456789abcdef/jobs"), 403, "SVCSTG.SWR.4030170");
    expectError(await call("GET", "/v5/{project_id}/no/such/api"), 404, "APIGW.0101");
  });
});

describe("fault injection", () => {
  it("answers with an injected status and Retry-After the given number of times, for the given operation only", async () => {
    server.faults.push({ operation: "ListInstanceJobs", status: 503, retryAfter: "1", times: 2 });
    expect((await call("GET", STATISTICS, { query: { task_type: "iac_scan" } })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const answer = await call("GET", JOBS);
      expectError(answer, 503, "SVCSTG.SWR.5030000");
      expect(answer.headers.get("retry-after")).toBe("1");
    }
    expect((await call("GET", JOBS)).status).toBe(200);
    expect(server.faults).toEqual([]);
  });

  it("sends a custom JSON body, a non-JSON body or an empty body", async () => {
    server.faults.push(
      { status: 429, body: { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached" } },
      { status: 502, rawBody: "<html>Bad Gateway</html>" },
      { status: 500, rawBody: "" },
    );
    const throttled = await call("GET", JOBS);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({
      error_code: "APIGW.0308",
      error_msg: "The throttling threshold has been reached",
    });
    const html = await call("GET", JOBS);
    expect([html.status, html.text]).toEqual([502, "<html>Bad Gateway</html>"]);
    const empty = await call("GET", JOBS);
    expect([empty.status, empty.text]).toEqual([500, ""]);
  });

  it("resets the connection", async () => {
    server.faults.push({ operation: "ListTasks", reset: true });
    await expect(call("POST", TASKS, { body: { task_type: "iac_scan" } })).rejects.toThrow(TypeError);
    expect((await call("POST", TASKS, { body: { task_type: "iac_scan" } })).status).toBe(200);
  });

  it("delays an answer, which is then served normally", async () => {
    server.faults.push({ delayMs: 30 });
    const answer = await call("GET", STATISTICS, { query: { task_type: "cluster_scan" } });
    expect(answer.status).toBe(200);
    expectSpecShaped("ShowTaskStatistics", answer.body);
  });

  it("stops waiting when the client aborts a delayed request", async () => {
    server.faults.push({ delayMs: 60_000 });
    const abort = new AbortController();
    const pending = call("GET", JOBS, { signal: abort.signal });
    await until(() => server.requests.length === 1);
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    await until(() => server.requests[0]?.status === undefined && server.faults.length === 0);
    expect((await call("GET", JOBS)).status).toBe(200);
  });

  it("close() ends keep-alive connections and pending delays", async () => {
    const own = await startStandInServer({ seed: { tasks: 5, imageScanTasks: 5, jobs: 5 } });
    const headers = { "X-Auth-Token": DEFAULT_TOKEN };
    expect((await fetch(`${own.url}/v2/${own.projectId}/jobs`, { headers })).status).toBe(200); // leaves a keep-alive socket
    own.faults.push({ delayMs: 60_000 });
    const pending = fetch(`${own.url}/v2/${own.projectId}/jobs`, { headers });
    await until(() => own.requests.length === 2);
    await own.close();
    await expect(pending).rejects.toThrow(TypeError);
  });
});

describe("misbehaving pagination", () => {
  const jobsPage = async (offset: number, limit: number): Promise<{ total: number; jobs: { id: string }[] }> =>
    (await call("GET", JOBS, { query: { offset, limit } })).body as { total: number; jobs: { id: string }[] };

  it("totalDrift changes the total from page to page", async () => {
    server.misbehave = { totalDrift: 5 };
    expect((await jobsPage(0, 50)).total).toBe(SIZES.jobs);
    expect((await jobsPage(50, 50)).total).toBe(SIZES.jobs + 5);
    expect((await jobsPage(100, 50)).total).toBe(SIZES.jobs + 10);
  });

  it("ignoreOffset returns the first page for every offset", async () => {
    server.misbehave = { ignoreOffset: true };
    expect((await jobsPage(20, 10)).jobs).toEqual((await jobsPage(0, 10)).jobs);
  });

  it("maxPageSize returns short pages with a true total", async () => {
    server.misbehave = { maxPageSize: 7 };
    const page = await jobsPage(0, 50);
    expect(page.jobs).toHaveLength(7);
    expect(page.total).toBe(SIZES.jobs);
  });
});

describe("CORS", () => {
  it("answers the preflight of a cross-origin signed request", async () => {
    const response = await fetch(`${server.url}/v5/${server.projectId}/common/tasks/batch-query`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:9",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,x-sdk-date,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:9");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = response.headers.get("access-control-allow-headers")?.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(["authorization", "x-sdk-date", "x-auth-token", "x-security-token", "content-type"]),
    );
  });

  it("lets scripts of another origin read X-Request-Id", async () => {
    const answer = await call("GET", JOBS, { headers: { Origin: "http://localhost:5173" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(answer.headers.get("access-control-expose-headers")).toBe("X-Request-Id");
  });
});

/** Polls a condition the server reaches asynchronously (no timing assertion: only the condition matters). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
