import { describe, expect, it } from "vitest";
import { RedirectError } from "../../src/index.js";
import { expectNoSecret, hssOn, json, rejection, SECURITY_TOKEN, SK, TOKEN, useHostileServer } from "./servers.js";

// Issue 11 item 1: a redirect must never carry credentials or the body anywhere; the policy is "refuse".

const api = useHostileServer();
const other = useHostileServer((_, response) => json(response, 200, { total_num: 0, data_list: [] }));

const redirectTo = (status: number, location: () => string) => {
  api.handler = (_, response) => {
    response.writeHead(status, { Location: location(), "X-Request-Id": "redirect-req" });
    response.end();
  };
};

describe("redirects are refused, never followed", () => {
  it.each([307, 308, 302, 301, 303])(
    "a %i to another origin: RedirectError, nothing reaches the other origin, no retry",
    async (status) => {
      redirectTo(status, () => `${other.url}/v5/p1/common/tasks/batch-query`);
      for (const auth of [{ token: TOKEN }, { ak: "HOSTILEAK", sk: SK, securityToken: SECURITY_TOKEN }]) {
        const error: RedirectError = await rejection(hssOn(api, { auth }).listTasks({ task_type: "iac_scan" }));
        expect(error).toBeInstanceOf(RedirectError);
        expect(error).toMatchObject({
          name: "RedirectError",
          status,
          location: `${other.url}/v5/p1/common/tasks/batch-query`,
          operation: "ListTasks",
          requestId: "redirect-req",
          attempts: 1,
        });
        expect(error.message).toContain(`HTTP ${status}`);
        expectNoSecret(error.message);
      }
      // ListTasks is retry-safe, yet a redirect is not retried: one request per call, none at the other origin.
      expect(api.requests).toHaveLength(2);
      expect(other.requests).toHaveLength(0);
    },
  );

  it("a same-origin redirect is refused too (following would need a re-signed request for a path nobody asked for)", async () => {
    redirectTo(307, () => "/v5/p1/common/task-statistics?task_type=iac_scan");
    await expect(hssOn(api).showTaskStatistics({ task_type: "iac_scan" })).rejects.toMatchObject({
      name: "RedirectError",
      status: 307,
      location: "/v5/p1/common/task-statistics?task_type=iac_scan",
    });
    expect(api.requests).toHaveLength(1);
  });

  it("a 304 or 300 is an answer, not a redirect: a HuaweiCloudError with its status", async () => {
    api.handler = (_, response) => json(response, 300, { error_code: "X.300", error_msg: "choices" });
    await expect(hssOn(api, { retry: false }).showTaskStatistics({ task_type: "iac_scan" })).rejects.toMatchObject({
      name: "HuaweiCloudError",
      status: 300,
    });
  });

  it("the raw client does not follow either: it returns the 3xx as it came", async () => {
    redirectTo(307, () => `${other.url}/elsewhere`);
    const { response } = await hssOn(api).raw.GET("/v5/{project_id}/common/task-statistics", {
      params: { path: { project_id: "p1" }, query: { task_type: "iac_scan" } },
    });
    expect([response.status, response.headers.get("Location")]).toEqual([307, `${other.url}/elsewhere`]);
    expect(other.requests).toHaveLength(0);
  });

  it("in a browser a manual redirect is an opaque response (status 0, no headers): refused the same way", async () => {
    const modes: string[] = [];
    const opaque = Object.defineProperties(new Response(null), {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
    });
    const fetch = async (request: Request) => (modes.push(request.redirect), opaque);
    const error: RedirectError = await rejection(hssOn(api, { fetch }).showTaskStatistics({ task_type: "iac_scan" }));
    expect(error).toMatchObject({ name: "RedirectError", status: 0, location: undefined, attempts: 1 });
    expect(modes).toEqual(["manual"]);
  });
});

describe("raw refuses what would carry its credentials off the endpoint, before sending anything", () => {
  const path = "/v5/{project_id}/common/task-statistics" as const;
  const params = { path: { project_id: "p1" }, query: { task_type: "iac_scan" as const } };
  const auths = [
    ["token", { token: TOKEN }],
    ["AK/SK", { ak: "HOSTILEAK", sk: SK, securityToken: SECURITY_TOKEN }],
  ] as const;

  it.each(auths)("%s: a request's own baseUrl on another origin: TypeError naming both origins", async (_, auth) => {
    const error: Error = await rejection(hssOn(api, { auth }).raw.GET(path, { params, baseUrl: other.url }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `hss.raw: a request to ${other.url} is refused: credentials go only to the endpoint ${api.url}`,
    );
    expectNoSecret(`${error.message} ${String(error.stack)}`);
    expect([api.requests, other.requests]).toEqual([[], []]);
  });

  it.each(auths)('%s: a request\'s own redirect "follow": TypeError, nothing sent', async (_, auth) => {
    redirectTo(307, () => `${other.url}/elsewhere`);
    const error: Error = await rejection(hssOn(api, { auth }).raw.GET(path, { params, redirect: "follow" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(
      'hss.raw: redirect "follow" (fetch\'s default, also when the option is undefined) is refused',
    );
    expect([api.requests, other.requests]).toEqual([[], []]);
  });

  it("a redirect option given as undefined is fetch's follow (openapi-fetch spreads it over manual): refused so", async () => {
    const error: Error = await rejection(hssOn(api).raw.GET(path, { params, redirect: undefined }));
    expect(error.message).toContain('redirect "follow" (fetch\'s default, also when the option is undefined)');
    expect(api.requests).toEqual([]);
  });

  it("a baseUrl without an origin (file:) is named by its scheme", async () => {
    const error: Error = await rejection(hssOn(api).raw.GET(path, { params, baseUrl: "file:///tmp" }));
    expect(error.message).toBe(
      `hss.raw: a request to a file: URL is refused: credentials go only to the endpoint ${api.url}`,
    );
  });

  it('redirect "error" (fails on a redirect, never follows it) is let through: the 307 is not followed', async () => {
    redirectTo(307, () => `${other.url}/elsewhere`);
    const error: Error = await rejection(hssOn(api).raw.GET(path, { params, redirect: "error" }));
    expect(error).toBeInstanceOf(TypeError); // fetch's own failure on a redirect
    expect([api.requests.length, other.requests.length]).toEqual([1, 0]);
  });

  it("a request on the endpoint (its own baseUrl the same origin, a trailing slash) goes out with credentials", async () => {
    api.handler = (_, response) => json(response, 200, { total_num: 0, running_num: 0 });
    const { response } = await hssOn(api).raw.GET(path, { params, baseUrl: `${api.url}/` });
    expect(response.status).toBe(200);
    expect(api.requests.map((request) => request.headers["x-auth-token"])).toEqual([TOKEN]);
  });
});
