import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  createHssClient,
  HuaweiCloudError,
  HuaweiCloudSdkError,
  TaskNotFoundError,
  TaskWaitTimeoutError,
  waitForTask,
  type FinishedTask,
  type HssClient,
} from "../src/index.js";
import { pollDelay, pollUntil } from "../src/waiters/poll.js";
import { DEFAULT_TOKEN, startStandInServer, type StandInServer, type TaskLifecycle } from "./server/index.js";

let server: StandInServer;
let hss: HssClient;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 20, imageScanTasks: 0, jobs: 0 } });
  hss = createHssClient({
    projectId: server.projectId,
    endpoint: server.url,
    auth: { token: DEFAULT_TOKEN },
    retry: { baseDelayMs: 1 },
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Fast, constant polling: these tests count polls, not time. */
const quick = { intervalMs: 5, maxIntervalMs: 5, maxWaitMs: 20_000 };
const listTasksSeen = (taskId: string) =>
  server.requests.filter(
    (request) => request.operation === "ListTasks" && (request.body as { task_id?: string }).task_id === taskId,
  );

/**
 * `hss.listTasks`, with hooks run before and after its n-th call through `withResponse` (each poll makes one):
 * lets a test act between polls.
 */
function hooked(hooks: {
  before?: (call: number) => void;
  after?: (call: number) => void;
}): Pick<HssClient, "listTasks"> {
  let calls = 0;
  const withResponse = async (...args: Parameters<HssClient["listTasks"]["withResponse"]>) => {
    const call = ++calls;
    hooks.before?.(call);
    const answer = await hss.listTasks.withResponse(...args);
    hooks.after?.(call);
    return answer;
  };
  const { operation, pagination } = hss.listTasks;
  const listTasks = (...args: Parameters<HssClient["listTasks"]>) => hss.listTasks(...args);
  return { listTasks: Object.assign(listTasks, { operation, pagination, withResponse }) };
}

async function createIacScan(lifecycle: TaskLifecycle | undefined, files = 3): Promise<string> {
  server.store.createdTaskLifecycle = lifecycle;
  const file_id_list = Array.from({ length: files }, (_, i) => `file-${i}`);
  const { task_id } = await hss.createTask({
    task_type: "iac_scan",
    iac_scan_info: { file_type: "dockerfile", file_id_list },
  });
  return task_id!;
}

describe("waitForTask against the stand-in", () => {
  it("finishes: polls until task_status is finished, one ListTasks per poll, filtered by task_id and task_type", async () => {
    const taskId = await createIacScan({ readyPolls: 1, runningPolls: 2 });
    const result = await waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, quick);
    expect(result).toMatchObject({
      state: "finished",
      failed: false,
      failures: { failed_file_num: 0, success_file_num: 3, scan_file_num: 3 },
      task: { task_id: taskId, task_status: "finished" },
      polls: 4, // ready, running, running, finished
    });
    const seen = listTasksSeen(taskId);
    expect(seen).toHaveLength(4);
    expect(seen.every((request) => (request.body as { task_type: string }).task_type === "iac_scan")).toBe(true);
  });

  it("fails (iac_scan): finished with iac_scan_info.failed_file_num above 0", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 1, failedItems: 2 });
    const result = await waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, quick);
    expect(result.state).toBe("finished");
    expect(result.failed).toBe(true);
    expect(result.failures).toEqual({ failed_file_num: 2, success_file_num: 1, scan_file_num: 3 });
    // The counters follow task_type (inferred from the reference): an iac_scan task has no cluster counters.
    expectTypeOf(result).toEqualTypeOf<FinishedTask<"iac_scan">>();
    expectTypeOf(result.failures).toEqualTypeOf<{
      failed_file_num?: number;
      success_file_num?: number;
      scan_file_num?: number;
    }>();
    // @ts-expect-error failed_cluster_num is a cluster_scan counter
    expect(result.failures.failed_cluster_num).toBeUndefined();
  });

  it("fails (cluster_scan): finished with cluster_scan_info.failed_cluster_num above 0", async () => {
    server.store.createdTaskLifecycle = { readyPolls: 1, runningPolls: 1, failedItems: 1 };
    const { task_id } = await hss.createTask({
      task_type: "cluster_scan",
      cluster_scan_info: {
        scan_type_list: ["cluster_vul"],
        range_type: "specific_cluster",
        cluster_id_list: ["c-1", "c-2"],
      },
    });
    const result = await waitForTask(hss, { task_id: task_id!, task_type: "cluster_scan" }, quick);
    expect(result).toMatchObject({ state: "finished", failed: true, polls: 3 });
    expect(result.failures).toEqual({ failed_cluster_num: 1, success_cluster_num: 1, scanning_cluster_num: 0 });
    expectTypeOf(result.failures).toEqualTypeOf<{
      failed_cluster_num?: number;
      success_cluster_num?: number;
      scanning_cluster_num?: number;
    }>();
    // @ts-expect-error failed_file_num is an iac_scan counter
    expect(result.failures.failed_file_num).toBeUndefined();
  });

  it("passes enterprise_project_id on, so a task made in another enterprise project is found", async () => {
    server.store.createdTaskLifecycle = { readyPolls: 0, runningPolls: 1 };
    const enterprise_project_id = "ep-waiter";
    const { task_id } = await hss.createTask({
      enterprise_project_id,
      task_type: "iac_scan",
      iac_scan_info: { file_type: "k8s_yaml", file_id_list: ["f"] },
    });
    const result = await waitForTask(hss, { task_id: task_id!, task_type: "iac_scan", enterprise_project_id }, quick);
    expect(result.failed).toBe(false);
    expect(
      listTasksSeen(task_id!).every((request) => request.query["enterprise_project_id"] === enterprise_project_id),
    ).toBe(true);
  });

  it("times out with TaskWaitTimeoutError, after maxWaitMs and within one interval and one poll of it", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 1_000_000 });
    const options = { intervalMs: 20, maxIntervalMs: 40, maxWaitMs: 300 };
    const started = Date.now();
    const error = await waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, options).catch((e: unknown) => e);
    const wallMs = Date.now() - started;
    expect(error).toBeInstanceOf(TaskWaitTimeoutError);
    expect(error).toBeInstanceOf(HuaweiCloudSdkError);
    const timeout = error as TaskWaitTimeoutError;
    expect(timeout).toMatchObject({
      name: "TaskWaitTimeoutError",
      operation: "ListTasks",
      taskId,
      taskType: "iac_scan",
      maxWaitMs: 300,
    });
    expect(timeout.lastSeen?.task_status).toBe("running");
    expect(timeout.message).toContain(`iac_scan task ${taskId} not finished`);
    expect(timeout.message).toContain('last task_status "running"');
    expect(timeout.polls).toBe(listTasksSeen(taskId).length);
    expect(timeout.elapsedMs).toBeGreaterThanOrEqual(options.maxWaitMs);
    // Generous: the last wait is cut to the deadline, so only the last poll's own time is added.
    expect(wallMs).toBeLessThan(options.maxWaitMs + options.maxIntervalMs + 5_000);
  });

  it("aborted before the first poll: rejects with the signal's reason, nothing sent", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 5 });
    const reason = new Error("shutting down");
    await expect(
      waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, { ...quick, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(listTasksSeen(taskId)).toHaveLength(0);
  });

  it("aborted during a wait: rejects with the signal's reason, no further poll", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 5 });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    // After the first poll, during the 60 s wait that follows it.
    const watched = hooked({ after: () => setTimeout(() => controller.abort(reason), 10) });
    const wait = waitForTask(
      watched,
      { task_id: taskId, task_type: "iac_scan" },
      { intervalMs: 60_000, maxWaitMs: 600_000, signal: controller.signal },
    );
    await expect(wait).rejects.toBe(reason);
    expect(listTasksSeen(taskId)).toHaveLength(1);
  });

  it("aborted during a poll: the request in flight is abandoned and the wait rejects with the signal's reason", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 5 });
    server.faults.push({ operation: "ListTasks", delayMs: 10_000 });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const wait = waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, { ...quick, signal: controller.signal });
    await vi.waitFor(() => expect(listTasksSeen(taskId)).toHaveLength(1));
    controller.abort(reason);
    await expect(wait).rejects.toBe(reason);
    expect(listTasksSeen(taskId)[0]?.status).toBeUndefined(); // never answered
  });

  it("a task that is not listed: TaskNotFoundError once appearWithinMs has passed", async () => {
    const taskId = "00000000-0000-4000-8000-000000000000";
    const error = await waitForTask(
      hss,
      { task_id: taskId, task_type: "cluster_scan" },
      { ...quick, appearWithinMs: 50 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error).toMatchObject({ name: "TaskNotFoundError", taskId, taskType: "cluster_scan", wasListed: false });
    expect((error as TaskNotFoundError).polls).toBe(listTasksSeen(taskId).length);
    expect((error as TaskNotFoundError).elapsedMs).toBeGreaterThanOrEqual(50);
  });

  it("a task that appears late (not yet listed after CreateTask) is waited for", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 1 });
    const record = server.store.tasks.splice(
      server.store.tasks.findIndex((r) => r.data.task_id === taskId),
      1,
    )[0]!;
    const watched = hooked({ before: (call) => call === 3 && server.store.tasks.unshift(record) });
    const result = await waitForTask(watched, { task_id: taskId, task_type: "iac_scan" }, quick);
    expect(result.state).toBe("finished");
    expect(result.polls).toBeGreaterThanOrEqual(3);
  });

  it("a task that disappears while waited for: TaskNotFoundError at once, wasListed true", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 100 });
    const watched = hooked({
      before: (call) =>
        call === 3 && (server.store.tasks = server.store.tasks.filter((r) => r.data.task_id !== taskId)),
    });
    const error = await waitForTask(watched, { task_id: taskId, task_type: "iac_scan" }, quick).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error).toMatchObject({ wasListed: true, polls: 3 });
    expect((error as Error).message).toContain("is no longer listed");
  });

  it("a poll's own error ends the wait unchanged (after the client's retries)", async () => {
    const taskId = await createIacScan({ readyPolls: 0, runningPolls: 5 });
    server.faults.push({ operation: "ListTasks", status: 400 });
    const error = await waitForTask(hss, { task_id: taskId, task_type: "iac_scan" }, quick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 400, operation: "ListTasks" });
  });

  it("option mistakes are TypeErrors, thrown before any poll", async () => {
    const ref = { task_id: "t", task_type: "iac_scan" } as const;
    await expect(waitForTask(hss, ref, {} as never)).rejects.toThrow(/maxWaitMs/);
    await expect(waitForTask(hss, ref, { maxWaitMs: 1000, intervalMs: 100, maxIntervalMs: 50 })).rejects.toThrow(
      /maxIntervalMs \(50\) is less than intervalMs \(100\)/,
    );
    await expect(waitForTask(hss, ref, { maxWaitMs: 1000, intervalMs: 0 })).rejects.toThrow(TypeError);
    await expect(
      waitForTask(hss, { task_id: "t", task_type: "image_scan" as never }, { maxWaitMs: 1000 }),
    ).rejects.toThrow(/task_type/);
    await expect(waitForTask(hss, { task_id: "", task_type: "iac_scan" }, { maxWaitMs: 1000 })).rejects.toThrow(
      /task_id/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("the poll loop's schedule (fake clock)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("each wait is a jittered random time in [intervalMs, min(maxIntervalMs, intervalMs × 2^(n-1))]", () => {
    const schedule = { intervalMs: 50, maxIntervalMs: 400 };
    expect([1, 2, 3, 4, 5, 6].map((n) => pollDelay(n, schedule, () => 1))).toEqual([50, 100, 200, 400, 400, 400]);
    expect([1, 2, 3, 4, 5, 6].map((n) => pollDelay(n, schedule, () => 0))).toEqual([50, 50, 50, 50, 50, 50]);
    expect(pollDelay(3, schedule, () => 0.5)).toBe(125);
    expect(pollDelay(2000, schedule, () => 1)).toBe(400); // no overflow far along
  });

  it("backs off, and makes one last poll at the deadline instead of giving up early", async () => {
    const at: number[] = [];
    const start = Date.now();
    const outcome = pollUntil(
      async () => {
        at.push(Date.now() - start);
        return { done: false, seen: at.length };
      },
      { intervalMs: 50, maxIntervalMs: 400, maxWaitMs: 1000 },
      undefined,
      () => 1,
    );
    await vi.runAllTimersAsync();
    expect(at).toEqual([0, 50, 150, 350, 750, 1000]);
    expect(await outcome).toEqual({ state: "timeout", last: 6, polls: 6, elapsedMs: 1000 });
  });

  it("with the backoff, a wait of the same length makes far fewer polls than fixed intervals would", async () => {
    const polls = async (maxIntervalMs: number) => {
      let count = 0;
      const outcome = pollUntil(
        async () => ({ done: false, seen: ++count }),
        { intervalMs: 10, maxIntervalMs, maxWaitMs: 10_000 },
        undefined,
        () => 0.5,
      );
      await vi.runAllTimersAsync();
      return (await outcome).polls;
    };
    expect(await polls(10)).toBe(1001);
    expect(await polls(2_000)).toBeLessThan(30);
  });
});
