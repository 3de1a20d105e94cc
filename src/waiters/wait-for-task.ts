/**
 * `waitForTask`: polls ListTasks until an HSS task is `finished`, in the manner of AWS SDK v3's
 * `waitUntil…` functions: it resolves only on the desired state and rejects on every other ending (a typed
 * timeout, the signal's reason, a task that is not listed, a poll's own error), rather than resolving with a
 * `{ state }` to inspect, as AWS's deprecated `waitFor…` did.
 */
import type { HssClient } from "../../generated/hss/client.js";
import type { ListTasksInput } from "../../generated/hss/operations.js";
import { pageCaller, readPage } from "../pagination/page.js";
import { TaskNotFoundError, TaskWaitTimeoutError } from "./errors.js";
import { pollUntil, type PollVerdict } from "./poll.js";
import { failureCounts, findTask, isFinal, type FinishedTask, type TaskInfo, type TaskType } from "./task-state.js";

/** The task to wait for: CreateTask's `task_id`, its `task_type`, and its enterprise project if not the default. */
export interface TaskRef<T extends TaskType = TaskType> {
  readonly task_id: string;
  readonly task_type: T;
  /** As given to CreateTask: ListTasks answers for the default enterprise project without it. */
  readonly enterprise_project_id?: ListTasksInput["enterprise_project_id"];
}

/** Optional fields accept `undefined` explicitly (also under `exactOptionalPropertyTypes`): undefined means absent. */
export interface WaitForTaskOptions {
  /** The total wait, from the first poll; Infinity to wait until the task ends or the signal aborts. */
  readonly maxWaitMs: number;
  /** The first wait between polls and the shortest (backoff doubles it, with jitter). Default 2 s. */
  readonly intervalMs?: number | undefined;
  /** The longest wait between polls. Default 30 s. */
  readonly maxIntervalMs?: number | undefined;
  /**
   * How long a task that ListTasks has not listed yet is waited for before TaskNotFoundError (a task that was
   * listed and then is not fails at once). The pages promise no read-after-create consistency, so a just
   * created task is given time to appear, as AWS's `…Exists` waiters retry on "not found". Default 10 s.
   */
  readonly appearWithinMs?: number | undefined;
  /** Aborts the wait, the poll in flight included; the wait rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** The per-attempt timeout of each ListTasks call (the client's by default). */
  readonly timeoutMs?: number | undefined;
}

const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_MAX_INTERVAL_MS = 30_000;
const DEFAULT_APPEAR_WITHIN_MS = 10_000;
// Waits become timers, which hold at most a signed 32-bit delay.
const MAX_DELAY_MS = 2_147_483_647;

/**
 * Waits until the task's `task_status` is `finished` and resolves with its failure counters. Rejects with
 * TaskWaitTimeoutError after `maxWaitMs`, TaskNotFoundError when ListTasks does not list the task, the signal's
 * reason when it aborts, InvalidPageError when an answer's `data_list` is not a list, or the error of a ListTasks
 * call (each call is retried as usual first).
 *
 *   const { task_id } = await hss.createTask({ task_type: "iac_scan", iac_scan_info: { … } });
 *   const done = await waitForTask(hss, { task_id: task_id!, task_type: "iac_scan" }, { maxWaitMs: 600_000 });
 *   if (done.failed) console.log(`${done.failures.failed_file_num} of ${done.failures.scan_file_num} files failed`);
 */
export async function waitForTask<T extends TaskType>(
  hss: Pick<HssClient, "listTasks">,
  ref: TaskRef<T>,
  options: WaitForTaskOptions,
): Promise<FinishedTask<T>> {
  const schedule = checkOptions(ref, options);
  const { task_id: taskId, task_type: taskType } = ref;
  const filter: ListTasksInput = { task_type: taskType, task_id: taskId };
  if (ref.enterprise_project_id !== undefined) filter.enterprise_project_id = ref.enterprise_project_id;
  const callOptions = { signal: options.signal, timeoutMs: options.timeoutMs };
  // Each poll reads its answer as a page is read: a `data_list` that is not a list is an InvalidPageError that
  // names the answer's status and request id, rather than a TypeError out of the search for the task.
  const method = listTasksOf(hss);
  const { operation, pagination } = method;
  const listTasks = pageCaller(method);
  const start = Date.now();
  let wasListed = false;

  const check = async (poll: number): Promise<PollVerdict<TaskInfo, TaskInfo | undefined>> => {
    const page = readPage(operation.operationId, pagination, null, await listTasks(filter, callOptions));
    const task = findTask(page.items, taskId);
    if (!task) {
      const elapsedMs = Date.now() - start;
      if (wasListed || elapsedMs >= schedule.appearWithinMs) {
        throw new TaskNotFoundError({ taskId, taskType, wasListed, polls: poll, elapsedMs });
      }
      return { done: false, seen: undefined };
    }
    wasListed = true;
    return isFinal(task) ? { done: true, value: task } : { done: false, seen: task };
  };

  const outcome = await pollUntil(check, schedule, options.signal);
  const { polls, elapsedMs } = outcome;
  if (outcome.state === "timeout") {
    throw new TaskWaitTimeoutError({
      taskId,
      taskType,
      maxWaitMs: schedule.maxWaitMs,
      polls,
      elapsedMs,
      lastSeen: outcome.last,
    });
  }
  return { state: "finished", ...failureCounts(taskType, outcome.value), task: outcome.value, polls, elapsedMs };
}

/**
 * The client's ListTasks, checked before any poll: the waiter reads its answers through `withResponse` and its
 * operation table, which a stand-in object (`{ listTasks: async () => … }`) lacks; a TypeError saying so, rather
 * than a TypeError about reading `operationId` of undefined.
 */
function listTasksOf(hss: Pick<HssClient, "listTasks">): HssClient["listTasks"] {
  const method = (hss as Partial<typeof hss> | null | undefined)?.listTasks;
  if (typeof method?.withResponse !== "function" || typeof method.operation !== "object" || !method.pagination) {
    throw new TypeError(
      "waitForTask: hss: expected a client made by createHssClient (its listTasks, with withResponse and operation)",
    );
  }
  return method;
}

/** Option mistakes are TypeErrors thrown before any poll, as the clients' own option checks are. */
function checkOptions(ref: TaskRef, given: WaitForTaskOptions | undefined) {
  const options: Partial<WaitForTaskOptions> = given ?? {};
  if (typeof ref?.task_id !== "string" || ref.task_id === "") {
    throw new TypeError("waitForTask: task_id: expected a non-empty string");
  }
  if (ref.task_type !== "cluster_scan" && ref.task_type !== "iac_scan") {
    throw new TypeError(
      `waitForTask: task_type: expected "cluster_scan" or "iac_scan", got ${JSON.stringify(ref.task_type)}`,
    );
  }
  const intervalMs = delay("intervalMs", options.intervalMs ?? DEFAULT_INTERVAL_MS);
  const maxIntervalMs = delay("maxIntervalMs", options.maxIntervalMs ?? Math.max(DEFAULT_MAX_INTERVAL_MS, intervalMs));
  if (maxIntervalMs < intervalMs) {
    throw new TypeError(`waitForTask: maxIntervalMs (${maxIntervalMs}) is less than intervalMs (${intervalMs})`);
  }
  const maxWaitMs = options.maxWaitMs;
  if (!(maxWaitMs === Infinity || (typeof maxWaitMs === "number" && maxWaitMs > 0 && Number.isFinite(maxWaitMs)))) {
    throw new TypeError(`waitForTask: maxWaitMs: expected milliseconds above 0, or Infinity, got ${String(maxWaitMs)}`);
  }
  const appearWithinMs = options.appearWithinMs ?? DEFAULT_APPEAR_WITHIN_MS;
  if (!(typeof appearWithinMs === "number" && appearWithinMs >= 0)) {
    throw new TypeError(`waitForTask: appearWithinMs: expected milliseconds from 0, got ${String(appearWithinMs)}`);
  }
  return { intervalMs, maxIntervalMs, maxWaitMs, appearWithinMs };
}

function delay(name: string, value: number): number {
  if (typeof value === "number" && value > 0 && value <= MAX_DELAY_MS) return value;
  throw new TypeError(`waitForTask: ${name}: expected milliseconds from 1 to ${MAX_DELAY_MS}, got ${String(value)}`);
}
