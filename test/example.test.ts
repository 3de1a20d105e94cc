// `npm run example` (examples/run.ts) as a user runs it: a subprocess, stdout and stderr piped (so not a TTY),
// against the stand-in server it starts itself, and its configuration and API-error exits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runExample, type ExampleRun } from "./helpers/run-example.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "./server/index.js";

const TIMEOUT_MS = 90_000;

type Run = ExampleRun;

/** `npm run example`. */
function runTour(env: NodeJS.ProcessEnv): Promise<Run> {
  return runExample("run.ts", [], env);
}

/** The number in `column` of the table row that starts with `label`. */
function cell(text: string, label: string, column: number): number {
  const row = text.split("\n").find((line) => line.trimStart().startsWith(`${label} `));
  if (row === undefined) throw new Error(`no row ${JSON.stringify(label)} in:\n${text}`);
  const cells = row.trim().split(/\s{2,}/);
  return Number(cells[column]);
}

/** The lines of the section that starts with `heading`, up to the next blank line. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`no section ${JSON.stringify(heading)} in:\n${text}`);
  const end = text.indexOf("\n\n", start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end);
}

/** Sum of the last column of a table's data rows (the lines after the rule). */
function columnSum(table: string): number {
  const lines = table.split("\n");
  const rule = lines.findIndex((line) => /^\s*-+(\s+-+)*\s*$/.test(line));
  return lines.slice(rule + 1).reduce((sum, line) => sum + Number(line.trim().split(/\s+/).at(-1)), 0);
}

describe("npm run example against the stand-in server", () => {
  let run: Run;
  beforeAll(async () => {
    run = await runTour(cleanEnv());
  }, TIMEOUT_MS);

  it("exits 0 and says where it ran", () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /target {3}stand-in server at http:\/\/127\.0\.0\.1:\d+ \(seeded with 600 tasks and 300 SWR jobs\)/,
    );
  });

  it("creates an iac_scan task and finds it again while paging", () => {
    const created = /created task ([0-9a-f-]{36}): iac_scan of Dockerfile \S+/.exec(run.stdout);
    expect(created).not.toBeNull();
    expect(run.stdout).toContain(`the new task ${created![1]} is in the list, status running`);
  });

  it("shows the statistics of both task types, matching what paging finds", () => {
    const stats = section(run.stdout, "2. ShowTaskStatistics");
    const clusterTotal = cell(stats, "cluster_scan", 1);
    const iacTotal = cell(stats, "iac_scan", 1);
    // The 600 seeded tasks plus the one just created, over both types.
    expect(clusterTotal + iacTotal).toBe(601);
    expect(cell(stats, "iac_scan", 2)).toBeGreaterThanOrEqual(1); // at least the new, running task
    expect(run.stdout).toContain(`ListTasks (cluster_scan): ${clusterTotal} tasks in 2 pages`);
    expect(run.stdout).toContain(`ListTasks (iac_scan): ${iacTotal} tasks in 2 pages`);
  });

  it("pages through every task and job", () => {
    expect(run.stdout).toContain("601 tasks seen in all");
    expect(run.stdout).toContain("ListInstanceJobs: 300 jobs in 3 pages");
  });

  it("prints the summary table: requests, pages and items per operation", () => {
    const summary = section(run.stdout, "Summary");
    expect(summary).toMatch(/operation\s+requests\s+pages\s+items\s+time/);
    expect([cell(summary, "CreateTask", 1), cell(summary, "CreateTask", 3)]).toEqual([1, 1]);
    expect(cell(summary, "ShowTaskStatistics", 1)).toBe(2);
    for (const type of ["cluster_scan", "iac_scan"]) {
      expect(cell(summary, `ListTasks (${type})`, 1)).toBe(2);
      expect(cell(summary, `ListTasks (${type})`, 2)).toBe(2);
    }
    expect(cell(summary, "ListTasks (cluster_scan)", 3) + cell(summary, "ListTasks (iac_scan)", 3)).toBe(601);
    expect([1, 2, 3].map((column) => cell(summary, "ListInstanceJobs", column))).toEqual([3, 3, 300]);
    expect(cell(summary, "total", 1)).toBe(10);
  });

  it("counts tasks and jobs by status", () => {
    const tasks = section(run.stdout, "Tasks by status (601)");
    expect(tasks).toMatch(/finished\s+\d+/);
    expect(columnSum(tasks)).toBe(601);
    const jobs = section(run.stdout, "SWR jobs by status (300)");
    expect(jobs).toMatch(/Success\s+\d+/);
    expect(columnSum(jobs)).toBe(300);
  });

  it("without a TTY, writes one plain progress line per page to stderr", () => {
    expect(run.stderr).not.toContain("\r");
    const lines = run.stderr.split("\n").filter((line) => line.includes(": page "));
    expect(lines.filter((line) => line.includes("ListInstanceJobs"))).toEqual([
      "   ListInstanceJobs: page 1 · 100/300 jobs (33%)",
      "   ListInstanceJobs: page 2 · 200/300 jobs (67%)",
      "   ListInstanceJobs: page 3 · 300/300 jobs (100%)",
    ]);
    expect(lines.filter((line) => line.includes("ListTasks"))).toHaveLength(4);
  });

  it("never prints the SK", () => {
    expect(run.stdout + run.stderr).not.toContain(DEFAULT_SK);
  });
});

describe("npm run example: configuration and API errors", () => {
  it(
    "exits 2 naming HUAWEICLOUD_SDK_SK when only HUAWEICLOUD_SDK_AK is set",
    async () => {
      const { code, stdout, stderr } = await runTour(cleanEnv({ HUAWEICLOUD_SDK_AK: DEFAULT_AK }));
      expect(code).toBe(2);
      expect(stderr).toMatch(/^configuration error: HUAWEICLOUD_SDK_SK is not set\./);
      expect(stdout).toBe(""); // nothing started, nothing sent
    },
    TIMEOUT_MS,
  );

  describe("against a server that rejects the signature", () => {
    let server: StandInServer;
    beforeAll(async () => {
      server = await startStandInServer({ seed: { tasks: 20, imageScanTasks: 0, jobs: 5 } });
    });
    afterAll(() => server.close());

    it(
      "exits 1 with the status, error code and request id, and without the SK",
      async () => {
        const wrongSk = "not-the-right-secret-key";
        const { code, stdout, stderr } = await runTour(
          cleanEnv({
            HUAWEICLOUD_SDK_AK: DEFAULT_AK,
            HUAWEICLOUD_SDK_SK: wrongSk,
            HUAWEICLOUD_PROJECT_ID: server.projectId,
            HUAWEICLOUD_ENDPOINT: server.url,
            HUAWEICLOUD_SWR_ENDPOINT: server.url,
          }),
        );
        expect(code).toBe(1);
        expect(stdout).toContain("creating a scan task on the real cloud uses HSS quota");
        const logged = server.requests.filter((request) => request.operation === "ShowTaskStatistics");
        expect(logged.length).toBeGreaterThan(0);
        expect(server.requests.some((request) => request.operation === "CreateTask")).toBe(false);
        expect(stderr).toContain("error: ShowTaskStatistics failed with HTTP 401");
        expect(stderr).toMatch(/error code {2}APIGW\.0301/);
        // The two statistics calls run together; the error shown is whichever was answered first.
        expect(logged.some((request) => stderr.includes(`request id  ${request.requestId}`))).toBe(true);
        expect(stdout + stderr).not.toContain(wrongSk);
      },
      TIMEOUT_MS,
    );

    it(
      "uses the default credential chain, and looks the project id up from HUAWEICLOUD_REGION when none is set",
      async () => {
        const { code, stdout } = await runTour(
          cleanEnv({
            HUAWEICLOUD_SDK_AK: DEFAULT_AK,
            HUAWEICLOUD_SDK_SK: DEFAULT_SK,
            HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url,
            HUAWEICLOUD_REGION: "ap-southeast-1",
            HUAWEICLOUD_ENDPOINT: server.url,
            HUAWEICLOUD_SWR_ENDPOINT: server.url,
          }),
        );
        expect(code).toBe(0);
        expect(stdout).toContain("looked up from the region");
        expect(stdout).toContain("from the default credential chain");
        const lookups = server.requests.filter((request) => request.operation === "KeystoneListProjects");
        // Once per client: the HSS client and the SWR client.
        expect(lookups.map((request) => request.principal)).toEqual(Array(2).fill({ kind: "aksk", ak: DEFAULT_AK }));
        expect(stdout).not.toContain(DEFAULT_SK);
      },
      TIMEOUT_MS,
    );
  });
});
