import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCredentials, type Credentials } from "../../src/credentials/index.js";
import { createHssClient, TimeoutError, type ClientOptions } from "../../src/index.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "../server/index.js";
import { rejectionOf } from "./leaks.js";

// A credential provider (`auth` given as one, or the default chain) is bounded by the attempt, as a token provider
// is: one that never settles fails the call with its deadline or the caller's signal, and a later call gets keys.

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 2, imageScanTasks: 1, jobs: 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const KEYS = createCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK, source: "test provider" });
const never = () => new Promise<Credentials>(() => {});
const hssWith = (auth: () => Promise<Credentials>, options: Partial<ClientOptions> = {}) =>
  createHssClient({ endpoint: server.url, projectId: server.projectId, auth, ...options });
const statistics = { task_type: "iac_scan" } as const;
const sent = () => server.requests.filter((request) => request.operation === "ShowTaskStatistics");

describe("a credential provider is bounded by the attempt", () => {
  it("one that never settles fails the call with a TimeoutError; the next call asks it again and is signed", async () => {
    let asked = 0;
    const hss = hssWith(() => (++asked === 1 ? never() : Promise.resolve(KEYS)), { timeoutMs: 100, retry: false });
    const error = await rejectionOf(hss.showTaskStatistics(statistics));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, attempts: 1 });
    expect(sent()).toHaveLength(0);
    // Room to answer on a busy machine: what the second call shows is that the provider is asked again.
    await expect(hss.showTaskStatistics(statistics, { timeoutMs: 10_000 })).resolves.toHaveProperty("total_num");
    expect(asked).toBe(2);
    expect(sent()).toMatchObject([{ principal: { kind: "aksk", ak: DEFAULT_AK } }]);
  });

  it("with retries, the next attempt asks again: a provider hung once is recovered from within the call", async () => {
    let asked = 0;
    const hss = hssWith(() => (++asked === 1 ? never() : Promise.resolve(KEYS)), { timeoutMs: 1_000 });
    await expect(hss.showTaskStatistics(statistics)).resolves.toHaveProperty("total_num");
    expect(asked).toBe(2);
  });

  it("the caller's signal ends the wait with its reason", async () => {
    const controller = new AbortController();
    const pending = hssWith(never).showTaskStatistics(statistics, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("caller stopped")), 20);
    await expect(pending).rejects.toThrow("caller stopped");
    expect(sent()).toHaveLength(0);
  });

  it("concurrent calls share one fetch; one caller giving up does not fail the others", async () => {
    let asked = 0;
    let answer: (keys: Credentials) => void = () => {};
    const hss = hssWith(() => {
      asked++;
      return new Promise<Credentials>((resolve) => (answer = resolve));
    });
    const controller = new AbortController();
    const leaving = hss.showTaskStatistics(statistics, { signal: controller.signal });
    const staying = [hss.showTaskStatistics(statistics), hss.showTaskStatistics(statistics)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("caller stopped"));
    await expect(leaving).rejects.toThrow("caller stopped");
    answer(KEYS);
    for (const call of staying) await expect(call).resolves.toHaveProperty("total_num");
    expect(asked).toBe(1);
    expect(sent()).toHaveLength(2);
  });
});
