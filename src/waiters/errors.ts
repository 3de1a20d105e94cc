/**
 * The errors `waitForTask` adds to the family under {@link HuaweiCloudSdkError}. `operation` is `ListTasks`,
 * the operation the waiter polls; `attempts` is left undefined (a wait is many calls: see `polls`). Errors of
 * a poll itself (HuaweiCloudError, NetworkError, …) end the wait unchanged.
 */
import { HuaweiCloudSdkError } from "../core/errors.js";
import { cut, showValue } from "../core/show.js";
import type { TaskInfo, TaskType } from "./task-state.js";

const OPERATION = "ListTasks";

/** What both waiter errors know about the wait. */
interface WaitReport {
  readonly taskId: string;
  readonly taskType: TaskType;
  /** ListTasks requests made. */
  readonly polls: number;
  readonly elapsedMs: number;
}

/** The task did not reach `finished` within `maxWaitMs`. Not thrown on abort: that rejects with the signal's reason. */
export class TaskWaitTimeoutError extends HuaweiCloudSdkError {
  override readonly name = "TaskWaitTimeoutError";
  declare readonly taskId: string;
  declare readonly taskType: TaskType;
  declare readonly maxWaitMs: number;
  declare readonly polls: number;
  declare readonly elapsedMs: number;
  /** The task as last listed (its `task_status`, `estimated_time`, counters); undefined if never listed. */
  declare readonly lastSeen: TaskInfo | undefined;

  constructor(report: WaitReport & { readonly maxWaitMs: number; readonly lastSeen: TaskInfo | undefined }) {
    // The id is the caller's and the status the server's: both are shown bounded (core/show.ts).
    const status = report.lastSeen ? `last task_status ${showValue(report.lastSeen.task_status)}` : "never listed";
    super(
      OPERATION,
      `${report.taskType} task ${cut(report.taskId)} not finished after ${report.elapsedMs} ms and ${report.polls} ListTasks polls ` +
        `(maxWaitMs ${report.maxWaitMs}; ${status})`,
      {},
    );
    this.taskId = report.taskId;
    this.taskType = report.taskType;
    this.maxWaitMs = report.maxWaitMs;
    this.polls = report.polls;
    this.elapsedMs = report.elapsedMs;
    this.lastSeen = report.lastSeen;
  }
}

/**
 * ListTasks does not list the task: it was listed before and is gone (`wasListed` true), or it never appeared
 * within `appearWithinMs` (a wrong id or task type, or another enterprise project).
 */
export class TaskNotFoundError extends HuaweiCloudSdkError {
  override readonly name = "TaskNotFoundError";
  declare readonly taskId: string;
  declare readonly taskType: TaskType;
  declare readonly wasListed: boolean;
  declare readonly polls: number;
  declare readonly elapsedMs: number;

  constructor(report: WaitReport & { readonly wasListed: boolean }) {
    const what = report.wasListed ? "is no longer listed" : `was not listed within ${report.elapsedMs} ms`;
    super(OPERATION, `${report.taskType} task ${cut(report.taskId)} ${what} (ListTasks polls: ${report.polls})`, {});
    this.taskId = report.taskId;
    this.taskType = report.taskType;
    this.wasListed = report.wasListed;
    this.polls = report.polls;
    this.elapsedMs = report.elapsedMs;
  }
}
