/**
 * Deterministic HSS seed data: the same sizes and PRNG seed always give the same store, with realistic values
 * (enums from the source pages, plausible counts and timestamps). Times count back from a fixed instant, not
 * from the clock, so they too are stable between runs.
 */
import type { Rng } from "../prng.js";
import { MINUTE_MS, newestFirst } from "../seed-time.js";
import type { FailedImage, HssRecord, HssStore, ImageScanTaskInfo, TaskInfo } from "./store.js";

export interface HssSeedSizes {
  tasks: number;
  imageScanTasks: number;
}

/** A second enterprise project besides the default `"0"`, so `enterprise_project_id` filters have work to do. */
export const SEEDED_ENTERPRISE_PROJECT_ID = "4f2d3c1b-6a5e-4d7c-8b9a-0e1f2a3b4c5d";

const SCAN_TYPES = ["cluster_vul", "risk_assessment", "benchmark"] as const;
/** scan_scope values listed on the ListImageScanTask page (bit masks). */
export const SCAN_SCOPES = [0, 0x7fffffff, 0x000f0000, 0x0000f000, 0x00000f00, 0x000000f0, 0x0000000f] as const;
const REGISTRY_TYPES = ["SwrPrivate", "SwrShared", "SwrEnterprise", "Harbor", "Jfrog", "Other"] as const;

/** The HSS stores; draws from `rng` in a fixed order (tasks, then image scan tasks). */
export function seedHss(rng: Rng, sizes: HssSeedSizes): HssStore {
  return {
    tasks: newestFirst(sizes.tasks, (i, createdAt) => seedTask(rng, i, createdAt)),
    imageScanTasks: newestFirst(sizes.imageScanTasks, (_, createdAt) => seedImageScanTask(rng, createdAt)),
    // Present (as undefined) so that the server's reset(), which assigns a fresh seed over the store, clears it.
    createdTaskLifecycle: undefined,
  };
}

function enterpriseProject(rng: Rng): string {
  return rng.chance(0.2) ? SEEDED_ENTERPRISE_PROJECT_ID : "0";
}

function seedTask(rng: Rng, index: number, createdAt: number): HssRecord<TaskInfo> {
  const taskType = rng.pick(["cluster_scan", "iac_scan"] as const);
  // Older tasks are mostly finished; the newest few may still be waiting or running.
  const taskStatus = rng.chance(0.85) ? "finished" : rng.pick(["ready", "running"] as const);
  const startTime = createdAt + rng.int(0, 5) * MINUTE_MS;
  const data: TaskInfo = {
    task_id: rng.uuid(),
    task_type: taskType,
    task_name: `${taskType === "cluster_scan" ? "cluster-scan" : "iac-scan"}-${String(index + 1).padStart(5, "0")}`,
    trigger_type: rng.pick(["manual", "schedule"] as const),
    task_status: taskStatus,
    start_time: startTime,
    ...(taskStatus === "finished"
      ? { end_time: startTime + rng.int(1, 30) * MINUTE_MS, estimated_time: 0 }
      : { estimated_time: rng.int(1, 60) }),
  };
  if (taskType === "cluster_scan") {
    const clusters = rng.int(1, 20);
    const pending = taskStatus === "finished" ? 0 : rng.int(0, clusters);
    const failed = rng.int(0, Math.min(2, clusters - pending));
    data.cluster_scan_info = {
      scan_type_list: SCAN_TYPES.filter((_, i) => i === 0 || rng.chance(0.5)),
      scanning_cluster_num: pending,
      success_cluster_num: clusters - pending - failed,
      failed_cluster_num: failed,
    };
  } else {
    const files = rng.int(1, 100);
    const failed = rng.int(0, Math.min(5, files));
    data.iac_scan_info = {
      file_type: rng.pick(["dockerfile", "k8s_yaml"] as const),
      scan_file_num: files,
      success_file_num: files - failed,
      failed_file_num: failed,
    };
  }
  return { data, createdAt, enterpriseProjectId: enterpriseProject(rng) };
}

function seedImageScanTask(rng: Rng, beginTime: number): HssRecord<ImageScanTaskInfo> {
  const taskType = rng.pick(["cycle", "manual", "autoSync", "manualSync"] as const);
  const isSync = taskType === "autoSync" || taskType === "manualSync";
  // Mostly done; the rest half still in progress, half stopped, timed out or in error.
  const taskStatus = rng.chance(0.7) ? 100 : rng.chance(0.5) ? rng.int(0, 99) : rng.pick([-1, -2, -3]);
  const total = rng.int(1, 200);
  const failed = taskStatus === 100 ? rng.int(0, Math.min(3, total)) : rng.int(0, total);
  const success = taskStatus === 100 ? total - failed : rng.int(0, total - failed);
  const failedImages = Array.from({ length: Math.min(failed, 3) }, () => seedFailedImage(rng));
  const name = isSync
    ? "AutomaticImageAssetSynchronization"
    : taskType === "cycle"
      ? "ScheduledImageScan"
      : "ManualImageScan";
  const data: ImageScanTaskInfo = {
    task_id: rng.uuid(),
    ...(taskType === "cycle" ? { policy_id: rng.uuid() } : {}),
    task_name: `${name}_${beginTime}`,
    begin_time: beginTime,
    ...(taskStatus === 100 || taskStatus < 0
      ? { end_time: beginTime + rng.int(1, 120) * 1000 }
      : { remain_min: rng.int(1, 90) }),
    task_type: taskType,
    image_type: rng.pick(["local", "registry"] as const),
    task_status: taskStatus,
    ...(isSync
      ? { sync_task_type: taskType === "autoSync" ? "auto" : "manual" }
      : {
          scan_scope: rng.pick(SCAN_SCOPES),
          rate_limit: rng.int(1, 1000),
          is_all: rng.chance(0.5),
          risky_num: rng.int(0, success),
        }),
    failed_num: failed,
    success_num: success,
    total_num: total,
    ...(taskStatus < 0
      ? { failed_reason: ["scan terminated", "scan timed out", "scan abnormal"][-taskStatus - 1] }
      : {}),
    failed_images: failedImages,
  };
  return { data, createdAt: beginTime, enterpriseProjectId: enterpriseProject(rng) };
}

function seedFailedImage(rng: Rng): FailedImage {
  return {
    id: rng.int(1, 9_999_999),
    registry_id: rng.uuid(),
    registry_name: rng.pick(["swr-default", "harbor-prod", "jfrog-ci"]),
    image_name: rng.pick(["nginx", "redis", "alpine", "busybox", "mysql"]),
    image_version: `${rng.int(1, 9)}.${rng.int(0, 30)}`,
    namespace: rng.pick(["library", "team-a", "team-b"]),
    registry_type: rng.pick(REGISTRY_TYPES),
    failed_reason: rng.pick(["image pull failed", "image too large", "scan timed out"]),
  };
}
