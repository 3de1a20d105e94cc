import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_DIR, ROOT } from "./runtimes/build.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
let home: string;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 10, imageScanTasks: 5, jobs: 5 } });
  // An empty home inside the repository: no profile or regions file of the machine's user is read.
  mkdirSync(CACHE_DIR, { recursive: true });
  home = mkdtempSync(join(CACHE_DIR, "iam-default-chain-home-"));
});
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

/**
 * The proof. The environment holds keys, so the default chain stops at its first source and never
 * reaches the profile file or the ECS metadata address: no network namespace is needed (and one would hide
 * the stand-in, which listens on this process's loopback). The region's real HSS endpoint is a public host,
 * so the official override variable points it at the stand-in.
 */
describe("a client created with only { region }", () => {
  it("signs with HUAWEICLOUD_SDK_AK/SK and fills {project_id} from IAM at HUAWEICLOUD_SDK_IAM_ENDPOINT", async () => {
    const env = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: home,
      HUAWEICLOUD_SDK_AK: DEFAULT_AK,
      HUAWEICLOUD_SDK_SK: DEFAULT_SK,
      HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url,
      HUAWEICLOUD_SDK_REGION_HSS_AP_SOUTHEAST_1: server.url,
    };
    const probe = join(ROOT, "test", "iam-default-chain-probe.ts");
    const args = ["--conditions=huaweicloud-task-client/source", "--import", "tsx", probe];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, timeout: 30_000 });
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).toEqual({ status: 200, total: expect.any(Number) });
    const lookup = server.requests.filter((request) => request.operation === "KeystoneListProjects");
    expect(lookup).toHaveLength(1);
    expect(lookup[0]).toMatchObject({ query: { name: "ap-southeast-1" }, principal: { kind: "aksk", ak: DEFAULT_AK } });
    const call = server.requests.filter((request) => request.operation === "ShowTaskStatistics");
    expect(call).toHaveLength(1);
    expect(call[0]).toMatchObject({
      path: `/v5/${server.projectId}/common/task-statistics`,
      principal: { kind: "aksk", ak: DEFAULT_AK },
    });
    expect(stdout).not.toContain(DEFAULT_SK);
  });
});
