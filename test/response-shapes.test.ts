import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServiceClient } from "../src/core/client.js";
import type { CallOptions, MethodResponse } from "../src/core/method.js";
import type { ClientOptions } from "../src/core/options.js";
import { InvalidInputError, InvalidResponseError } from "../src/index.js";
import { generateFixtureService, type GeneratedService } from "./core/demo-service.js";
import { startLoopbackServer, type LoopbackServer } from "./core/loopback.js";

// Every response and request body shape the generator supports, from test/fixtures/shapes/spec/shapes.v1.yaml
// (generated into a scratch directory): what goes out, and what the method resolves with.

type AnyMethod = ((input?: object, options?: CallOptions) => Promise<unknown>) & {
  withResponse: (input?: object) => Promise<MethodResponse<unknown, Record<string, unknown>>>;
};

let server: LoopbackServer;
let shapes: GeneratedService;
beforeAll(async () => {
  const dir = fileURLToPath(new URL("fixtures/shapes/spec", import.meta.url));
  [server, shapes] = await Promise.all([startLoopbackServer(), generateFixtureService(dir, "shapes")]);
});
afterAll(async () => {
  shapes?.dispose();
  await server?.close();
});
beforeEach(() => server.reset());

function client(overrides: Partial<ClientOptions> = {}): Record<string, AnyMethod> {
  const options: ClientOptions = { endpoint: server.url, auth: { token: "t" }, retry: false, ...overrides };
  return createServiceClient<Record<string, AnyMethod>, {}>(shapes.service, shapes.operations, options);
}

describe("success responses", () => {
  it("records every documented 2xx and how its body is read", () => {
    const responses = Object.fromEntries(Object.values(shapes.operations).map((op) => [op.operationId, op.responses]));
    expect(responses).toEqual({
      ListThings: { "200": "json" },
      CreateThings: { "201": "none" },
      UpdateThing: { "200": "json", "202": "none" },
      DeleteThing: { "204": "none" },
      DownloadThing: { "200": "binary" },
      ShowVersion: { "200": "text" },
      CountThings: { "200": "json" },
    });
  });

  it("a JSON array body, with its Content-Range header through withResponse", async () => {
    server.answers.push({ headers: { "Content-Range": "0-1/2" }, body: [{ name: "a" }, { name: "b" }] });
    const response = await client().listThings!.withResponse();
    expect(response.data).toEqual([{ name: "a" }, { name: "b" }]);
    expect(response.headers).toEqual({ "content-range": "0-1/2" });
  });

  it("a JSON scalar", async () => {
    server.answers.push({ body: "2" });
    await expect(client().countThings!()).resolves.toBe(2);
  });

  it("204 and 201 without a body resolve undefined, even if the server sends one", async () => {
    server.answers.push({ status: 204, body: "" }, { status: 201, body: "ignored", headers: { "X-Created": "3" } });
    await expect(client().deleteThing!({ name: "bolt" })).resolves.toBeUndefined();
    const created = await client().createThings!.withResponse({ body: [{ name: "a" }] });
    expect([created.data, created.status, created.headers]).toEqual([undefined, 201, { "x-created": 3 }]);
  });

  it("several success codes: each read as documented", async () => {
    server.answers.push({ status: 200, body: { name: "bolt" } }, { status: 202, body: "" });
    await expect(client().updateThing!({ name: "bolt", color: "red" })).resolves.toEqual({ name: "bolt" });
    const accepted = await client().updateThing!.withResponse({ name: "bolt" });
    expect([accepted.status, accepted.data]).toEqual([202, undefined]);
  });

  it("text/plain as a string, application/octet-stream as bytes", async () => {
    server.answers.push({ status: 200, headers: { "Content-Type": "text/plain" }, body: "1.2.3" });
    await expect(client({ projectId: "p1" }).showVersion!()).resolves.toBe("1.2.3");
    expect(server.requests[0]!.url).toBe("/v2/p1/version");
    server.answers.push({ status: 200, headers: { "Content-Type": "application/octet-stream" }, body: "\u0001\u0002" });
    const bytes = await client().downloadThing!({ name: "bolt" });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...(bytes as Uint8Array)]).toEqual([1, 2]);
  });

  it("a malformed JSON body is still an InvalidResponseError", async () => {
    server.answers.push({ status: 200, body: "[not json" });
    await expect(client().listThings!()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("request bodies", () => {
  it("an array body is the input's `body` field, validated and sent whole", async () => {
    await client().createThings!({ body: [{ name: "a" }, { name: "b" }] });
    expect([server.requests[0]!.method, JSON.parse(server.requests[0]!.body)]).toEqual([
      "POST",
      [{ name: "a" }, { name: "b" }],
    ]);
    await expect(client().createThings!({ body: [] })).rejects.toMatchObject({
      name: "InvalidInputError",
      field: "body",
    });
    await expect(client().createThings!({ body: [{ nam: "a" }] })).rejects.toMatchObject({ field: "body[0].nam" });
    await expect(client().createThings!({})).rejects.toMatchObject({
      field: "body",
      expected: expect.stringMatching(/required/),
    });
    expect(server.requests).toHaveLength(1);
  });

  it("an optional object body may be left out; its conditional requirement (if/then) is checked", async () => {
    server.answers.push({ status: 202, body: "" }, { status: 202, body: "" });
    await client().updateThing!({ name: "bolt" });
    await client().updateThing!({ name: "bolt", paint: false });
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ["PUT", "/v1/things/bolt"],
      ["PUT", "/v1/things/bolt"],
    ]);
    const error = (await client().updateThing!({ name: "bolt", paint: true }).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      "UpdateThing: invalid color: expected a value; the field is required when paint is true, got nothing",
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe("client options", () => {
  it("a client without projectId calls operations that do not use it, and fails clearly at one that does", async () => {
    server.answers.push({ body: "2" });
    await expect(client().countThings!()).resolves.toBe(2);
    await expect(client().showVersion!()).rejects.toThrow(
      "ShowVersion: this operation needs the client option projectId",
    );
    expect(server.requests).toHaveLength(1);
    expect(() => client({ projectId: "" })).toThrow(/projectId: expected a non-empty string/);
  });
});
