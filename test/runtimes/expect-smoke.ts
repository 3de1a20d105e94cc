/**
 * Runs the smoke test's command line under a runtime and checks its summary against the stand-in server's
 * store and request log: the figures the runtime saw must be the server's, and the server must have seen the
 * token and AK/SK requests it expects (a signature it could not verify would have been a 401).
 */
import { spawn } from "node:child_process";
import { expect } from "vitest";
import { DEFAULT_AK, DEFAULT_PROJECT_ID, DEFAULT_SK, DEFAULT_TOKEN, type StandInServer } from "../server/index.js";
import { RESULT_PREFIX } from "./smoke.mjs";

export interface SmokeSummary {
  /** The digest module the signer ran on: "web-crypto" when it called crypto.subtle, else "node:crypto". */
  digest: string;
  /** The transport the calls went out through: "fetch" when the global fetch was called, else "node:http". */
  transport: string;
  statistics: { total_num: number; running_num: number };
  jobsOnPage: number;
  jobsTotal: number;
  iacTasksOnPage: number;
  iacTasksTotal: number;
  paginated: { items: number; distinct: number };
  rejected: { status: number; hasRequestId: boolean };
}

export function smokeConfig(server: StandInServer) {
  return { url: server.url, projectId: DEFAULT_PROJECT_ID, token: DEFAULT_TOKEN, ak: DEFAULT_AK, sk: DEFAULT_SK };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (bounded by `timeoutMs`), collecting its output. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env["NODE_OPTIONS"]; // vitest's loaders are not for the child
    const child = spawn(command, args, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The runtime's summary line, parsed; fails the test with the child's output when it has none. */
export function parseResult(result: RunResult): { runtime: string; summary: SmokeSummary } {
  const line = result.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  expect(line, `exit code ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBeDefined();
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(line!.slice(RESULT_PREFIX.length)) as { runtime: string; summary: SmokeSummary };
}

/** Checks a summary against the server's data and the requests it logged since the last reset. */
export function expectSmokeMatchesServer(summary: SmokeSummary, server: StandInServer): void {
  // The HSS calls name no enterprise project, so they see the default one ("0").
  const tasks = server.store.tasks.filter((task) => task.enterpriseProjectId === "0");
  const clusterTasks = tasks.filter((task) => task.data.task_type === "cluster_scan").length;
  const iacTasks = tasks.filter((task) => task.data.task_type === "iac_scan").length;
  expect(clusterTasks).toBeGreaterThan(100); // so the pagination (50 a page) spans several pages
  expect(summary.statistics.total_num).toBe(clusterTasks);
  expect(summary.jobsOnPage).toBe(5);
  expect(summary.jobsTotal).toBe(server.store.jobs.length);
  expect(summary.iacTasksOnPage).toBe(10);
  expect(summary.iacTasksTotal).toBe(iacTasks);
  expect(summary.paginated).toEqual({ items: clusterTasks, distinct: clusterTasks });
  expect(summary.rejected).toEqual({ status: 401, hasRequestId: true });

  const served = server.requests.filter((request) => request.status === 200);
  const by = (operation: string, kind: "token" | "aksk") =>
    served.filter((request) => request.operation === operation && request.principal?.kind === kind).length;
  expect(by("ShowTaskStatistics", "token")).toBe(1);
  expect(by("ListInstanceJobs", "aksk")).toBe(1);
  expect(by("ListTasks", "aksk")).toBe(1);
  expect(by("ListTasks", "token")).toBe(Math.ceil(clusterTasks / 50));
  expect(server.requests.filter((request) => request.status === 401)).toHaveLength(1);
}
