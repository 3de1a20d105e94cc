/**
 * Scripted task progress for the stand-in: a task CreateTask makes while `store.createdTaskLifecycle` is set
 * starts `ready`, and every ListTasks request (whatever its filters) moves it one step along the script, so a
 * waiter test sees `ready` → `running` → `finished` over a known number of polls. At the end the page's
 * counters are filled: `failed_file_num`/`success_file_num` (iac_scan) or `failed_cluster_num`/
 * `success_cluster_num` with `scanning_cluster_num` 0 (cluster_scan).
 */
import type { HssRecord, TaskInfo, TaskLifecycle } from "./store.js";

/** The status shown by the `listing`-th ListTasks request since creation (0 at creation, shown as the first). */
export function statusAt(lifecycle: TaskLifecycle, listing: number): TaskInfo["task_status"] {
  const step = Math.max(listing, 1);
  if (step <= lifecycle.readyPolls) return "ready";
  return step <= lifecycle.readyPolls + lifecycle.runningPolls ? "running" : "finished";
}

/** Called once per ListTasks request, before filtering: moves every scripted, unfinished task one step. */
export function advanceScriptedTasks(records: readonly HssRecord<TaskInfo>[], now: number): void {
  for (const record of records) {
    const progress = record.progress;
    // Past its script, a task has finished and had its counters filled (by the listing that found it finished).
    if (!progress || progress.listings > progress.lifecycle.readyPolls + progress.lifecycle.runningPolls) continue;
    progress.listings += 1;
    const status = statusAt(progress.lifecycle, progress.listings);
    record.data.task_status = status;
    if (status === "finished") finish(record.data, progress.lifecycle.failedItems ?? 0, now);
  }
}

function finish(data: TaskInfo, failedItems: number, now: number): void {
  data.end_time = now;
  data.estimated_time = 0;
  const clusters = data.cluster_scan_info;
  if (clusters) {
    const total = clusters.scanning_cluster_num + clusters.success_cluster_num + clusters.failed_cluster_num;
    clusters.failed_cluster_num = Math.min(failedItems, total);
    clusters.success_cluster_num = total - clusters.failed_cluster_num;
    clusters.scanning_cluster_num = 0;
  }
  const files = data.iac_scan_info;
  if (files) {
    files.failed_file_num = Math.min(failedItems, files.scan_file_num);
    files.success_file_num = files.scan_file_num - files.failed_file_num;
  }
}
