/**
 * The helpers' optional options (paginate, waitForTask, signHeaders, the stand-in server's) take `undefined` as
 * absent, as the client and call options do: the types accept it (test/types/helper-options-usage.ts) and this is
 * what it does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHssClient, paginate, signHeaders, waitForTask, type HssClient } from "../src/index.js";
import {
  DEFAULT_PROJECT_ID,
  DEFAULT_SEED_SIZES,
  DEFAULT_TOKEN,
  startStandInServer,
  type StandInServer,
} from "./server/index.js";

let server: StandInServer;
let hss: HssClient;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 45, imageScanTasks: 0, jobs: 0 } });
  hss = createHssClient({ projectId: server.projectId, endpoint: server.url, auth: { token: DEFAULT_TOKEN } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("undefined in the helpers' optional options means absent", () => {
  it("paginate: the same items and requests as with no options", async () => {
    const input = { task_type: "iac_scan", limit: 10 } as const;
    const plain = (await paginate.all(hss.listTasks, input)).map((task) => task.task_id);
    const requestsPlain = server.requests.length;
    server.reset();
    const options = { maxItems: undefined, signal: undefined, timeoutMs: undefined, concurrency: undefined };
    const withUndefined = (await paginate.all(hss.listTasks, input, options)).map((task) => task.task_id);
    expect(plain.length).toBeGreaterThan(10); // more than one page
    expect(withUndefined).toEqual(plain);
    expect(server.requests.length).toBe(requestsPlain);
  });

  it("waitForTask: the defaults apply and the task is waited for until finished", async () => {
    server.store.createdTaskLifecycle = { readyPolls: 1, runningPolls: 1 };
    const { task_id } = await hss.createTask({
      task_type: "iac_scan",
      iac_scan_info: { file_type: "dockerfile", file_id_list: ["f"] },
    });
    const done = await waitForTask(
      hss,
      { task_id: task_id!, task_type: "iac_scan", enterprise_project_id: undefined },
      {
        maxWaitMs: 60_000,
        intervalMs: 1,
        maxIntervalMs: undefined,
        appearWithinMs: undefined,
        signal: undefined,
        timeoutMs: undefined,
      },
    );
    expect(done).toMatchObject({ state: "finished", failed: false, polls: 3 });
    // No enterprise_project_id filter was sent for the undefined one.
    const polls = server.requests.filter((request) => request.operation === "ListTasks");
    expect(polls.map((request) => Object.keys(request.body as object).sort())).toEqual(
      Array.from({ length: 3 }, () => ["task_id", "task_type"]),
    );
  });

  it("startStandInServer: a seed size given as undefined is the default's, not an empty store", async () => {
    const other = await startStandInServer({
      seed: { tasks: undefined, jobs: 5, rngSeed: undefined },
      projectId: undefined,
      tokens: undefined,
      credentials: undefined,
      port: undefined,
    });
    try {
      expect(other.store.tasks.length).toBe(DEFAULT_SEED_SIZES.tasks);
      expect(other.store.jobs.length).toBe(5);
      expect(other.projectId).toBe(DEFAULT_PROJECT_ID);
      const client = createHssClient({
        projectId: other.projectId,
        endpoint: other.url,
        auth: { token: DEFAULT_TOKEN },
      });
      expect((await client.showTaskStatistics({ task_type: "iac_scan" })).total_num).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it("signHeaders: headers and body undefined sign as absent ones", async () => {
    const credentials = { ak: "AK", sk: "SK" };
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const url = "https://hss.ap-southeast-1.myhuaweicloud.com/v5/p/image/task-statistics?task_type=iac_scan";
    const absent = await signHeaders({ method: "GET", url }, credentials, { date });
    const undefinedFields = await signHeaders(
      { method: "GET", url, headers: undefined, body: undefined },
      credentials,
      {
        date,
      },
    );
    expect(undefinedFields).toEqual(absent);
    expect(absent.Authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });
});
