/**
 * Create a cluster scan and wait for it to finish — against the stand-in server, the way a user's test would.
 *
 *   npx tsx --conditions=huaweicloud-task-client/source examples/wait-for-scan.ts [--forbidden]
 *
 * Starts the stand-in (`huaweicloud-task-client/testing`) on a free loopback port, scripts the tasks it creates to
 * go `ready` → `running` → `finished` with one cluster failing, creates a cluster scan (CreateTask) with AK/SK
 * signing, waits for it with `waitForTask`, and prints the outcome and the requests the server received.
 * `--forbidden` makes the server refuse the polls with 403, to show how an API error reaches the program.
 *
 * A user's program imports "huaweicloud-task-client" and "huaweicloud-task-client/testing"; this one imports the
 * same modules from the repository's sources, so that it runs without a build.
 *
 * Exit codes: 0 the task finished (whether or not some clusters failed), 1 an API or network error, 2 the
 * wait timed out or the task vanished.
 */
import {
  createHssClient,
  HuaweiCloudSdkError,
  TaskNotFoundError,
  TaskWaitTimeoutError,
  waitForTask,
} from "../src/index.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer } from "../src/testing/index.js";

const forbidden = process.argv.includes("--forbidden");

const server = await startStandInServer({ seed: { tasks: 20, imageScanTasks: 0, jobs: 0 } });
try {
  // Tasks created from now on are `ready` for one ListTasks call, `running` for two, then `finished`.
  server.store.createdTaskLifecycle = { readyPolls: 1, runningPolls: 2, failedItems: 1 };
  if (forbidden) server.faults.push({ operation: "ListTasks", status: 403 });

  const hss = createHssClient({
    endpoint: server.url,
    projectId: server.projectId,
    auth: { ak: DEFAULT_AK, sk: DEFAULT_SK },
  });
  const { task_id } = await hss.createTask({
    task_type: "cluster_scan",
    cluster_scan_info: { scan_type_list: ["cluster_vul", "benchmark"], range_type: "all_cluster" },
  });
  if (task_id === undefined) throw new Error("CreateTask answered without a task_id");
  console.log(`created cluster_scan task ${task_id}`);

  const done = await waitForTask(
    hss,
    { task_id, task_type: "cluster_scan" },
    { intervalMs: 20, maxIntervalMs: 100, maxWaitMs: 10_000 },
  );
  const { failed_cluster_num: failedClusters, success_cluster_num: scannedClusters } = done.failures;
  console.log(`task ${task_id} ${done.state} after ${done.polls} polls`);
  console.log(
    done.failed
      ? `failed: ${failedClusters} cluster(s) failed, ${scannedClusters} scanned`
      : `succeeded: ${scannedClusters} cluster(s) scanned`,
  );
} catch (error) {
  process.exitCode = report(error);
} finally {
  const seen = server.requests.map((request) => `${request.operation ?? request.path} ${request.status ?? "-"}`);
  console.log(`the stand-in received ${seen.length} requests: ${seen.join(", ")}`);
  await server.close();
}

/** Prints what went wrong (the library's errors never carry the SK or a token) and returns the exit code. */
function report(error: unknown): number {
  if (error instanceof TaskWaitTimeoutError || error instanceof TaskNotFoundError) {
    console.error(`${error.name}: ${error.message}`);
    return 2;
  }
  if (error instanceof HuaweiCloudSdkError) {
    console.error(`${error.name}: ${error.message}`);
    return 1;
  }
  throw error;
}
