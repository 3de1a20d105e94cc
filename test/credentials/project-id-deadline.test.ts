import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCredentials, type Credentials } from "../../src/credentials/index.js";
import { createHssClient, TimeoutError } from "../../src/index.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "../server/index.js";
import { rejectionOf } from "./leaks.js";

// A client given a region but no projectId waits for its keys (and IAM) before the first attempt, to fill
// {project_id}: that wait is bounded by the call's timeout and signal too, not only the attempts' waits.

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 2, imageScanTasks: 1, jobs: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const never = () => new Promise<Credentials>(() => {});
const statistics = { task_type: "iac_scan" } as const;
const hssWith = (auth: () => Promise<Credentials>, timeoutMs?: number) =>
  createHssClient({ endpoint: server.url, region: "ap-southeast-1", auth, retry: false, timeoutMs });

describe("the project id lookup is bounded by the call", () => {
  it("a provider that never settles fails the call with a TimeoutError; the next call asks it again", async () => {
    const keys = createCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK, projectId: server.projectId, source: "test" });
    let asked = 0;
    const hss = hssWith(() => (++asked === 1 ? never() : Promise.resolve(keys)), 100);
    const error = await rejectionOf(hss.showTaskStatistics(statistics));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100 });
    // Room to answer on a busy machine: what the second call shows is that the provider is asked again.
    await expect(hss.showTaskStatistics(statistics, { timeoutMs: 10_000 })).resolves.toHaveProperty("total_num");
    expect(asked).toBe(2);
    expect(server.requests.map((request) => request.operation)).toEqual(["ShowTaskStatistics"]);
  });

  it("the caller's signal ends the wait with its reason", async () => {
    const controller = new AbortController();
    const pending = hssWith(never).showTaskStatistics(statistics, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("caller stopped")), 20);
    await expect(pending).rejects.toThrow("caller stopped");
    expect(server.requests).toHaveLength(0);
  });
});
