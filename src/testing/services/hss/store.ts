/**
 * The HSS part of the stand-in server's in-memory data. Each record keeps the wire object exactly as the operation returns it
 * (`data`, field names and enums from the source pages in docs/pages and the notes in docs/notes) next to the
 * server-side facts that are filters but not response fields (creation time, enterprise project).
 *
 * Lists are kept newest first, the order the listing operations return when no sort is asked for.
 */

/** ListTasks `data_list` item (HSS v5, docs/pages/hss-v5-list-tasks.en.txt). */
export interface TaskInfo {
  task_id: string;
  task_type: "cluster_scan" | "iac_scan";
  task_name: string;
  trigger_type: "manual" | "schedule";
  task_status: "ready" | "running" | "finished";
  start_time?: number;
  end_time?: number;
  estimated_time?: number;
  cluster_scan_info?: {
    scan_type_list: ("cluster_vul" | "risk_assessment" | "benchmark")[];
    scanning_cluster_num: number;
    success_cluster_num: number;
    failed_cluster_num: number;
  };
  iac_scan_info?: {
    file_type: "dockerfile" | "k8s_yaml";
    scan_file_num: number;
    success_file_num: number;
    failed_file_num: number;
  };
}

/** ListImageScanTask `data_list` item, ImageScanTaskInfo (HSS v5, docs/pages/hss-v5-list-image-scan-task.en.txt). */
export interface ImageScanTaskInfo {
  task_id: string;
  policy_id?: string;
  task_name: string;
  begin_time: number;
  end_time?: number;
  remain_min?: number;
  task_type: "cycle" | "manual" | "autoSync" | "manualSync";
  image_type?: "local" | "registry";
  /** 100 done, 0–99 progress, -1 stopped, -2 timed out, -3 abnormal. */
  task_status: number;
  scan_scope?: number;
  rate_limit?: number;
  is_all?: boolean;
  failed_num: number;
  success_num: number;
  total_num: number;
  risky_num?: number;
  sync_task_type?: string;
  failed_reason?: string;
  failed_images: FailedImage[];
}

export interface FailedImage {
  id: number;
  registry_id: string;
  registry_name: string;
  image_name: string;
  image_version: string;
  namespace: string;
  registry_type: "SwrPrivate" | "SwrShared" | "SwrEnterprise" | "Harbor" | "Jfrog" | "Other";
  failed_reason: string;
}

/** A record of the HSS stores: the wire object plus the facts only filters see. */
export interface HssRecord<T> {
  data: T;
  /** Creation time in epoch ms (the `start_create_time`/`end_create_time` filters of ListTasks). */
  createdAt: number;
  /** Enterprise project the record belongs to (`"0"` is the default enterprise project). */
  enterpriseProjectId: string;
  /** For a task created while `HssStore.createdTaskLifecycle` was set: its script and how often ListTasks ran since. */
  progress?: { lifecycle: TaskLifecycle; listings: number };
}

/**
 * How a task made by CreateTask moves through ListTasks' statuses (`ready` → `running` → `finished`), counted in
 * ListTasks requests, so a test can watch a task finish over a known number of polls. See lifecycle.ts.
 */
export interface TaskLifecycle {
  /** ListTasks requests that show the task `ready`. */
  readyPolls: number;
  /** ListTasks requests after those that show it `running`; every later one shows it `finished`. */
  runningPolls: number;
  /** Files (iac_scan) or clusters (cluster_scan) whose scan fails; the rest succeed. Default 0. */
  failedItems?: number;
}

export interface HssStore {
  tasks: HssRecord<TaskInfo>[];
  imageScanTasks: HssRecord<ImageScanTaskInfo>[];
  /** Set by a test: tasks CreateTask makes from then on follow this script. Unset, they stay `running`. */
  createdTaskLifecycle?: TaskLifecycle | undefined;
}
