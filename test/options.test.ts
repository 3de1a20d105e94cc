import { describe, expect, it } from "vitest";
import {
  createHssClient,
  createSwrClient,
  type AuthOptions,
  type ClientOptions,
  type HssClientOptions,
} from "../src/index.js";

const SECRETS = { token: "tok-SECRET-1", ak: "AK-SECRET-2", sk: "SK-SECRET-3", securityToken: "ST-SECRET-4" };

/** A fetch that records each request and answers `{}`: what a client sends, without a network. */
function recordingFetch() {
  const sent: Request[] = [];
  const fetch = async (request: Request) => (
    sent.push(request),
    new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } })
  );
  return { sent, fetch };
}

/** The TypeError a factory throws for `options`, checked to carry none of the secrets. */
function optionsError(create: () => unknown): TypeError {
  let thrown: unknown;
  try {
    create();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  const message = (thrown as TypeError).message;
  for (const secret of Object.values(SECRETS)) expect(message).not.toContain(secret);
  return thrown as TypeError;
}

describe("auth shapes", () => {
  it.each([
    [{ token: SECRETS.token, ak: SECRETS.ak, sk: SECRETS.sk }, "token, ak, sk"],
    [{ token: SECRETS.token, securityToken: SECRETS.securityToken }, "token, securityToken"],
    [
      { token: () => SECRETS.token, ak: SECRETS.ak, sk: SECRETS.sk, securityToken: SECRETS.securityToken },
      "token, ak, sk, securityToken",
    ],
  ])("refuses a token mixed with AK/SK fields, naming the fields and never their values (%#)", (auth, fields) => {
    const error = optionsError(() =>
      createHssClient({ projectId: "p", region: "ap-southeast-1", auth: auth as unknown as AuthOptions }),
    );
    expect(error.message).toBe(
      `auth: expected one of { token }, { ak, sk }, a credential provider or "none", not a token with AK/SK fields: got ${fields}`,
    );
  });

  it("counts a field set to undefined as absent", async () => {
    const { sent, fetch } = recordingFetch();
    const auth = { ak: SECRETS.ak, sk: SECRETS.sk, securityToken: undefined, token: undefined };
    await createHssClient({ projectId: "p", region: "ap-southeast-1", auth, fetch }).showTaskStatistics({
      task_type: "iac_scan",
    });
    expect(sent[0]!.headers.get("Authorization")).toMatch(/^SDK-HMAC-SHA256 Access=AK-SECRET-2,/);
    expect(sent[0]!.headers.has("X-Auth-Token")).toBe(false);
    await createHssClient({
      projectId: "p",
      region: "ap-southeast-1",
      auth: { token: SECRETS.token, ak: undefined },
      fetch,
    }).showTaskStatistics({ task_type: "iac_scan" });
    expect(sent[1]!.headers.get("X-Auth-Token")).toBe(SECRETS.token);
  });

  it("refuses auth with neither shape", () => {
    for (const auth of [{}, { token: undefined }, null, "None", "token"]) {
      const error = optionsError(() =>
        createSwrClient({ projectId: "p", region: "ap-southeast-1", auth: auth as unknown as AuthOptions }),
      );
      expect(error.message).toBe('auth: expected one of { token }, { ak, sk }, a credential provider or "none"');
    }
  });
});

describe("region and endpoint", () => {
  it("refuses options with neither region nor endpoint (also both undefined)", () => {
    const without = [{}, { region: undefined, endpoint: undefined }];
    for (const placement of without) {
      const options = { projectId: "p", auth: { token: SECRETS.token }, ...placement } as unknown as ClientOptions;
      expect(optionsError(() => createHssClient(options)).message).toBe("hss: expected either region or endpoint");
      expect(optionsError(() => createSwrClient(options)).message).toBe("swr: expected either region or endpoint");
    }
  });

  it("sends to the endpoint when both are given, and accepts a region newer than the spec there", async () => {
    const { sent, fetch } = recordingFetch();
    const options = { projectId: "p", auth: { token: SECRETS.token }, fetch } as const;
    await createHssClient({ ...options, region: "ap-southeast-1", endpoint: "http://127.0.0.1:9" }).showTaskStatistics({
      task_type: "iac_scan",
    });
    await createSwrClient({ ...options, region: "xx-newregion-9", endpoint: "http://127.0.0.1:9" }).listInstanceJobs();
    expect(sent.map((request) => new URL(request.url).origin)).toEqual(["http://127.0.0.1:9", "http://127.0.0.1:9"]);
  });

  it("refuses a region newer than the spec without an endpoint, listing the known ones", () => {
    const options: HssClientOptions = { projectId: "p", region: "xx-newregion-9", auth: { token: SECRETS.token } };
    expect(optionsError(() => createHssClient(options)).message).toMatch(
      /^hss: unknown region "xx-newregion-9"; known regions: .*ap-southeast-1.* \(or pass endpoint\)$/,
    );
  });

  it("treats undefined optional options as absent", async () => {
    const { sent, fetch } = recordingFetch();
    const client = createHssClient({
      projectId: "p",
      region: "ap-southeast-1",
      endpoint: undefined,
      auth: { token: SECRETS.token },
      fetch,
      timeoutMs: undefined,
      retry: undefined,
      signal: undefined,
      userAgent: undefined,
      maxResponseBytes: undefined,
    });
    await client.showTaskStatistics({ task_type: "iac_scan" }, { signal: undefined, timeoutMs: undefined });
    expect(sent[0]!.url).toBe(
      "https://hss.ap-southeast-1.myhuaweicloud.com/v5/p/common/task-statistics?task_type=iac_scan",
    );
  });
});

describe("optional inputs set to undefined", () => {
  it("are left out of the query and the body, at every depth", async () => {
    const { sent, fetch } = recordingFetch();
    const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { token: SECRETS.token }, fetch });
    await hss.listTasks({
      task_type: "cluster_scan",
      limit: undefined,
      offset: 10,
      task_name: undefined,
      cluster_scan_info: { scan_type_list: undefined },
    });
    expect(new URL(sent[0]!.url).search).toBe("?offset=10");
    expect(await sent[0]!.json()).toEqual({ task_type: "cluster_scan", cluster_scan_info: {} });
  });
});
