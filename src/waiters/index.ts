/** Waiters: poll an operation until what it reports reaches a final state. */
export { waitForTask, type TaskRef, type WaitForTaskOptions } from "./wait-for-task.js";
export type { FinishedTask, TaskFailureCounts } from "./task-state.js";
export { TaskNotFoundError, TaskWaitTimeoutError } from "./errors.js";
