/**
 * `npm run example` — a tour of huaweicloud-task-client.
 *
 * With no environment variables set, it starts the stand-in server on a free loopback port, seeded with 600
 * HSS tasks and 300 SWR jobs, and talks to it with AK/SK signing exactly as to the real cloud. With
 * HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_PROJECT_ID and HUAWEICLOUD_REGION (or
 * HUAWEICLOUD_ENDPOINT) set, it talks to Huawei Cloud instead (see examples/config.ts).
 *
 *   1. CreateTask          an IaC scan of one Dockerfile (on the real cloud only with HUAWEICLOUD_EXAMPLE_CREATE=1)
 *   2. ShowTaskStatistics  per task type
 *   3. ListTasks           every task, page by page, with paginate.pages
 *   4. ListInstanceJobs    every SWR job, page by page
 *   then a summary: requests, pages, items and time per operation; tasks and jobs by status.
 *
 * Exit codes: 0 done, 1 an API or network error, 2 a configuration error, 130 interrupted (Ctrl-C).
 */
import {
  createHssClient,
  createSwrClient,
  HuaweiCloudError,
  paginate,
  type ClientOptions,
  type HssClient,
  type SwrClient,
} from "../src/index.js";
import { ConfigError, ENV, maskAk, readTarget, type CloudTarget, type Location } from "./config.js";
import { createProgress, describeProgress } from "./progress.js";
import { formatDuration, formatTable, tally, type Cell } from "./table.js";

/** What the stand-in server is seeded with. */
const SEED = { tasks: 600, imageScanTasks: 20, jobs: 300 };
/** Each list stops after this many items: more than the stand-in holds, a bound on a busy real account. */
const MAX_ITEMS = 2000;
const TASK_TYPES = ["cluster_scan", "iac_scan"] as const;
/** The stand-in accepts any file id; on the real cloud it must name an uploaded Dockerfile. */
const STAND_IN_FILE_ID = "example-dockerfile-0001";

interface Setup {
  readonly hss: HssClient;
  readonly swr: SwrClient;
  /** Header lines: where the example runs and as whom. */
  readonly about: readonly string[];
  /** The Dockerfile to scan, or why CreateTask is skipped. */
  readonly create: { readonly fileId: string; readonly note: string } | { readonly skipped: string };
  /** HSS enterprise project: the stand-in's tasks are spread over two, so it lists `all_granted_eps`. */
  readonly enterpriseProjectId: string | undefined;
  /** HTTP requests sent so far (retries included), counted by the fetch the clients use. */
  readonly requestCount: () => number;
  close(): Promise<void>;
}

interface SummaryRow {
  readonly operation: string;
  readonly requests: number;
  readonly pages?: number;
  readonly items?: number;
  readonly ms: number;
}

const interrupt = new AbortController();
const progress = createProgress();

async function main(): Promise<number> {
  let setup: Setup;
  try {
    setup = await connect();
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      console.error(describeError(error)); // the stand-in server did not start, say
      return 1;
    }
    console.error(`configuration error: ${error.message}`);
    return 2;
  }
  process.once("SIGINT", () => interrupt.abort(new Error("interrupted")));
  try {
    await tour(setup);
    return 0;
  } catch (error) {
    progress.end();
    console.error(describeError(error));
    return interrupt.signal.aborted ? 130 : 1;
  } finally {
    await setup.close();
  }
}

async function tour({ hss, swr, about, create, enterpriseProjectId, requestCount }: Setup): Promise<void> {
  // Without enterprise_project_id, HSS answers for the default enterprise project ("0") only.
  const scope = enterpriseProjectId !== undefined ? { enterprise_project_id: enterpriseProjectId } : {};
  const createScope = enterpriseProjectId !== "all_granted_eps" ? scope : {};
  const summary: SummaryRow[] = [];
  /** Starts timing one operation; the returned function records its row. */
  const track = (operation: string) => {
    const started = performance.now();
    const before = requestCount();
    return (counts: { pages?: number; items?: number } = {}) =>
      summary.push({ operation, requests: requestCount() - before, ...counts, ms: performance.now() - started });
  };

  console.log("huaweicloud-task-client example");
  for (const line of about) console.log(`  ${line}`);

  // 1. CreateTask: not retried automatically (it is not idempotent), so a failure surfaces at once.
  console.log("\n1. CreateTask: an IaC scan of one Dockerfile");
  let createdId: string | undefined;
  if ("skipped" in create) {
    console.log(`   skipped: ${create.skipped}`);
  } else {
    const done = track("CreateTask");
    const { task_id } = await hss.createTask({
      ...createScope,
      task_type: "iac_scan",
      iac_scan_info: { file_type: "dockerfile", file_id_list: [create.fileId] },
    });
    done({ items: 1 });
    createdId = task_id;
    console.log(
      `   created task ${task_id ?? "(no task_id in the answer)"}: iac_scan of Dockerfile ${create.fileId}${create.note}`,
    );
  }

  // 2. ShowTaskStatistics, once per task type.
  console.log("\n2. ShowTaskStatistics");
  const statsDone = track("ShowTaskStatistics");
  const statistics = await Promise.all(TASK_TYPES.map((task_type) => hss.showTaskStatistics({ ...scope, task_type })));
  statsDone();
  console.log(
    formatTable(
      ["task type", "total", "running", "last task started"],
      TASK_TYPES.map((type, i) => {
        const stats = statistics[i]!;
        return [type, stats.total_num ?? "-", stats.running_num ?? "-", formatTime(stats.last_task_start_time)];
      }),
      "   ",
    ),
  );

  // 3. ListTasks: task_type is required, so one walk per type. paginate.pages picks the largest page size the
  //    spec allows (200) and stops at the reported total.
  console.log("\n3. ListTasks: every task of each type, page by page");
  const tasksByStatus = new Map<string, number>();
  let createdStatus: string | undefined;
  let tasksSeen = 0;
  for (const task_type of TASK_TYPES) {
    const label = `ListTasks (${task_type})`;
    const done = track(label);
    const walked = await walk(
      label,
      "tasks",
      paginate.pages(hss.listTasks, { ...scope, task_type }, { maxItems: MAX_ITEMS }),
      (page) => {
        for (const task of page.data_list ?? []) {
          count(tasksByStatus, task.task_status ?? "(none)");
          if (createdId !== undefined && task.task_id === createdId) createdStatus = task.task_status ?? "(none)";
        }
        return { items: page.data_list?.length ?? 0, total: page.total_num };
      },
    );
    done(walked);
    tasksSeen += walked.items;
  }
  console.log(`   ${tasksSeen} tasks seen in all`);
  if (createdId !== undefined) {
    console.log(
      createdStatus !== undefined
        ? `   the new task ${createdId} is in the list, status ${createdStatus}`
        : `   the new task ${createdId} is not in the list (yet)`,
    );
  }

  // 4. ListInstanceJobs: the same paginate, over SWR (pages of up to 100).
  console.log("\n4. ListInstanceJobs: every SWR job, page by page");
  const jobsByStatus = new Map<string, number>();
  const jobsDone = track("ListInstanceJobs");
  const jobs = await walk(
    "ListInstanceJobs",
    "jobs",
    paginate.pages(swr.listInstanceJobs, {}, { maxItems: MAX_ITEMS }),
    (page) => {
      for (const job of page.jobs) count(jobsByStatus, job.status ?? "(none)");
      return { items: page.jobs.length, total: page.total };
    },
  );
  jobsDone(jobs);

  console.log("\nSummary");
  const totalMs = summary.reduce((sum, row) => sum + row.ms, 0);
  const totalRequests = summary.reduce((sum, row) => sum + row.requests, 0);
  console.log(
    formatTable(
      ["operation", "requests", "pages", "items", "time"],
      [
        ...summary.map((row): Cell[] => [
          row.operation,
          row.requests,
          row.pages ?? "-",
          row.items ?? "-",
          formatDuration(row.ms),
        ]),
        ["total", totalRequests, "-", "-", formatDuration(totalMs)],
      ],
    ),
  );
  console.log(`\nTasks by status (${tasksSeen})`);
  console.log(formatTable(["status", "tasks"], tally(tasksByStatus)));
  console.log(`\nSWR jobs by status (${jobs.items})`);
  console.log(formatTable(["status", "jobs"], tally(jobsByStatus)));
}

/** Runs one paginated walk with a progress line; prints and returns its page and item counts. */
async function walk<Page>(
  label: string,
  noun: string,
  pages: AsyncIterable<Page>,
  onPage: (page: Page) => { items: number; total: number | undefined },
): Promise<{ pages: number; items: number }> {
  let pageCount = 0;
  let items = 0;
  for await (const page of pages) {
    const seen = onPage(page);
    pageCount++;
    items += seen.items;
    progress.update(describeProgress(label, pageCount, items, seen.total, noun));
  }
  progress.end();
  const capped = items >= MAX_ITEMS ? ` (stopped at maxItems ${MAX_ITEMS})` : "";
  console.log(`   ${label}: ${items} ${noun} in ${pageCount} ${pageCount === 1 ? "page" : "pages"}${capped}`);
  return { pages: pageCount, items };
}

/** Builds the clients: for the stand-in server (started here) or for the real cloud. */
async function connect(): Promise<Setup> {
  const target = readTarget(process.env);
  let requests = 0;
  const common = {
    fetch: (request: Request) => {
      requests++;
      return fetch(request);
    },
    signal: interrupt.signal,
    userAgent: "huaweicloud-task-client-example",
  } satisfies Partial<ClientOptions>;
  const requestCount = () => requests;

  if (target.kind === "cloud") return { ...connectToCloud(target, common), requestCount, close: async () => {} };

  // Loaded only here: the stand-in (and its spec validator) is test tooling, not needed for the real cloud.
  const { startStandInServer, DEFAULT_AK, DEFAULT_SK } = await import("../test/server/index.js");
  const server = await startStandInServer({ seed: SEED });
  const options = {
    ...common,
    projectId: server.projectId,
    endpoint: server.url,
    auth: { ak: DEFAULT_AK, sk: DEFAULT_SK },
  };
  return {
    hss: createHssClient(options),
    swr: createSwrClient(options),
    about: [
      `target   stand-in server at ${server.url} (seeded with ${SEED.tasks} tasks and ${SEED.jobs} SWR jobs)`,
      `project  ${server.projectId}, all enterprise projects`,
      `auth     AK/SK signing, AK ${maskAk(DEFAULT_AK)} (the SK is never printed)`,
      `         set ${ENV.ak}, ${ENV.sk}, ${ENV.projectId} and ${ENV.region} to use the real cloud`,
    ],
    create: { fileId: STAND_IN_FILE_ID, note: "" },
    enterpriseProjectId: "all_granted_eps",
    requestCount,
    close: () => server.close(),
  };
}

function connectToCloud(target: CloudTarget, common: Partial<ClientOptions>): Omit<Setup, "requestCount" | "close"> {
  // No auth: the default credential chain finds the keys (environment → profile file → ECS metadata).
  let hss: HssClient;
  let swr: SwrClient;
  try {
    hss = createHssClient({ ...common, ...target.hss, projectId: target.projectId });
    swr = createSwrClient({ ...common, ...target.swr, projectId: target.projectId });
  } catch (error) {
    // An unknown region or a malformed endpoint: a configuration problem, reported as such.
    if (error instanceof TypeError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    hss,
    swr,
    enterpriseProjectId: target.enterpriseProjectId,
    about: [
      `target   Huawei Cloud: HSS ${describeLocation(target.hss)}, SWR ${describeLocation(target.swr)}`,
      `project  ${target.projectId ?? "looked up from the region"}, ${target.enterpriseProjectId ? `enterprise project ${target.enterpriseProjectId}` : "the default enterprise project"}`,
      `auth     AK/SK signing, AK ${maskAk(target.auth.ak)}${target.auth.securityToken ? " with a security token" : ""}, from the default credential chain (the SK is never printed)`,
    ],
    create: target.create
      ? { fileId: target.create.fileId, note: ` (${ENV.create}=1: this used HSS scan quota)` }
      : {
          skipped:
            `creating a scan task on the real cloud uses HSS quota. To run it, set ${ENV.create}=1 and ` +
            `${ENV.fileId} to the file id of an uploaded Dockerfile.`,
        },
  };
}

function describeLocation(location: Location): string {
  return location.endpoint ?? `region ${location.region}`;
}

function describeError(error: unknown): string {
  if (error instanceof HuaweiCloudError) {
    return [
      `error: ${error.operation} failed with HTTP ${error.status}`,
      `  error code  ${error.errorCode ?? "(none)"}`,
      `  message     ${error.errorMsg ?? error.message}`,
      `  request id  ${error.requestId ?? "(none)"}${error.requestId ? " (quote it to Huawei Cloud support)" : ""}`,
    ].join("\n");
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function formatTime(epochMs: number | undefined): string {
  return epochMs === undefined ? "-" : new Date(epochMs).toISOString().replace(/\.\d+Z$/, "Z");
}

process.exit(await main());
