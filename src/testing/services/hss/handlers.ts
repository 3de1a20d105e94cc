/// <reference types="node" />
/**
 * The four HSS v5 operations over the in-memory store. Filter semantics where the pages leave them open:
 * - `enterprise_project_id`: `all_granted_eps` matches every record, any other value (default `"0"`) its own;
 * - `task_name`: case-insensitive substring ("fuzzy match");
 * - ListTasks `start_create_time`/`end_create_time`: inclusive bounds on the creation time;
 *   `cluster_scan_info.scan_type_list`: the task scanned every listed item; no sort: newest first;
 * - ListImageScanTask `task_status`: `scanning` is progress 0–99, `finished` every other code (done, stopped,
 *   timed out, error); `create_time`: begun at or after; `end_time`: ended at or before; `scan_scope`: `0`
 *   matches 0, any other mask the tasks whose scope shares a bit with it.
 * Tasks CreateTask makes while `store.createdTaskLifecycle` is set move one step per ListTasks request
 * (lifecycle.ts); other created tasks stay `running`.
 */
import { randomUUID } from "node:crypto";
import { takePage } from "../../engine/paging.js";
import { RejectedInputError, type HandlerContext } from "../../engine/service.js";
import { advanceScriptedTasks, statusAt } from "./lifecycle.js";
import type { HssRecord, HssStore, ImageScanTaskInfo, TaskInfo } from "./store.js";

type Context = HandlerContext<HssStore>;

type Filter<T> = (record: HssRecord<T>) => boolean;

function inEnterpriseProject(query: Record<string, unknown>): Filter<unknown> {
  const wanted = query["enterprise_project_id"];
  return (record) => wanted === undefined || wanted === "all_granted_eps" || record.enterpriseProjectId === wanted;
}

function nameMatches(name: string, fragment: unknown): boolean {
  // The validated query holds a string for this filter.
  return (
    fragment === undefined || (typeof fragment === "string" && name.toLowerCase().includes(fragment.toLowerCase()))
  );
}

function pageOf<T>(records: HssRecord<T>[], ctx: Context): { data_list: T[]; total_num: number } {
  const { offset, limit } = ctx.input.query as { offset: number; limit: number };
  const page = takePage(records, offset, limit, ctx.misbehave);
  return { data_list: page.items.map((record) => record.data), total_num: page.total };
}

interface ListTasksBody {
  task_type: TaskInfo["task_type"];
  task_id?: string;
  task_name?: string;
  start_create_time?: number;
  end_create_time?: number;
  trigger_type?: TaskInfo["trigger_type"];
  task_status?: TaskInfo["task_status"];
  sort_key?: "start_time";
  sort_dir?: "asc" | "desc";
  cluster_scan_info?: { scan_type_list?: string[] };
  iac_scan_info?: { file_type?: string };
}

export function listTasks(ctx: Context): unknown {
  const body = ctx.input.body as ListTasksBody;
  advanceScriptedTasks(ctx.store.tasks, Date.now());
  const scanTypes = body.cluster_scan_info?.scan_type_list ?? [];
  const matches: Filter<TaskInfo> = ({ data, createdAt }) =>
    data.task_type === body.task_type &&
    (body.task_id === undefined || data.task_id === body.task_id) &&
    nameMatches(data.task_name, body.task_name) &&
    (body.start_create_time === undefined || createdAt >= body.start_create_time) &&
    (body.end_create_time === undefined || createdAt <= body.end_create_time) &&
    (body.trigger_type === undefined || data.trigger_type === body.trigger_type) &&
    (body.task_status === undefined || data.task_status === body.task_status) &&
    scanTypes.every((type) => data.cluster_scan_info?.scan_type_list.includes(type as never) === true) &&
    (body.iac_scan_info?.file_type === undefined || data.iac_scan_info?.file_type === body.iac_scan_info.file_type);
  const records = ctx.store.tasks.filter(inEnterpriseProject(ctx.input.query)).filter(matches);
  if (body.sort_key === "start_time") {
    const sign = body.sort_dir === "asc" ? 1 : -1;
    records.sort((a, b) => sign * ((a.data.start_time ?? 0) - (b.data.start_time ?? 0)));
  }
  return pageOf(records, ctx);
}

const SYNC_TASK_TYPES: readonly string[] = ["autoSync", "manualSync"];

function isScanning(status: number): boolean {
  return status >= 0 && status < 100;
}

export function listImageScanTask(ctx: Context): unknown {
  const q = ctx.input.query;
  const matches: Filter<ImageScanTaskInfo> = ({ data }) =>
    SYNC_TASK_TYPES.includes(data.task_type) === (q["type"] === "image_sync") &&
    (q["task_type"] === undefined || data.task_type === q["task_type"]) &&
    (q["global_image_type"] === undefined || data.image_type === q["global_image_type"]) &&
    nameMatches(data.task_name, q["task_name"]) &&
    (q["task_id"] === undefined || data.task_id === q["task_id"]) &&
    (q["create_time"] === undefined || data.begin_time >= Number(q["create_time"])) &&
    (q["end_time"] === undefined || (data.end_time !== undefined && data.end_time <= Number(q["end_time"]))) &&
    (q["task_status"] === undefined || isScanning(data.task_status) === (q["task_status"] === "scanning")) &&
    (q["scan_scope"] === undefined || scopeMatches(data.scan_scope, Number(q["scan_scope"])));
  return pageOf(ctx.store.imageScanTasks.filter(inEnterpriseProject(q)).filter(matches), ctx);
}

function scopeMatches(scope: number | undefined, wanted: number): boolean {
  if (scope === undefined) return false;
  return wanted === 0 ? scope === 0 : (scope & wanted) !== 0;
}

export function showTaskStatistics(ctx: Context): unknown {
  const records = ctx.store.tasks
    .filter(inEnterpriseProject(ctx.input.query))
    .filter((r) => r.data.task_type === ctx.input.query["task_type"]);
  const latest = Math.max(...records.map((r) => r.createdAt));
  return {
    total_num: records.length,
    running_num: records.filter((r) => r.data.task_status === "running").length,
    ...(records.length > 0 ? { last_task_start_time: latest } : {}),
  };
}

interface CreateTaskBody {
  task_type: TaskInfo["task_type"];
  cluster_scan_info?: {
    scan_type_list: ("cluster_vul" | "risk_assessment" | "benchmark")[];
    range_type: "all_cluster" | "specific_cluster";
    cluster_id_list?: string[];
  };
  iac_scan_info?: { file_type: "dockerfile" | "k8s_yaml"; file_id_list: string[] };
}

/** The stand-in pretends a project has this many clusters when a scan covers all of them. */
const CLUSTERS_IN_PROJECT = 3;

/** Creates a manual task that starts running at once (or follows the store's lifecycle script), and returns its id. */
export function createTask(ctx: Context): unknown {
  const body = ctx.input.body as CreateTaskBody;
  const now = Date.now();
  const lifecycle = ctx.store.createdTaskLifecycle;
  const data: TaskInfo = {
    task_id: randomUUID(),
    task_type: body.task_type,
    task_name: `${body.task_type === "cluster_scan" ? "cluster-scan" : "iac-scan"}-${now}`,
    trigger_type: "manual",
    task_status: lifecycle ? statusAt(lifecycle, 0) : "running",
    start_time: now,
    estimated_time: 5,
  };
  if (body.task_type === "cluster_scan") {
    const info = body.cluster_scan_info;
    if (!info) throw new RejectedInputError("body/cluster_scan_info is required when task_type is cluster_scan");
    if (info.range_type === "specific_cluster" && !info.cluster_id_list?.length) {
      throw new RejectedInputError(
        "body/cluster_scan_info/cluster_id_list is required when range_type is specific_cluster",
      );
    }
    const clusters = info.range_type === "specific_cluster" ? (info.cluster_id_list?.length ?? 0) : CLUSTERS_IN_PROJECT;
    data.cluster_scan_info = {
      scan_type_list: info.scan_type_list,
      scanning_cluster_num: clusters,
      success_cluster_num: 0,
      failed_cluster_num: 0,
    };
  } else {
    const info = body.iac_scan_info;
    if (!info) throw new RejectedInputError("body/iac_scan_info is required when task_type is iac_scan");
    data.iac_scan_info = {
      file_type: info.file_type,
      scan_file_num: info.file_id_list.length,
      success_file_num: 0,
      failed_file_num: 0,
    };
  }
  const requested = ctx.input.query["enterprise_project_id"];
  const enterpriseProjectId =
    requested === undefined || requested === "all_granted_eps"
      ? "0"
      : typeof requested === "string"
        ? requested
        : JSON.stringify(requested);
  ctx.store.tasks.unshift({
    data,
    createdAt: now,
    enterpriseProjectId,
    ...(lifecycle ? { progress: { lifecycle: { ...lifecycle }, listings: 0 } } : {}),
  });
  return { task_id: data.task_id };
}
