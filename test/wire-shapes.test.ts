import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServiceClient } from "../src/core/client.js";
import type { CallOptions, MethodResponse } from "../src/core/method.js";
import type { ClientOptions } from "../src/core/options.js";
import { generateFixtureService, type GeneratedService } from "./core/demo-service.js";
import { startLoopbackServer, type LoopbackServer } from "./core/loopback.js";
import { DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";

// Operation shapes a maintainer may add that the other fixtures lack (test/fixtures/wire/spec/wire.v1.yaml,
// generated into a scratch directory): what goes out on the wire, what comes back, and that the stand-in
// server, started on a copy of spec/ with the fixture beside it and no code, accepts what the client sends.

type AnyMethod = ((input?: object, options?: CallOptions) => Promise<unknown>) & {
  withResponse: (input?: object) => Promise<MethodResponse<unknown, Record<string, unknown>>>;
};

const specDir = fileURLToPath(new URL("fixtures/wire/spec", import.meta.url));
let loopback: LoopbackServer;
let standIn: StandInServer;
let wire: GeneratedService;
let scratch: string;
beforeAll(async () => {
  // The stand-in serves HSS and SWR too (its handlers need their operations): spec/ plus the fixture.
  scratch = mkdtempSync(path.join(tmpdir(), "wire-shapes-"));
  cpSync(fileURLToPath(new URL("../spec", import.meta.url)), scratch, { recursive: true });
  cpSync(path.join(specDir, "wire.v1.yaml"), path.join(scratch, "wire.v1.yaml"));
  [loopback, standIn, wire] = await Promise.all([
    startLoopbackServer(),
    startStandInServer({ specDir: scratch }),
    generateFixtureService(specDir, "wire"),
  ]);
});
afterAll(async () => {
  wire?.dispose();
  await Promise.all([loopback?.close(), standIn?.close()]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => loopback.reset());

function client(overrides: Partial<ClientOptions> = {}): Record<string, AnyMethod> {
  const options: ClientOptions = { endpoint: loopback.url, projectId: "p1", auth: { token: "t" }, retry: false };
  return createServiceClient<Record<string, AnyMethod>, {}>(wire.service, wire.operations, {
    ...options,
    ...overrides,
  });
}
const standInClient = () =>
  client({ endpoint: standIn.url, projectId: standIn.projectId, auth: { token: DEFAULT_TOKEN } });

const part = { gadget_id: "g/1", index: 3, "X-Request-Tag": "tag", name: "n" };

type RawPatch = (path: string, init: object) => Promise<{ response: Response; error?: unknown }>;
/** PatchPart through the client's `raw` (the fixture's paths are not typed here). */
const patchPartRaw = (target: object, params: object, body?: object) =>
  (target as { raw: { PATCH: RawPatch } }).raw.PATCH("/v1/{project_id}/gadgets/{gadget_id}/parts/{index}", {
    params,
    ...(body && { body }),
  });

describe("parameters", () => {
  it("two path parameters, one an integer; required and integer headers; boolean and integer-enum query", async () => {
    await client().patchPart!({ ...part, "X-Priority": 5, dry_run: true, level: 2 });
    const [request] = loopback.requests;
    expect([request!.method, request!.url]).toEqual(["PATCH", "/v1/p1/gadgets/g%2F1/parts/3?dry_run=true&level=2"]);
    expect([request!.headers["x-request-tag"], request!.headers["x-priority"]]).toEqual(["tag", "5"]);
    await expect(client().patchPart!({ ...part, "X-Request-Tag": undefined })).rejects.toMatchObject({
      field: "X-Request-Tag",
      expected: "a value (a string); the field is required",
    });
    await expect(client().patchPart!({ ...part, level: 4 })).rejects.toMatchObject({ field: "level" });
    await expect(client().patchPart!({ ...part, index: -1 })).rejects.toMatchObject({ field: "index" });
    expect(loopback.requests).toHaveLength(1);
  });

  it("a query array repeats its name, or with explode: false is one comma-separated value", async () => {
    await client().patchPart!({ ...part, tags: ["a b", "c"], ids: [1, 2] });
    await client().patchPart!({ ...part, tags: [], ids: [] });
    expect(loopback.requests.map((request) => request.url.split("?")[1])).toEqual([
      "ids=1%2C2&tags=a%20b&tags=c",
      undefined,
    ]);
    expect(wire.operations.patchPart!.params.ids).toMatchObject({ in: "query", explode: false });
  });

  it("raw repeats every query array's name, explode: false or not (README: call the method for those)", async () => {
    await patchPartRaw(client(), { path: { project_id: "p1", gadget_id: "g", index: 3 }, query: { ids: [1, 2] } });
    expect(loopback.requests[0]!.url).toBe("/v1/p1/gadgets/g/parts/3?ids=1&ids=2");
  });

  it("the stand-in server reads both query array styles, and refuses an explode: false name repeated", async () => {
    await standInClient().patchPart!({ ...part, tags: ["a", "b"], ids: [1, 2] });
    expect(standIn.requests.at(-1)).toMatchObject({ operation: "PatchPart", status: 200 });
    const { response, error } = await patchPartRaw(
      standInClient(),
      {
        path: { project_id: standIn.projectId, gadget_id: "g", index: 3 },
        query: { ids: [1, 2] },
        header: { "X-Request-Tag": "t" },
      },
      { name: "n" },
    );
    expect([response.status, JSON.stringify(error)]).toEqual([400, expect.stringContaining("query/ids must be one")]);
  });

  it("the stand-in server reads a repeated array sent with one item, and a string whose explode: false says nothing", async () => {
    await standInClient().patchPart!({ ...part, tags: ["a"], ids: [1], names: ["x"], colour: "red,blue" });
    expect(standIn.requests.at(-1)).toMatchObject({
      query: { tags: "a", ids: "1", names: "x", colour: "red,blue" },
      status: 200,
    });
  });

  it("an explode: false item holding a comma is refused: the server would read it as two items", async () => {
    await expect(client().patchPart!({ ...part, names: ["a", "b,c"] })).rejects.toThrow(
      'PatchPart: invalid names[1]: expected a value without "," (the items are sent comma-separated), got "b,c"',
    );
    await client().patchPart!({ ...part, names: ["a b", "", "c/d"], tags: ["e,f"] }); // repeated: its own value
    expect(loopback.requests.map((request) => request.url.split("?")[1])).toEqual([
      "names=a%20b%2C%2Cc%2Fd&tags=e%2Cf",
    ]);
  });
});

describe("bodies and answers", () => {
  it("nested objects in arrays are checked to their required fields; formats are sent as given", async () => {
    const fields = { children: [{ id: 1, sub: { x: true } }], size: "9007199254740993", at: "2024-01-01T00:00:00Z" };
    await client().patchPart!({ ...part, ...fields });
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual({ name: "n", ...fields });
    await expect(client().patchPart!({ ...part, children: [{ sub: { x: true } }] })).rejects.toMatchObject({
      field: "children[0].id",
    });
    await expect(client().patchPart!({ ...part, children: [{ id: 1, sub: {} }] })).rejects.toMatchObject({
      field: "children[0].sub.x",
    });
  });

  it("a map (additionalProperties) takes any key, each value checked against its schema", async () => {
    await client().patchPart!({ ...part, labels: { a: "b", "c d": "e" }, extra: { n: [1, { x: null }] } });
    expect(JSON.parse(loopback.requests[0]!.body)).toMatchObject({
      labels: { a: "b", "c d": "e" },
      extra: { n: [1, { x: null }] },
    });
    await expect(client().patchPart!({ ...part, labels: { a: 1 } })).rejects.toMatchObject({
      field: "labels.a",
      expected: "a string",
    });
    const labels = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, "v"]));
    await expect(client().patchPart!({ ...part, labels })).rejects.toMatchObject({
      field: "labels",
      expected: "an object of at most 20 fields",
    });
    await expect(client().patchPart!({ ...part, labels: { ...labels, k20: undefined } })).resolves.toEqual({});
    await expect(client().patchPart!({ ...part, extra: { n: 1n } })).rejects.toThrow(
      "PatchPart: invalid extra.n: expected a JSON value, got 1n",
    );
    await expect(client().patchPart!({ ...part, children: [{ id: 1, sub: { x: true, y: 1 } }] })).rejects.toThrow(
      "invalid children[0].sub.y: expected no such field; known fields: x",
    );
    await standInClient().patchPart!({ ...part, labels: { ...labels, k20: undefined } });
    expect(standIn.requests.at(-1)).toMatchObject({ operation: "PatchPart", status: 200 });
  });

  it('a nullable field (type: [string, "null"]) takes null, sent as null; others still refuse it', async () => {
    loopback.answers.push({ body: { name: "n", note: null } });
    await expect(client().patchPart!({ ...part, note: null })).resolves.toEqual({ name: "n", note: null });
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual({ name: "n", note: null });
    expect(wire.operations.patchPart!.params.note!.schema).toEqual({ type: "string", nullable: true, maxLength: 100 });
    await expect(client().patchPart!({ ...part, note: "x".repeat(101) })).rejects.toMatchObject({
      field: "note",
      expected: "a string of at most 100 characters or null",
    });
    await expect(client().patchPart!({ ...part, name: null })).rejects.toMatchObject({ field: "name" });
    // A path parameter's nullable schema: null would leave `{gadget_id}` in the path.
    await expect(client().patchPart!({ ...part, gadget_id: null })).rejects.toThrow(
      'PatchPart: invalid gadget_id: expected a path segment other than "", "." and "..", got null',
    );
    // A nullable enum lists null (the generator refuses one that does not): the table keeps it as nullable.
    expect(wire.operations.patchPart!.params.speed!.schema).toEqual({
      type: "string",
      nullable: true,
      enum: ["fast", "slow"],
    });
    await expect(client().patchPart!({ ...part, speed: "warp" })).rejects.toMatchObject({
      field: "speed",
      expected: 'one of "fast", "slow" or null',
    });
    await expect(standInClient().patchPart!({ ...part, speed: null })).resolves.toMatchObject({ name: "p" });
    await expect(standInClient().patchPart!({ ...part, note: null })).resolves.toEqual({ name: "p", note: null });
  });

  it("a oneOf + discriminator body of $ref members is checked: discriminator, each member's fields, unknown fields", async () => {
    loopback.fallback = { status: 201, body: "" };
    await client().createGadget!({ body: { kind: "wheel", radius: 2 } });
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual({ kind: "wheel", radius: 2 });
    await expect(client().createGadget!({ body: { kind: "wheel" } })).rejects.toThrow(
      'CreateGadget: invalid body.radius: expected a value; the field is required when body.kind is "wheel", got nothing',
    );
    await expect(client().createGadget!({ body: { kind: "sled", radius: 2 } })).rejects.toMatchObject({
      field: "body.kind",
    });
    await expect(client().createGadget!({ body: { kind: "lever", length: "2" } })).rejects.toMatchObject({
      field: "body.length",
    });
    await expect(client().createGadget!({ body: { kind: "lever", length: 2, colour: "red" } })).rejects.toMatchObject({
      field: "body.colour",
    });
    expect(loopback.requests).toHaveLength(1);
    const created = await standInClient().createGadget!.withResponse({ body: { kind: "lever", length: 2 } });
    expect(created.status).toBe(201);
  });

  it("a oneOf body's discriminator takes the members' values only, an if/then beside it on another field", async () => {
    const edited = mkdtempSync(path.join(tmpdir(), "wire-one-of-"));
    const text = readFileSync(path.join(specDir, "wire.v1.yaml"), "utf8");
    const discriminator = "              discriminator:\n                propertyName: kind\n";
    const ifThen = "              allOf:\n                - if: { properties: { length: { const: 0 } } }\n";
    writeFileSync(
      path.join(edited, "wire.v1.yaml"),
      text.replace(discriminator, `${discriminator}${ifThen}                  then: { required: [kind] }\n`),
    );
    const generated = await generateFixtureService(edited, "wire").finally(() => rmSync(edited, { recursive: true }));
    generated.dispose();
    const body = generated.operations.createGadget!.params.body!.schema;
    expect(body.conditions).toHaveLength(3);
    expect(body.properties!.kind).toEqual({ type: "string", enum: ["wheel", "lever"] });
  });

  it("201 with Location and an integer header; 204; an error body of another shape", async () => {
    loopback.answers.push({ status: 201, headers: { Location: "/v1/gadgets/7", "X-Count": "1" }, body: "" });
    const created = await client().createGadget!.withResponse({ body: { kind: "wheel", radius: 2 } });
    expect([created.status, created.data, created.headers]).toEqual([
      201,
      undefined,
      { location: "/v1/gadgets/7", "x-count": 1 },
    ]);
    loopback.answers.push({ status: 204, body: "" });
    await expect(client().deletePart!({ gadget_id: "g", index: 0 })).resolves.toBeUndefined();
    loopback.answers.push({ status: 409, body: { code: "CONFLICT", message: "Taken." } });
    await expect(client().createGadget!({ body: { kind: "lever", length: 2 } })).rejects.toMatchObject({
      status: 409,
      errorCode: "CONFLICT",
      errorMsg: "Taken.",
    });
  });
});
