import { describe, expect, it } from "vitest";
import { createServiceClient } from "../../src/core/client.js";
import type { CallOptions, MethodResponse } from "../../src/core/method.js";
import type { ClientOptions } from "../../src/core/options.js";
import { HuaweiCloudError } from "../../src/index.js";
import { useDemoOnLoopback } from "./demo-service.js";

// `method.withResponse`: the body plus status, declared headers (typed from the spec), every header, request id
// and attempts — on the generator's demo fixture, whose ListWidgets declares X-Request-Id and an integer
// X-Total-Count on its 200 answer.

type AnyMethod = ((input?: object, options?: CallOptions) => Promise<unknown>) & {
  withResponse: (input?: object, options?: CallOptions) => Promise<MethodResponse<unknown, Record<string, unknown>>>;
};

const fixture = useDemoOnLoopback();

function demoClient(overrides: Partial<ClientOptions> = {}): Record<string, AnyMethod> {
  const { server, demo } = fixture;
  const options: ClientOptions = {
    projectId: "p1",
    endpoint: server.url,
    auth: { token: "t" },
    retry: { baseDelayMs: 1 },
    ...overrides,
  };
  return createServiceClient<Record<string, AnyMethod>, {}>(demo.service, demo.operations, options);
}

const PAGE = { total_num: 1, data_list: [{ name: "bolt", color: "red" }] };

describe("withResponse", () => {
  it("resolves with the body, the final status, the declared headers typed, every header and the request id", async () => {
    fixture.server.answers.push({ status: 200, headers: { "X-Total-Count": "41", "X-Extra": "kept" }, body: PAGE });
    const response = await demoClient().listWidgets!.withResponse({ limit: 10 });
    expect(response.data).toEqual(PAGE);
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ "x-request-id": "req-1", "x-total-count": 41 });
    expect(response.rawHeaders.get("x-extra")).toBe("kept");
    expect(response.requestId).toBe("req-1");
    expect(response.attempts).toBe(1);
  });

  it("gives the same data as the plain method, which resolves with the body alone", async () => {
    fixture.server.answers.push({ body: PAGE }, { body: PAGE });
    const widgets = demoClient();
    const plain = await widgets.listWidgets!();
    const full = await widgets.listWidgets!.withResponse();
    expect(plain).toEqual(full.data);
    expect(Object.keys(full).sort()).toEqual(["attempts", "data", "headers", "rawHeaders", "requestId", "status"]);
  });

  it("counts every attempt and reports the status of the last one", async () => {
    fixture.server.answers.push({ status: 503, body: {} }, { status: 502, body: {} }, { status: 200, body: PAGE });
    const response = await demoClient().listWidgets!.withResponse();
    expect([response.status, response.attempts, response.requestId]).toEqual([200, 3, "req-3"]);
  });

  it("leaves an absent declared header, or an integer header that is not a whole number, undefined", async () => {
    fixture.server.answers.push({ status: 200, headers: { "X-Total-Count": "many" }, body: PAGE });
    const response = await demoClient().listWidgets!.withResponse();
    expect(response.headers).toEqual({ "x-request-id": "req-1", "x-total-count": undefined });
    expect(response.rawHeaders.get("x-total-count")).toBe("many");
    fixture.server.answers.push({ status: 200, headers: { "X-Total-Count": "1.5" }, body: PAGE });
    expect((await demoClient().listWidgets!.withResponse()).headers["x-total-count"]).toBeUndefined();
  });

  it("has an empty headers object for an operation that declares none", async () => {
    fixture.server.answers.push({ status: 200, body: { name: "bolt" } });
    const response = await demoClient().createWidget!.withResponse({ name: "bolt" });
    expect(response).toMatchObject({ data: { name: "bolt" }, status: 200, headers: {}, attempts: 1 });
  });

  it("rejects like the plain method: errors carry the attempts, no metadata object", async () => {
    fixture.server.answers.push({ status: 404, body: { error_code: "DEMO.404", error_msg: "none" } });
    const error = await demoClient({ retry: false })
      .listWidgets!.withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 404, attempts: 1, requestId: "req-1" });
  });
});
