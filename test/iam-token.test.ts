import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { iamOperations } from "../generated/iam/operations.js";
import { createHssClient } from "../src/index.js";
import { createCredentials, CredentialsError, iamAgencyToken } from "../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "./credentials/leaks.js";
import { documentedAnswers } from "./helpers/spec-examples.js";
import { DEFAULT_AK, DEFAULT_SK, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 10, imageScanTasks: 5, jobs: 5 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const requestsTo = (operation: string) => server.requests.filter((request) => request.operation === operation);
// The stand-in answers the spec's documented example: this token, expiring at this time.
const documented = documentedAnswers().get(iamOperations.keystoneCreateToken.operationId)!;
const TOKEN = documented.headers["X-Subject-Token"]!;
const EXPIRES_AT = Date.parse((documented.example as { token: { expires_at: string } }).token.expires_at);
const MINUTE = 60_000;

function agencyToken(clock: { now: number }) {
  return iamAgencyToken({
    iamEndpoint: server.url,
    credentials: async () => createCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK, source: "test" }),
    agency: { name: "ops-agency", domainName: "ops-account" },
    project: { name: "ap-southeast-1" },
    cache: { now: () => clock.now },
  });
}

describe("iamAgencyToken", () => {
  it("gets the X-Subject-Token with an AK/SK-signed assume-role request, once for concurrent callers", async () => {
    const clock = { now: EXPIRES_AT - 24 * 60 * MINUTE };
    const token = agencyToken(clock);
    expect(await Promise.all([token(), token(), token()])).toEqual([TOKEN, TOKEN, TOKEN]);
    const sent = requestsTo("KeystoneCreateToken");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      principal: { kind: "aksk", ak: DEFAULT_AK },
      body: {
        auth: {
          identity: {
            methods: ["assume_role"],
            assume_role: { agency_name: "ops-agency", domain_name: "ops-account" },
          },
          scope: { project: { name: "ap-southeast-1" } },
        },
      },
    });
  });

  it("keeps the token until 40 minutes before expires_at, then renews it once", async () => {
    const clock = { now: EXPIRES_AT - 24 * 60 * MINUTE };
    const token = agencyToken(clock);
    await token();
    clock.now = EXPIRES_AT - 41 * MINUTE;
    await token();
    expect(requestsTo("KeystoneCreateToken")).toHaveLength(1);
    clock.now = EXPIRES_AT - 39 * MINUTE;
    await Promise.all([token(), token()]);
    expect(requestsTo("KeystoneCreateToken")).toHaveLength(2);
  });

  it("a token IAM answers already expired is an error that never shows the token", async () => {
    const token = agencyToken({ now: EXPIRES_AT + MINUTE });
    const error = await rejectionOf(token());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain("answered a token that expired at");
    expectNoSecrets(error, [TOKEN, DEFAULT_SK]);
  });

  it("serves token auth: the client sends it as X-Auth-Token", async () => {
    const clock = { now: EXPIRES_AT - 24 * 60 * MINUTE };
    const restart = await startStandInServer({ tokens: [TOKEN], seed: { tasks: 10, imageScanTasks: 5, jobs: 5 } });
    try {
      const hss = createHssClient({
        projectId: restart.projectId,
        endpoint: restart.url,
        auth: { token: agencyToken(clock) },
      });
      await hss.showTaskStatistics({ task_type: "iac_scan" });
      expect(restart.requests.at(-1)).toMatchObject({ operation: "ShowTaskStatistics", principal: { kind: "token" } });
      expect(inspect(hss)).not.toContain(TOKEN);
    } finally {
      await restart.close();
    }
  });
});
