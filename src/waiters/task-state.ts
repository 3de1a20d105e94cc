/**
 * What ListTasks (HSS v5, `POST /v5/{project_id}/common/tasks/batch-query`) says about one task, read as a
 * waiter reads it. The pages name no operation for one task's state: ShowTaskStatistics only counts tasks
 * (`total_num`, `running_num`), and CreateTask answers with `task_id` alone, so the waiter lists with the
 * `task_id` and `task_type` filters and picks the task out of `data_list`.
 *
 * `task_status` has three values (ready: waiting to run; running; finished: the task ended), and only
 * `finished` is final: there is no "failed" status. How a finished task went is in its type's counters:
 * - iac_scan: `iac_scan_info.failed_file_num` files failed, of `scan_file_num`, `success_file_num` succeeded;
 * - cluster_scan: `cluster_scan_info.failed_cluster_num` clusters failed, `success_cluster_num` succeeded,
 *   `scanning_cluster_num` were still being scanned.
 * A status the spec does not list is not taken as final (as an AWS waiter retries on an answer no acceptor
 * matches): the wait goes on and a timeout reports the status last seen.
 */
import type { ListTasksInput, ListTasksOutput } from "../../generated/hss/operations.js";

/** `cluster_scan` or `iac_scan`. */
export type TaskType = ListTasksInput["task_type"];
/** One entry of ListTasks' `data_list`. */
export type TaskInfo = NonNullable<ListTasksOutput["data_list"]>[number];

/**
 * Per task type, where its counters are in a ListTasks entry and their names on the page; the first counts
 * failures. The one place that says what "failed" means for each type.
 */
const COUNTERS = {
  iac_scan: { object: "iac_scan_info", names: ["failed_file_num", "success_file_num", "scan_file_num"] },
  cluster_scan: {
    object: "cluster_scan_info",
    names: ["failed_cluster_num", "success_cluster_num", "scanning_cluster_num"],
  },
} as const satisfies Record<TaskType, { object: keyof TaskInfo; names: readonly string[] }>;

type Counters = typeof COUNTERS;
type CountersObject<T extends TaskType> = NonNullable<TaskInfo[Counters[T]["object"]]>;

/** Per task type, the counters of a finished task that say how it went, named as on the ListTasks page. */
export type TaskFailureCounts = {
  [T in TaskType]: Pick<CountersObject<T>, Extract<Counters[T]["names"][number], keyof CountersObject<T>>>;
};

/** What `waitForTask` resolves with: the task reached `finished`. */
export interface FinishedTask<T extends TaskType = TaskType> {
  readonly state: "finished";
  /**
   * True when the task type's failure counter is above 0: `iac_scan_info.failed_file_num` (iac_scan) or
   * `cluster_scan_info.failed_cluster_num` (cluster_scan). False when it is 0 or the answer lacks it.
   */
  readonly failed: boolean;
  /** The task type's counters, copied from the last answer (a counter the answer lacks is undefined). */
  readonly failures: TaskFailureCounts[T];
  /** The task as ListTasks last listed it. */
  readonly task: TaskInfo;
  /** ListTasks requests the wait made. */
  readonly polls: number;
  readonly elapsedMs: number;
}

/** The task with this id among a ListTasks page's items, if listed (an item that is not an object is no task). */
export function findTask(items: readonly unknown[], taskId: string): TaskInfo | undefined {
  return items.find(
    (task): task is TaskInfo => typeof task === "object" && task !== null && (task as TaskInfo).task_id === taskId,
  );
}

export function isFinal(task: TaskInfo): boolean {
  return task.task_status === "finished";
}

/** The failure counters of `taskType` read from a task (a counter the task lacks is undefined). */
export function failureCounts<T extends TaskType>(
  taskType: T,
  task: TaskInfo,
): { failed: boolean; failures: TaskFailureCounts[T] } {
  const { object, names } = COUNTERS[taskType];
  const info = task[object] as Readonly<Record<string, number | undefined>> | undefined;
  const failures = Object.fromEntries(names.map((name) => [name, info?.[name]]));
  return { failed: (info?.[names[0]] ?? 0) > 0, failures: failures };
}
