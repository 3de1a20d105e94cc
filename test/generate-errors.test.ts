import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { generateAll } from "../scripts/generate/pipeline.js";

// The generator's messages for response, request-body, conditional-requirement and schema-keyword problems:
// each names the operation and the spec's file:line:col. Run in process on edited copies of the shapes fixture.

const fixtureDir = fileURLToPath(new URL("fixtures/shapes/spec", import.meta.url));
const SPEC = "spec/shapes.v1.yaml";
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Replaces `from` (which must occur once) in a copy of the fixture, generates; the problems and `to`'s 1-based line. */
async function problemsAfterEdit(
  from: string,
  to: string,
): Promise<{ problems: readonly string[]; line: number; lineOf: (text: string) => number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "generate-errors-"));
  dirs.push(dir);
  const specDir = path.join(dir, "spec");
  cpSync(fixtureDir, specDir, { recursive: true });
  const file = path.join(specDir, "shapes.v1.yaml");
  const text = readFileSync(file, "utf8");
  expect(text.split(from), `fixture contains ${JSON.stringify(from)} once`).toHaveLength(2);
  const edited = text.replace(from, to);
  writeFileSync(file, edited);
  const line = text.slice(0, text.indexOf(from)).split("\n").length;
  /** The 1-based line of the edited spec where `text` (which must occur once) starts. */
  const lineOf = (part: string): number => {
    expect(edited.split(part)).toHaveLength(2);
    return edited.slice(0, edited.indexOf(part)).split("\n").length;
  };
  try {
    await generateAll(specDir);
    return { problems: [], line, lineOf };
  } catch (error) {
    return { problems: (error as { problems?: readonly string[] }).problems ?? [String(error)], line, lineOf };
  }
}

describe("generator messages name the operation and file:line:col", () => {
  it("the fixture itself generates", async () => {
    expect(
      (await problemsAfterEdit("summary: Count things (a JSON scalar)", "summary: Count things (a JSON scalar)"))
        .problems,
    ).toEqual([]);
  });

  it("a request body without JSON content", async () => {
    const { problems, line } = await problemsAfterEdit(
      "      requestBody:\n        required: true\n        content:\n          application/json:",
      "      requestBody:\n        required: true\n        content:\n          text/plain:",
    );
    expect(problems).toEqual([
      `${SPEC}:${line + 1}:9 CreateThings: the request body needs application/json content (found: text/plain)`,
    ]);
  });

  it("a response header whose schema is not a scalar", async () => {
    const header =
      "              description: How many were created.\n              schema:\n                type: integer\n";
    const { problems, line } = await problemsAfterEdit(
      header,
      header.replace("type: integer\n", "type: array\n                items:\n                  type: integer\n"),
    );
    expect(problems).toEqual([
      `${SPEC}:${line + 2}:17 CreateThings: response header "X-Created" must have a string, integer, number or boolean schema; found "array"`,
    ]);
  });

  it("minimum/maximum on a string, and other type-mismatched keywords", async () => {
    const { problems, line } = await problemsAfterEdit(
      "          type: string\n          minLength: 1\n",
      "          type: string\n          minimum: 1\n          maxItems: 3\n",
    );
    expect(problems).toEqual([
      `${SPEC}:${line + 1}:11 UpdateThing: "minimum" applies to integer and number values, but the schema's type is "string"`,
      `${SPEC}:${line + 2}:11 UpdateThing: "maxItems" applies to array values, but the schema's type is "string"`,
      `${SPEC}:${line + 1}:11 DeleteThing: "minimum" applies to integer and number values, but the schema's type is "string"`,
      `${SPEC}:${line + 2}:11 DeleteThing: "maxItems" applies to array values, but the schema's type is "string"`,
    ]);
  });

  it("an if/then the client cannot check", async () => {
    const { problems, lineOf } = await problemsAfterEdit(
      "              then:\n                required: [color]\n",
      "              then:\n                required: [color]\n              else:\n                required: [name]\n",
    );
    expect(problems).toEqual([
      `${SPEC}:${lineOf("              if:\n") + 1}:17 UpdateThing: if/then must be: if one property is a const, then required: [...] (no else)`,
    ]);
  });

  it("a parameter style the client does not write", async () => {
    const { problems, lineOf } = await problemsAfterEdit(
      "        - name: project_id\n",
      "        - name: filter\n          in: query\n          style: deepObject\n          schema:\n            type: object\n        - name: project_id\n",
    );
    expect(problems).toEqual([
      `${SPEC}:${lineOf("style: deepObject")}:18 ShowVersion: parameter "filter": style "deepObject" is not supported in query; use form (the default)`,
    ]);
  });

  it.each([
    ["an object", "type: object\n", "an object"],
    ["an array of objects", "type: array\n            items:\n              type: object\n", "an array of objects"],
    ["an array of arrays", "type: array\n            items:\n              type: array\n", "an array of arrays"],
  ])("a parameter of %s (the client writes scalars and arrays of them)", async (_, schema, what) => {
    const { problems, lineOf } = await problemsAfterEdit(
      "        - name: project_id\n",
      `        - name: filter\n          in: query\n          schema:\n            ${schema}        - name: project_id\n`,
    );
    expect(problems).toEqual([
      `${SPEC}:${lineOf("- name: filter") + 3}:13 ShowVersion: parameter "filter": ${what} is not supported in query; use a string, number, boolean or an array of them`,
    ]);
  });

  it.each([
    [
      "a wrong type keyword",
      ['                type: integer\n        "400":', '                type: int\n        "400":'],
      ["type: int\n", 0],
      23,
      'CreateThings: struct `type` can be one of the following only: "object", "array", "string", "number", "integer", "boolean", "null".',
    ],
    [
      "a $ref to a missing schema",
      [
        '$ref: "#/components/schemas/Thing"\n              example:\n                name: bolt\n        "202"',
        '$ref: "#/components/schemas/Thingy"\n              example:\n                name: bolt\n        "202"',
      ],
      ['$ref: "#/components/schemas/Thingy"', 0],
      17,
      'UpdateThing: no-unresolved-refs Can\'t resolve $ref "#/components/schemas/Thingy"',
    ],
    [
      "a duplicate operationId",
      ["operationId: CountThings", "operationId: ListThings"],
      ["      operationId: ListThings\n      summary: Count", 0],
      7,
      "ListThings: operation-operationId-unique Every operation must have a unique `operationId`.",
    ],
    [
      "a path parameter the path does not have",
      ["  /v1/things/{name}/blob:", "  /v1/things/blob:"],
      ["  /v1/things/blob:\n    parameters:\n      - name", 2],
      15,
      "DownloadThing: path-parameters-defined Path parameter `name` is not used in the path `/v1/things/blob`.",
    ],
  ] as const)("%s (Redocly's lint), naming the operation", async (_, [from, to], [at, below], column, message) => {
    const { problems, lineOf } = await problemsAfterEdit(from, to);
    const line = lineOf(at) + below;
    expect(problems).toEqual([`${SPEC}:${line}:${column} ${message}`]);
  });

  it("a nullable enum that does not list null (JSON Schema would refuse null, the TypeScript type take it)", async () => {
    const { problems, lineOf } = await problemsAfterEdit(
      "                  type: string\n                  enum: [red, blue]\n",
      '                  type: [string, "null"]\n                  enum: [red, blue]\n',
    );
    expect(problems).toEqual([
      `${SPEC}:${lineOf("enum: [red, blue]")}:25 UpdateThing: the type allows null but the enum does not list it: add null to the enum, or take "null" out of the type`,
    ]);
  });

  it("a misspelt x- extension on an operation or a parameter", async () => {
    const { problems, lineOf } = await problemsAfterEdit(
      "          x-client-option: projectId\n",
      "          x-client-option: projectId\n          x-client-opton: projectId\n",
    );
    expect(problems).toEqual([
      `${SPEC}:${lineOf("x-client-opton")}:27 ShowVersion: x-client-opton is not an extension the generator knows here (known: x-client-option)`,
    ]);
    const operation = await problemsAfterEdit(
      "      x-source-doc: https://example.net/docs/create-things.html\n",
      "      x-source-doc: https://example.net/docs/create-things.html\n      x-paginaton: {}\n",
    );
    expect(operation.problems).toEqual([
      `${SPEC}:${operation.lineOf("x-paginaton")}:20 CreateThings: x-paginaton is not an extension the generator knows here (known: x-source-doc, x-retry-safe, x-pagination)`,
    ]);
  });
});
