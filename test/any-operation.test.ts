import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceClient } from "../src/core/client.js";
import type { CallOptions, MethodResponse } from "../src/core/method.js";
import type { OperationSpec } from "../src/core/operation.js";
import { generateFixtureService, type GeneratedService } from "./core/demo-service.js";
import { exampleInput } from "./helpers/example-input.js";
import { DEFAULT_AK, DEFAULT_SK, DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";

// "Adding an operation needs no code outside spec/ and generated/": a copy of spec/ gets a new SWR operation
// of a new shape (a POST answering 201 without a body, on a path without {project_id}) and a whole new
// service spec (the shapes fixture: arrays, scalars, text, bytes, 204, several success codes); both are
// generated into a scratch directory, and the stand-in server, started on the same copy, routes, validates,
// authenticates and answers them from their documented examples. No file outside the copy is touched.

const root = fileURLToPath(new URL("..", import.meta.url));
const NEW_SWR_OPERATION = `  /v2/manage/namespaces/{namespace}/repos/{repository}/tags-copy:
    post:
      operationId: CopyRepoTags
      summary: Copy tags (a test-only operation)
      tags:
        - SWR
      externalDocs:
        url: https://example.net/copy-repo-tags.html
      x-source-doc: https://example.net/copy-repo-tags.html
      x-retry-safe: false
      parameters:
        - name: namespace
          in: path
          required: true
          description: Organization name.
          schema:
            $ref: '#/components/schemas/NamespaceName'
        - name: repository
          in: path
          required: true
          description: Repository name.
          schema:
            type: string
            minLength: 1
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: array
              minItems: 1
              items:
                type: string
                minLength: 1
      responses:
        '201':
          description: Copied.
          headers:
            X-Copied:
              description: How many tags were copied.
              schema:
                type: integer
              example: 2
        '400':
          $ref: '#/components/responses/BadRequest'
`;

let specDir: string;
let server: StandInServer;
let swr: GeneratedService;
let shapes: GeneratedService;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "any-operation-"));
  specDir = path.join(dir, "spec");
  cpSync(path.join(root, "spec"), specDir, { recursive: true });
  cpSync(path.join(root, "test/fixtures/shapes/spec/shapes.v1.yaml"), path.join(specDir, "shapes.v1.yaml"));
  const swrSpec = path.join(specDir, "swr.v2.yaml");
  writeFileSync(
    swrSpec,
    readFileSync(swrSpec, "utf8").replace("\ncomponents:\n", `\n${NEW_SWR_OPERATION}components:\n`),
  );
  [swr, shapes, server] = await Promise.all([
    generateFixtureService(specDir, "swr"),
    generateFixtureService(specDir, "shapes"),
    startStandInServer({ specDir }),
  ]);
}, 120_000); // lints and generates every spec of the copy twice
afterAll(async () => {
  swr?.dispose();
  shapes?.dispose();
  await server?.close();
  if (specDir) rmSync(path.dirname(specDir), { recursive: true, force: true });
});

type AnyMethod = ((input?: object, options?: CallOptions) => Promise<unknown>) & {
  withResponse: (input?: object) => Promise<MethodResponse<unknown, Record<string, unknown>>>;
  operation: OperationSpec;
};
const client = (service: GeneratedService, auth: { token: string } | { ak: string; sk: string }) =>
  createServiceClient<Record<string, AnyMethod>, {}>(service.service, service.operations, {
    projectId: server.projectId,
    endpoint: server.url,
    auth,
    retry: false,
  });

describe("an operation added to a copy of the SWR spec", () => {
  it.each([
    ["token", { token: DEFAULT_TOKEN }],
    ["AK/SK", { ak: DEFAULT_AK, sk: DEFAULT_SK }],
  ] as const)("is generated, validated, sent (%s) and answered with its documented 201 and header", async (_, auth) => {
    const copy = client(swr, auth).copyRepoTags!;
    expect(copy.operation).toMatchObject({
      method: "POST",
      path: "/v2/manage/namespaces/{namespace}/repos/{repository}/tags-copy",
      responses: { "201": "none" },
    });
    const response = await copy.withResponse({ namespace: "group", repository: "busybox", body: ["v1", "v2"] });
    expect([response.status, response.data, response.headers]).toEqual([201, undefined, { "x-copied": 2 }]);
    const request = server.requests.at(-1)!;
    expect([request.operation, request.body]).toEqual(["CopyRepoTags", ["v1", "v2"]]);
    await expect(copy({ namespace: "group", repository: "busybox", body: [] })).rejects.toMatchObject({
      name: "InvalidInputError",
      field: "body",
    });
  });
});

describe("a new service spec, with no stand-in module and no code", () => {
  const operations = (): [string, OperationSpec][] => Object.entries(shapes.operations);

  it("every operation answers as documented, through token and AK/SK", async () => {
    for (const auth of [{ token: DEFAULT_TOKEN }, { ak: DEFAULT_AK, sk: DEFAULT_SK }]) {
      const methods = client(shapes, auth);
      for (const [key, operation] of operations()) {
        const { status } = await methods[key]!.withResponse(exampleInput(operation));
        expect(status, operation.operationId).toBe(Number(Object.keys(operation.responses)[0]));
        expect(server.requests.at(-1)!.principal?.kind).toBe("token" in auth ? "token" : "aksk");
      }
    }
  });

  it("reads each documented body as its kind: array, scalar, text, bytes, none", async () => {
    const methods = client(shapes, { token: DEFAULT_TOKEN });
    await expect(methods.listThings!()).resolves.toEqual([{ name: "bolt" }]);
    await expect(methods.countThings!()).resolves.toBe(2);
    await expect(methods.showVersion!()).resolves.toBe("1.2.3");
    await expect(methods.downloadThing!({ name: "bolt" })).resolves.toEqual(new Uint8Array(0));
    await expect(methods.deleteThing!({ name: "bolt" })).resolves.toBeUndefined();
    expect((await methods.listThings!.withResponse()).headers).toEqual({ "content-range": "0-0/0" });
  });

  it("errors in the default style, and faults work for its operations", async () => {
    const methods = client(shapes, { token: "wrong-token" });
    await expect(methods.countThings!()).rejects.toMatchObject({ status: 401, errorCode: "SHAPES.0401" });
    server.faults.push({ operation: "CountThings", status: 503 });
    await expect(client(shapes, { token: DEFAULT_TOKEN }).countThings!()).rejects.toMatchObject({
      status: 503,
      errorCode: "SHAPES.503",
    });
  });
});
