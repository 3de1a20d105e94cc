// examples/wait-for-scan.ts as a user runs it: it starts the stand-in through the testing entry, creates a
// cluster scan, waits for it with waitForTask and reports the outcome; with --forbidden, the API error.
import { describe, expect, it } from "vitest";
import { runExample } from "./helpers/run-example.js";
import { DEFAULT_SK } from "./server/index.js";

const TIMEOUT_MS = 60_000;

describe("examples/wait-for-scan.ts", () => {
  it(
    "creates a cluster scan, waits until the scripted task finishes and reports its failed cluster",
    async () => {
      const { code, stdout, stderr } = await runExample("wait-for-scan.ts");
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const taskId = /^created cluster_scan task ([0-9a-f-]{36})$/m.exec(stdout)?.[1];
      expect(taskId).toBeDefined();
      // ready for one ListTasks call, running for two, finished on the fourth (the example's script).
      expect(stdout).toContain(`task ${taskId} finished after 4 polls`);
      expect(stdout).toContain("failed: 1 cluster(s) failed, 2 scanned");
      expect(stdout).toContain(
        "received 5 requests: CreateTask 200, ListTasks 200, ListTasks 200, ListTasks 200, ListTasks 200",
      );
    },
    TIMEOUT_MS,
  );

  it(
    "reports an API error during the wait with its status, code and request id, and exits 1",
    async () => {
      const { code, stdout, stderr } = await runExample("wait-for-scan.ts", ["--forbidden"]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^HuaweiCloudError: ListTasks failed with HTTP 403: HSS\.\d+: .+\(request id [0-9a-f]{32}\)\n$/,
      );
      expect(stdout).toContain("received 2 requests: CreateTask 200, ListTasks 403");
      expect(stdout + stderr).not.toContain(DEFAULT_SK);
    },
    TIMEOUT_MS,
  );
});
