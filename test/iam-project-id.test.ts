import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHssClient, HuaweiCloudError } from "../src/index.js";
import { createCredentials, CredentialsError, type CredentialProvider } from "../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "./credentials/leaks.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 30, imageScanTasks: 5, jobs: 5 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const requestsTo = (operation: string) => server.requests.filter((request) => request.operation === operation);

/** A provider of the stand-in's keys that names the stand-in as its IAM endpoint, counting its calls. */
function standInKeys(extra: { projectId?: string; securityToken?: string; expiresAt?: Date; ak?: string } = {}) {
  let calls = 0;
  const provider: CredentialProvider = async () => {
    calls++;
    return createCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK, iamEndpoint: server.url, source: "test", ...extra });
  };
  return { provider, calls: () => calls };
}

describe("projectId looked up from the region", () => {
  it("asks IAM once (signed with the same keys), shared by concurrent first calls, and fills {project_id}", async () => {
    const keys = standInKeys();
    // region for the lookup, endpoint for the URL: both together are allowed.
    const hss = createHssClient({ region: "ap-southeast-1", endpoint: server.url, auth: keys.provider });
    const pages = await Promise.all([1, 2, 3].map(() => hss.listTasks({ task_type: "iac_scan", limit: 10 })));
    expect(pages.every((page) => Array.isArray(page.data_list))).toBe(true);
    await hss.showTaskStatistics({ task_type: "iac_scan" });
    const lookups = requestsTo("KeystoneListProjects");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ path: "/v3/projects", query: { name: "ap-southeast-1" } });
    expect(lookups[0]!.principal).toEqual({ kind: "aksk", ak: DEFAULT_AK });
    expect(requestsTo("ListTasks").map((request) => request.path.split("/")[2])).toEqual(
      Array(3).fill(server.projectId),
    );
  });

  it("uses the credentials' project id when they name one, asking IAM nothing", async () => {
    const hss = createHssClient({
      region: "ap-southeast-1",
      endpoint: server.url,
      auth: standInKeys({ projectId: server.projectId }).provider,
    });
    await hss.showTaskStatistics({ task_type: "iac_scan" });
    expect(requestsTo("KeystoneListProjects")).toHaveLength(0);
    expect(requestsTo("ShowTaskStatistics")).toHaveLength(1);
  });

  it.each([
    [[], 'IAM answered no project named "ap-southeast-1"'],
    [
      [
        { id: "p1", name: "ap-southeast-1" },
        { id: "p2", name: "ap-southeast-1" },
      ],
      'IAM answered 2 projects named "ap-southeast-1"',
    ],
  ])("refuses %j with a clear error, sends nothing to HSS, and asks again next time", async (projects, message) => {
    const hss = createHssClient({ region: "ap-southeast-1", endpoint: server.url, auth: standInKeys().provider });
    server.faults.push({ operation: "KeystoneListProjects", status: 200, body: { projects } });
    const error = await rejectionOf(hss.showTaskStatistics({ task_type: "iac_scan" }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain(message);
    expect(error.message).toContain(`KeystoneListProjects on ${server.url}`);
    expectNoSecrets(error, [DEFAULT_SK]);
    expect(requestsTo("ShowTaskStatistics")).toHaveLength(0);
    // The failure was not kept: the stand-in's documented answer (one project) now lets the call through.
    await hss.showTaskStatistics({ task_type: "iac_scan" });
    expect(requestsTo("KeystoneListProjects")).toHaveLength(2);
    expect(requestsTo("ShowTaskStatistics")).toHaveLength(1);
  });

  it("without region or credentials' project id, the call fails naming the option", async () => {
    const hss = createHssClient({ endpoint: server.url, auth: standInKeys().provider });
    const error = await rejectionOf(hss.showTaskStatistics({ task_type: "iac_scan" }));
    expect(error.message).toMatch(/needs the client option projectId/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("temporary keys refused with 401", () => {
  it("renews once, shared by concurrent calls, and sends each call once more", async () => {
    let calls = 0;
    // The first keys are unknown to the stand-in (401); the renewed ones are its own.
    const provider: CredentialProvider = async () => {
      calls++;
      const ak = calls === 1 ? "REVOKEDAK00000000001" : DEFAULT_AK;
      return createCredentials({
        ak,
        sk: DEFAULT_SK,
        securityToken: "temporary-token",
        expiresAt: new Date(Date.now() + 3_600_000),
        source: "test",
      });
    };
    const hss = createHssClient({ projectId: server.projectId, endpoint: server.url, auth: provider, retry: false });
    const results = await Promise.all([1, 2, 3].map(() => hss.showTaskStatistics({ task_type: "iac_scan" })));
    expect(results).toHaveLength(3);
    expect(calls).toBe(2);
    expect(
      requestsTo("ShowTaskStatistics")
        .map((request) => request.status)
        .sort(),
    ).toEqual([200, 200, 200, 401, 401, 401]);
  });

  it("does not renew permanent keys: the 401 is the caller's", async () => {
    let calls = 0;
    const provider: CredentialProvider = async () => (
      calls++,
      createCredentials({ ak: "REVOKEDAK00000000001", sk: DEFAULT_SK, source: "test" })
    );
    const hss = createHssClient({ projectId: server.projectId, endpoint: server.url, auth: provider, retry: false });
    const error = await rejectionOf(hss.showTaskStatistics({ task_type: "iac_scan" }));
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect((error as HuaweiCloudError).status).toBe(401);
    expect(calls).toBe(1);
    expectNoSecrets(error, [DEFAULT_SK]);
  });
});
