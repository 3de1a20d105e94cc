import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { iamOperations } from "../generated/iam/operations.js";
import { createHssClient } from "../src/index.js";
import { createIamClient } from "../generated/iam/client.js";
import { InvalidInputError } from "../src/index.js";
import { createCredentials, CredentialsError, iamAgencyToken, iamPasswordToken } from "../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "./credentials/leaks.js";
import { documentedAnswers } from "./helpers/spec-examples.js";
import { json, startHostileServer, type HostileServer } from "./hostile/servers.js";
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

  it.each([
    ["agency", agencyToken],
    ["password", (clock: { now: number }) => passwordToken(clock)],
  ])("keeps the %s token until 40 minutes before expires_at, then renews it once", async (_, provider) => {
    const clock = { now: EXPIRES_AT - 24 * 60 * MINUTE };
    const token = provider(clock);
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

const PASSWORD = "Pa55word-never-shown";

const passwordOptions = {
  domainName: "ops-account",
  userName: "ops-user",
  password: PASSWORD,
  projectName: "ap-southeast-1",
};

function passwordToken(clock: { now: number }, password = PASSWORD) {
  return iamPasswordToken({ ...passwordOptions, password, iamEndpoint: server.url, cache: { now: () => clock.now } });
}

describe("iamPasswordToken", () => {
  it("gets the X-Subject-Token with a password request sent without credentials, once for concurrent callers", async () => {
    const token = passwordToken({ now: EXPIRES_AT - 24 * 60 * MINUTE });
    expect(await Promise.all([token(), token()])).toEqual([TOKEN, TOKEN]);
    const sent = requestsTo("KeystoneCreateToken");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers["authorization"]).toBeUndefined();
    expect(sent[0]!.headers["x-auth-token"]).toBeUndefined();
    expect(sent[0]).toMatchObject({
      principal: { kind: "anonymous" },
      query: { nocatalog: "true" },
      body: {
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { domain: { name: "ops-account" }, name: "ops-user", password: PASSWORD } },
          },
          scope: { project: { name: "ap-southeast-1" } },
        },
      },
    });
  });

  it("scopes the token to a project id when given one", async () => {
    const token = iamPasswordToken({
      iamEndpoint: server.url,
      domainName: "ops-account",
      userName: "ops-user",
      password: PASSWORD,
      projectId: server.projectId,
      cache: { now: () => EXPIRES_AT - 24 * 60 * MINUTE },
    });
    expect(await token()).toBe(TOKEN);
    expect(requestsTo("KeystoneCreateToken")[0]).toMatchObject({
      body: { auth: { scope: { project: { id: server.projectId } } } },
    });
  });

  it("never shows the password or the token: an expired token, bad options, the provider itself", async () => {
    const token = passwordToken({ now: EXPIRES_AT + MINUTE });
    const error = await rejectionOf(token());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain("answered a token that expired at");
    expectNoSecrets(error, [TOKEN, PASSWORD]);
    expectNoSecrets(token, [PASSWORD]);
    let thrown: unknown;
    try {
      iamPasswordToken({ domainName: "d", userName: "u", password: PASSWORD });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expectNoSecrets(thrown, [PASSWORD]);
  });

  it("an input error on a password field, or on an object holding one, shows neither password", async () => {
    const iam = createIamClient({ endpoint: server.url, auth: "none" });
    const wrongType = await rejectionOf(
      iam.keystoneCreateToken({
        auth: {
          identity: {
            methods: ["password"],
            // @ts-expect-error a password that is not a string
            password: { user: { domain: { name: "d" }, name: "u", password: [PASSWORD] } },
          },
        },
      }),
    );
    expect(wrongType).toBeInstanceOf(InvalidInputError);
    expect((wrongType as InvalidInputError).field).toBe("auth.identity.password.user.password");
    expectNoSecrets(wrongType, [PASSWORD]);
    const holding = await rejectionOf(
      iam.keystoneCreateToken({
        // @ts-expect-error an identity that is an array, holding a password
        auth: { identity: [{ password: { user: { password: PASSWORD } } }] },
      }),
    );
    expect(holding).toBeInstanceOf(InvalidInputError);
    expect(holding.message).toContain("auth.identity");
    expectNoSecrets(holding, [PASSWORD]);
    expect(requestsTo("KeystoneCreateToken")).toHaveLength(0);
  });

  it("without credentials only KeystoneCreateToken is served: other operations get 401", async () => {
    const bare = await fetch(`${server.url}/v3/projects?name=ap-southeast-1`);
    expect(bare.status).toBe(401);
    const hss = await fetch(`${server.url}/v5/${server.projectId}/common/task-statistics?task_type=iac_scan`);
    expect(hss.status).toBe(401);
    // A client with auth "none" refuses such a call before sending it.
    const iam = createIamClient({ endpoint: server.url, auth: "none" });
    const error = await rejectionOf(iam.keystoneListProjects({ name: "ap-southeast-1" }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain("KeystoneListProjects needs credentials");
    expect(requestsTo("KeystoneListProjects")).toHaveLength(1); // the bare fetch only
  });

  it("credentials sent to KeystoneCreateToken are still checked: a wrong token is refused", async () => {
    const iam = createIamClient({ endpoint: server.url, auth: { token: "not-a-known-token" } });
    const error = await rejectionOf(
      iam.keystoneCreateToken({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { domain: { name: "d" }, name: "u", password: PASSWORD } },
          },
        },
      }),
    );
    expect(error).toMatchObject({ status: 401 });
    expectNoSecrets(error, [PASSWORD]);
  });
});

describe("a 401 renews an IAM token", () => {
  // A stand-in IAM that issues token A, then B; the service knows B only, so it answers 401 to A.
  const [A, B] = ["iam-token-A-0123456789", "iam-token-B-0123456789"];
  let iam: HostileServer;
  beforeAll(async () => {
    // The request log counts the requests, this one included.
    iam = await startHostileServer((_, response) =>
      json(response, documented.status, documented.example, { "X-Subject-Token": iam.requests.length === 1 ? A : B }),
    );
  });
  afterAll(() => iam.close());
  beforeEach(() => {
    iam.requests.length = 0;
  });

  const now = () => EXPIRES_AT - 24 * 60 * MINUTE;
  const variants = {
    password: () => iamPasswordToken({ ...passwordOptions, iamEndpoint: iam.url, cache: { now } }),
    agency: () =>
      iamAgencyToken({
        iamEndpoint: iam.url,
        credentials: async () => createCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK, source: "test" }),
        agency: { name: "ops-agency", domainName: "ops-account" },
        project: { name: "ap-southeast-1" },
        cache: { now },
      }),
  };

  it.each(Object.keys(variants) as (keyof typeof variants)[])(
    "%s: concurrent calls refused with the old token share one renewal and succeed with the new one",
    async (variant) => {
      const service = await startStandInServer({ tokens: [B], seed: { tasks: 2, imageScanTasks: 1, jobs: 1 } });
      try {
        const hss = createHssClient({
          projectId: service.projectId,
          endpoint: service.url,
          auth: { token: variants[variant]() },
        });
        const answers = await Promise.all([1, 2, 3].map(() => hss.showTaskStatistics({ task_type: "iac_scan" })));
        expect(answers.every((answer) => typeof answer.total_num === "number")).toBe(true);
        expect(iam.requests.map((request) => request.url)).toEqual([
          "/v3/auth/tokens?nocatalog=true",
          "/v3/auth/tokens?nocatalog=true",
        ]);
        const sent = service.requests.filter((request) => request.operation === "ShowTaskStatistics");
        expect(sent.filter((request) => request.status === 401)).toHaveLength(3);
        expect(sent.filter((request) => request.status === 200)).toHaveLength(3);
      } finally {
        await service.close();
      }
    },
  );

  it("invalidate drops only the kept token: another token is ignored, and the next call fetches afresh", async () => {
    const token = variants.password();
    expect(await token()).toBe(A);
    token.invalidate("some-other-token");
    expect(await token()).toBe(A);
    expect(iam.requests).toHaveLength(1);
    token.invalidate(A);
    token.invalidate(A);
    expect(await Promise.all([token(), token()])).toEqual([B, B]);
    token.invalidate(A); // a late 401 for the old token leaves the new one alone
    expect(await token()).toBe(B);
    expect(iam.requests).toHaveLength(2);
  });
});
