import { describe, expect, it } from "vitest";
import { createHssClient, createSwrClient, InvalidInputError, type ClientOptions } from "../../src/index.js";
import { expectNoSecret, hssOn, json, rejection, SECURITY_TOKEN, SK, TOKEN, useHostileServer } from "./servers.js";
import { verifySignature } from "../../src/testing/engine/verify-signature.js";

// Issue 11 items 2, 4, 7, 10, 11: hostile inputs are refused before anything is sent, or sent exactly as checked.

const api = useHostileServer((_, response) => json(response, 200, { total_num: 0, data_list: [] }));

const base = (): ClientOptions => ({ projectId: "p1", endpoint: api.url, auth: { token: TOKEN } });

describe("path values cannot escape their segment (item 2)", () => {
  it.each(["..", ".", ""])("projectId %j is refused when the client is built, for HSS and SWR", (projectId) => {
    for (const create of [createHssClient, createSwrClient])
      expect(() => create({ ...base(), projectId })).toThrow(/projectId/);
    expect(api.requests).toHaveLength(0);
  });

  it("projectId is held to the spec's length (HSS: 1 to 256 characters), and the message cuts the value", () => {
    const long = "p".repeat(1_000);
    expect(() => createHssClient({ ...base(), projectId: long })).toThrow(
      /projectId: expected a string of 1 to 256 characters/,
    );
    let message = "";
    try {
      createHssClient({ ...base(), projectId: long });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.length).toBeLessThan(400);
  });

  it("a projectId with / or %2e%2e stays inside its segment: encoded, not resolved", async () => {
    await hssOn(api, { projectId: "a/../b" }).showTaskStatistics({ task_type: "iac_scan" });
    await hssOn(api, { projectId: "%2e%2e" }).showTaskStatistics({ task_type: "iac_scan" });
    expect(api.requests.map((request) => request.url.split("?")[0])).toEqual([
      "/v5/a%2F..%2Fb/common/task-statistics",
      "/v5/%252e%252e/common/task-statistics",
    ]);
  });

  it("a path value with a lone surrogate is sent as U+FFFD (as a query value is) and signed, not a bare URIError", async () => {
    const sk = "inputs-sk";
    const client = hssOn(api, { projectId: "p\ud800", auth: { ak: "INPUTSAK", sk } });
    await client.showTaskStatistics({ task_type: "iac_scan", enterprise_project_id: "e\udc00" });
    const seen = api.requests[0]!;
    expect(seen.url).toBe("/v5/p%EF%BF%BD/common/task-statistics?enterprise_project_id=e%EF%BF%BD&task_type=iac_scan");
    const received = { method: seen.method, rawUrl: seen.url, headers: seen.headers, body: Buffer.from(seen.body) };
    expect(verifySignature(received, (ak) => (ak === "INPUTSAK" ? sk : undefined))).toMatchObject({ ok: true });
  });

  it("raw writes a path value's lone surrogate as U+FFFD too, the same path the methods send, not a bare URIError", async () => {
    const client = hssOn(api, { projectId: "p1" });
    const { response } = await client.raw.GET("/v5/{project_id}/common/task-statistics", {
      params: { path: { project_id: "p\ud800q" }, query: { task_type: "iac_scan" } },
    });
    expect(response.status).toBe(200);
    await hssOn(api, { projectId: "p\ud800q" }).showTaskStatistics({ task_type: "iac_scan" });
    const paths = api.requests.map((request) => request.url.split("?")[0]);
    expect(paths).toEqual(["/v5/p%EF%BF%BDq/common/task-statistics", "/v5/p%EF%BF%BDq/common/task-statistics"]);
  });

  it.each([
    ["a path", "http://127.0.0.1:1/v5"],
    ["a query", "http://127.0.0.1:1/?x=1"],
    ["an empty query", "http://127.0.0.1:1?"],
    ["a fragment", "http://127.0.0.1:1/#top"],
    ["an empty fragment", "http://127.0.0.1:1#"],
    ["user-info", "http://user:hunter2@127.0.0.1:1"],
    ["empty user-info", "http://@127.0.0.1:1"],
    ["another scheme", "ftp://127.0.0.1:1"],
    ["no URL at all", "127.0.0.1:1"],
  ])("an endpoint with %s is refused (never quoting it: user-info is a password)", (_, endpoint) => {
    expect(() => createHssClient({ ...base(), endpoint })).toThrow(/endpoint: expected an origin/);
    try {
      createHssClient({ ...base(), endpoint });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("an endpoint that is an origin is accepted: trailing slash, upper case, port, IPv6", async () => {
    for (const endpoint of [`${api.url}/`, api.url.toUpperCase().replace("HTTP", "http")]) {
      await hssOn(api, { endpoint }).showTaskStatistics({ task_type: "iac_scan" });
    }
    expect(api.requests.map((request) => request.url.split("?")[0])).toEqual([
      "/v5/p1/common/task-statistics",
      "/v5/p1/common/task-statistics",
    ]);
    expect(() => createHssClient({ ...base(), endpoint: "https://[::1]:8443" })).not.toThrow();
  });
});

describe("header values are checked before use, and secrets never quoted (item 4)", () => {
  it("a token, AK or security token with CR/LF is refused at creation, naming the field only", () => {
    const cases: [ClientOptions["auth"], RegExp][] = [
      [{ token: `${TOKEN}\r\nX-Evil: 1` }, /auth\.token/],
      [{ ak: "AK\nX", sk: SK }, /auth\.ak/],
      [{ ak: "AK", sk: SK, securityToken: `${SECURITY_TOKEN}\n` }, /auth\.securityToken/],
      [{ token: `${TOKEN}\u2028` }, /auth\.token/],
    ];
    for (const [auth, field] of cases) {
      let error: Error | undefined;
      try {
        createHssClient({ ...base(), auth });
      } catch (thrown) {
        error = thrown as Error;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toMatch(field);
      expectNoSecret(error!.message);
    }
  });

  it("a token provider answering CR/LF fails the call without quoting it, and nothing is sent", async () => {
    const error: Error = await rejection(
      hssOn(api, { auth: { token: async () => `${TOKEN}\r\n` } }).showTaskStatistics({ task_type: "iac_scan" }),
    );
    expect(error.message).toMatch(/auth\.token\(\): expected a value usable in an HTTP header/);
    expectNoSecret(error.message);
    expect(api.requests).toHaveLength(0);
  });

  it("a userAgent with CR/LF is refused at creation", () => {
    expect(() => createHssClient({ ...base(), userAgent: "ua\r\nX-Evil: 1" })).toThrow(
      /userAgent: expected a header value/,
    );
  });
});

describe("only own properties count (item 7)", () => {
  it.each([
    ["constructor at the top level", { task_type: "iac_scan", constructor: "x" }, "constructor"],
    ["toString at the top level", { task_type: "iac_scan", toString: "x" }, "toString"],
    ["a JSON __proto__ at the top level", JSON.parse('{"task_type":"iac_scan","__proto__":{"limit":10}}'), "__proto__"],
    [
      "constructor nested",
      { task_type: "iac_scan", iac_scan_info: { constructor: "dockerfile" } },
      "iac_scan_info.constructor",
    ],
    [
      "a JSON __proto__ nested",
      { task_type: "iac_scan", iac_scan_info: JSON.parse('{"__proto__":{"file_type":"x"}}') },
      "iac_scan_info.__proto__",
    ],
  ])("%s is an unknown field, refused unsent", async (_, input, field) => {
    const error: InvalidInputError = await rejection(hssOn(api).listTasks(input as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field, attempts: 0 });
    expect(error.expected).toMatch(/^no such field/);
    expect(api.requests).toHaveLength(0);
  });
});

describe("error messages show values bounded and as they are (item 10)", () => {
  it("a 10 MB string is cut; NaN, Infinity and bigints print as written", async () => {
    const huge: InvalidInputError = await rejection(
      hssOn(api).listTasks({ task_type: "x".repeat(10_000_000) as never }),
    );
    expect(huge.message.length).toBeLessThan(400);
    expect(huge.message).toMatch(/… \(9999900 more characters\)/);
    expect((huge.value as string).length).toBe(10_000_000); // the field keeps it whole
    const shown = async (limit: unknown) =>
      ((await rejection(hssOn(api).listTasks({ task_type: "iac_scan", limit: limit as number }))) as Error).message;
    expect(await shown(NaN)).toMatch(/got NaN$/);
    expect(await shown(-Infinity)).toMatch(/got -Infinity$/);
    expect(await shown(50n)).toMatch(/got 50n$/);
    expect(await shown([1, 2n, NaN])).toMatch(/got \[1,"2n","NaN"\]$/);
    expect(api.requests).toHaveLength(0);
  });
});

describe("input is snapshotted when checked (item 11)", () => {
  it("every retry sends exactly the bytes that were checked, and signs them", async () => {
    const scanTypes = ["cluster_vul"];
    let seen = 0;
    api.handler = (_, response) => {
      // While the call waits to retry, the caller's array changes: an invalid value and an extra one.
      if (++seen === 1) scanTypes.push("not-a-scan-type");
      json(response, seen < 3 ? 503 : 200, seen < 3 ? {} : { total_num: 0, data_list: [] });
    };
    const input = {
      task_type: "cluster_scan" as const,
      cluster_scan_info: { scan_type_list: scanTypes as ("cluster_vul" | "benchmark")[] },
    };
    await hssOn(api, { auth: { ak: "HOSTILEAK", sk: SK } }).listTasks(input);
    expect(api.requests).toHaveLength(3);
    expect(new Set(api.requests.map((request) => request.body))).toEqual(
      new Set(['{"task_type":"cluster_scan","cluster_scan_info":{"scan_type_list":["cluster_vul"]}}']),
    );
    // The signature covers the body's hash: identical bodies, each signed on its own attempt.
    expect(
      api.requests.every((request) => /Signature=[0-9a-f]{64}$/.test(String(request.headers["authorization"]))),
    ).toBe(true);
  });

  it("a getter is read once: the value checked is the value sent", async () => {
    let reads = 0;
    const input = {
      get task_type() {
        return reads++ === 0 ? "iac_scan" : "not-a-type";
      },
    };
    await hssOn(api).listTasks(input as never);
    expect(reads).toBe(1);
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ task_type: "iac_scan" });
  });
});
