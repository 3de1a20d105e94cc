// Type-level tests of generated/: compiled by test/types/types.test.ts with tsconfig.json in this folder.
// Each `@ts-expect-error` line must hit a real type error: tsc reports an unused one (TS2578), and the test
// also compiles this file with the directives removed and checks an error lands on every marked line.
import type { ItemOf } from "../../src/core/method.js";
import { hssOperations, type HssMethods } from "../../generated/hss/operations.js";
import type { SwrMethods } from "../../generated/swr/operations.js";
import type {
  HssErrorBody,
  JobDetail,
  ListInstanceJobsItem,
  ListTasksItem,
  ListTasksTaskInfo,
} from "../../src/index.js";

declare const hss: HssMethods;
declare const swr: SwrMethods;
declare const errorBody: HssErrorBody;

export async function correctUsage(): Promise<void> {
  const page = await hss.listTasks({ task_type: "cluster_scan", limit: 50, offset: 0, sort_dir: "asc" });
  const total: number | undefined = page.total_num;
  const item: ItemOf<HssMethods["listTasks"]> | undefined = page.data_list?.[0];
  const id: string | undefined = item?.task_id;
  await hss.createTask({ task_type: "iac_scan", iac_scan_info: { file_type: "dockerfile", file_id_list: ["f1"] } });
  await hss.createTask({
    task_type: "cluster_scan",
    cluster_scan_info: { scan_type_list: ["cluster_vul"], range_type: "all_cluster" },
  });
  await hss.showTaskStatistics({ task_type: "cluster_scan" });
  await swr.listInstanceJobs({ status: "Running", limit: 20 });
  // Every input field of ListInstanceJobs is optional, so the input object may be left out.
  await swr.listInstanceJobs();
  const full = await hss.listTasks.withResponse({ task_type: "iac_scan" });
  const meta: [number, string | undefined, number, string | null] = [
    full.status,
    full.requestId,
    full.attempts,
    full.rawHeaders.get("x-a"),
  ];
  const fullTotal: number | undefined = full.data.total_num;
  void [meta, fullTotal];
  const repos = await swr.listReposDetails.withResponse({ limit: "10", offset: "0" });
  const range: string | undefined = repos.headers["content-range"];
  const repoName: string | undefined = repos.data[0]?.name;
  const deleted: undefined = await swr.deleteRepo({ namespace: "group", repository: "busybox" });
  void [range, repoName, deleted];
  const post: "POST" = hssOperations.listTasks.method;
  const retrySafe: false = hssOperations.createTask.retrySafe;
  void [total, id, post, retrySafe];
}

// The named types of the package root are the ones the methods return.
export async function namedTypes(): Promise<void> {
  const task: ListTasksTaskInfo | undefined = (await hss.listTasks({ task_type: "iac_scan" })).data_list?.[0];
  const item: ListTasksItem | undefined = task;
  const job: JobDetail | undefined = (await swr.listInstanceJobs()).jobs?.[0];
  const jobItem: ListInstanceJobsItem | undefined = job;
  // @ts-expect-error a job is not a task
  const notATask: ListTasksTaskInfo | undefined = job;
  // @ts-expect-error the HSS error body has no SWR job fields
  const notAJob: JobDetail = errorBody;
  void [item, jobItem, notATask, notAJob];
}

export async function wrongUsage(): Promise<void> {
  // @ts-expect-error CreateTask is a union on task_type: an iac_scan task needs iac_scan_info
  await hss.createTask({ task_type: "iac_scan" });
  // @ts-expect-error … and a cluster_scan task needs cluster_scan_info, not iac_scan_info
  await hss.createTask({ task_type: "cluster_scan", iac_scan_info: { file_type: "dockerfile", file_id_list: ["f1"] } });
  // @ts-expect-error SWR's ListReposDetails takes limit as a string
  await swr.listReposDetails({ limit: 10 });
  // @ts-expect-error a misspelled field name
  await hss.listTasks({ task_type: "cluster_scan", task_typo: "x" });
  // @ts-expect-error a number field given a string
  await hss.listTasks({ task_type: "cluster_scan", limit: "50" });
  // @ts-expect-error a value outside the enum
  await hss.listTasks({ task_type: "full_scan" });
  // @ts-expect-error the required body field task_type is missing
  await hss.listTasks({ limit: 10 });
  // @ts-expect-error project_id comes from the client's options, not from the call's input
  await hss.listTasks({ task_type: "cluster_scan", project_id: "p" });
  // @ts-expect-error a query field given the wrong type
  await swr.listInstanceJobs({ offset: "0" });
  // @ts-expect-error the table keeps the literal method
  const get: "GET" = hssOperations.listTasks.method;
  const item = (await hss.listTasks({ task_type: "iac_scan" })).data_list?.[0];
  // @ts-expect-error not a field of a ListTasks item
  void item?.no_such_field;
  // @ts-expect-error ListTasks declares no response headers
  void (await hss.listTasks.withResponse({ task_type: "iac_scan" })).headers["x-total"];
  void get;
}
