/** Waiters: poll an operation until what it reports reaches a final state. */
import type { HssClient } from "../../generated/hss/client.js";
import type { FinishedTask, TaskType } from "./task-state.js";
import type { TaskRef, WaitForTaskOptions } from "./wait-for-task.js";

export type { TaskRef, WaitForTaskOptions } from "./wait-for-task.js";
export type { FinishedTask, TaskFailureCounts } from "./task-state.js";
export { TaskNotFoundError, TaskWaitTimeoutError } from "./errors.js";

/**
 * `waitForTask` (`./wait-for-task.ts`), loaded on the first wait rather than when the package is imported: a
 * process that never waits does not load the waiter's modules.
 */
export async function waitForTask<T extends TaskType>(
  hss: Pick<HssClient, "listTasks">,
  ref: TaskRef<T>,
  options: WaitForTaskOptions,
): Promise<FinishedTask<T>> {
  const waiter = await import("./wait-for-task.js");
  return waiter.waitForTask(hss, ref, options);
}
