// The one OpenAPI reader (scripts/openapi): JSON pointers, $refs, source locations and which files are specs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  deref,
  dereference,
  formatPointer,
  formatRef,
  operationParameters,
  parsePointer,
  parseSpecDocument,
  readSpecDirectory,
  refSegments,
  SpecReadError,
  specOperations,
  valueAt,
  type SpecDocument,
} from "../scripts/openapi/index.js";

function spec(text: string, file = "spec/demo.v1.yaml"): SpecDocument {
  const document = parseSpecDocument(text, file);
  expect(document, "an OpenAPI document").toBeDefined();
  return document!;
}

/** The error a call throws, for looking at its parts. */
function thrown(call: () => unknown): SpecReadError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecReadError);
    return error as SpecReadError;
  }
  throw new Error("expected a SpecReadError");
}

describe("JSON pointers (RFC 6901)", () => {
  it("decodes ~1 before ~0, so ~01 is a literal ~1", () => {
    expect(parsePointer("")).toEqual([]);
    expect(parsePointer("/paths/~1v1~1widgets/get")).toEqual(["paths", "/v1/widgets", "get"]);
    expect(parsePointer("/a~01b/c~0")).toEqual(["a~1b", "c~"]);
    expect(parsePointer("/")).toEqual([""]);
  });

  it("refuses a non-empty pointer that does not start with /", () => {
    expect(thrown(() => parsePointer("paths")).message).toContain('"paths" is not a JSON pointer');
  });

  it("formats segments back to the same pointer", () => {
    for (const segments of [[], ["paths", "/v1/{id}", "get"], ["a~1b", "~", "/"], [""]]) {
      expect(parsePointer(formatPointer(segments))).toEqual(segments);
    }
  });

  it("reads a $ref as a URI fragment: percent-decoding first, then the pointer", () => {
    expect(refSegments("#/components/schemas/Task")).toEqual(["components", "schemas", "Task"]);
    expect(refSegments("#/components/schemas/A%20B")).toEqual(["components", "schemas", "A B"]);
    // %7E1 decodes to ~1, a pointer escape for "/"; %2F decodes to "/", a separator.
    expect(refSegments("#/paths/%7E1v1%7E1widgets")).toEqual(["paths", "/v1/widgets"]);
    expect(refSegments("#/a%2Fb")).toEqual(["a", "b"]);
    expect(refSegments("#")).toEqual([]);
    expect(refSegments("other.yaml#/x")).toBeUndefined();
    expect(thrown(() => refSegments("#/a%zz")).message).toContain("malformed percent-escape");
    for (const segments of [
      ["paths", "/v1/{id}", "get"],
      ["a b", "x#y", "~"],
    ])
      expect(refSegments(formatRef(segments))).toEqual(segments);
  });

  it("looks values up by own key and canonical index only", () => {
    const data = { list: ["a", "b"], map: { "x/y": 1 } };
    expect(valueAt(data, ["list", "1"])).toBe("b");
    expect(valueAt(data, ["list", "01"])).toBeUndefined();
    expect(valueAt(data, ["map", "x/y"])).toBe(1);
    expect(valueAt(data, ["map", "constructor"])).toBeUndefined();
    expect(valueAt(data, ["list", "0", "deeper"])).toBeUndefined();
  });
});

const DEMO = `openapi: 3.1.0
info: { title: demo, version: "1" }
paths:
  /v1/{id}/things:
    parameters:
      - $ref: "#/components/parameters/Id"
      - { name: lang, in: header, schema: { type: string } }
    get:
      operationId: ListThings
      parameters:
        - { name: lang, in: header, required: true, schema: { type: string, enum: [en] } }
        - { name: limit, in: query, schema: { $ref: "#/components/schemas/Limit" } }
      responses:
        "200":
          $ref: "#/components/responses/Things"
components:
  parameters:
    Id: { name: id, in: path, required: true, schema: { type: string } }
  schemas:
    Limit: { type: integer, minimum: 1 }
    Node:
      type: object
      properties:
        child: { $ref: "#/components/schemas/Node", description: a child }
  responses:
    Things:
      description: ok
      content:
        application/json:
          schema: { type: array, items: { $ref: "#/components/schemas/Limit" } }
`;

describe("$refs", () => {
  it("follows a chain of $refs and says where it ended", () => {
    const demo = spec(DEMO);
    const found = deref(demo, { $ref: "#/components/schemas/Limit" }, ["somewhere"]);
    expect(found).toEqual({ value: { type: "integer", minimum: 1 }, pointer: ["components", "schemas", "Limit"] });
  });

  it("names file:line:col of a $ref that points at nothing, one to another file, and a cycle", () => {
    const demo = spec(`${DEMO}    Loop: { $ref: "#/components/responses/Loop" }\n`);
    expect(thrown(() => deref(demo, { $ref: "#/components/schemas/Nope" }, ["paths"])).message).toBe(
      'spec/demo.v1.yaml:4:3 $ref "#/components/schemas/Nope" points at nothing',
    );
    expect(thrown(() => deref(demo, { $ref: "other.yaml#/x" }, ["paths"])).message).toContain(
      'only local $refs ("#/...") are supported',
    );
    expect(thrown(() => deref(demo, { $ref: "#/components/responses/Loop" }, [])).message).toMatch(
      /^spec\/demo\.v1\.yaml:\d+:\d+ \$ref cycle through/,
    );
  });

  it("dereferences a whole node: siblings of a $ref win, a recursive $ref is an error unless kept", () => {
    const demo = spec(DEMO);
    const node = demo.data.components as Record<string, any>;
    expect(thrown(() => dereference(demo, {}, node.schemas.Node, ["components", "schemas", "Node"])).message).toContain(
      "$ref cycle",
    );
    const kept = dereference(demo, { cycles: "keep" }, node.schemas.Node, ["components", "schemas", "Node"]) as any;
    expect(kept.properties.child).toEqual({
      type: "object",
      properties: { child: { $ref: "#/components/schemas/Node", description: "a child" } },
      description: "a child",
    });
    const whole = dereference(demo, { cycles: "keep" }) as any;
    expect(whole.paths["/v1/{id}/things"].get.responses["200"].content["application/json"].schema.items).toEqual({
      type: "integer",
      minimum: 1,
    });
  });
});

describe("source locations", () => {
  it("points at a node, at its key, and at the nearest parent of a missing node", () => {
    const demo = spec(DEMO);
    expect(demo.locate(["paths", "/v1/{id}/things", "get", "operationId"])).toBe("spec/demo.v1.yaml:9:20");
    expect(demo.locate(["paths", "/v1/{id}/things", "get", "operationId"], true)).toBe("spec/demo.v1.yaml:9:7");
    expect(demo.locate(["paths", "/v1/{id}/things", "get", "parameters", "1", "schema"])).toBe(
      "spec/demo.v1.yaml:12:45",
    );
    expect(demo.locate(["paths", "/v1/{id}/things", "get", "x-missing"])).toBe("spec/demo.v1.yaml:9:7");
  });

  it("throws the first YAML problem at file:line:col, and duplicate keys are problems", () => {
    const broken = thrown(() => parseSpecDocument("openapi: 3.1.0\npaths:\n  /a: [unclosed\n", "x.yaml"));
    expect(broken.kind).toBe("yaml");
    expect(broken.where).toMatch(/^x\.yaml:\d+:\d+$/);
    const duplicate = thrown(() => parseSpecDocument("openapi: 3.1.0\ninfo: {}\ninfo: {}\n", "x.yaml"));
    expect(duplicate.message).toMatch(/^x\.yaml:3:1 .*\(YAML DUPLICATE_KEY\)$/);
  });

  it("names the service after the file name before its first dot", () => {
    expect(spec(DEMO, "spec/hss.v5.yaml").service).toBe("hss");
    expect(spec(DEMO, "1a2b3c4:spec/swr.v2.yaml").service).toBe("swr");
  });
});

describe("operations", () => {
  it("lists operations with path-level parameters, overridden by the operation's own", () => {
    const demo = spec(DEMO);
    const [list] = specOperations(demo);
    expect(list).toMatchObject({ path: "/v1/{id}/things", method: "get" });
    const parameters = operationParameters(demo, list!);
    expect(parameters.map((p) => [p.value.in, p.value.name, p.value.required === true])).toEqual([
      ["path", "id", true],
      ["header", "lang", true],
      ["query", "limit", false],
    ]);
    expect(parameters[0]!.pointer).toEqual(["components", "parameters", "Id"]);
  });
});

describe("which files are specs", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "openapi-reader-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads *.yaml files with an openapi key, skips the rest, and refuses YAML that does not parse", () => {
    const specDir = path.join(dir, "spec");
    mkdirSync(specDir);
    writeFileSync(path.join(specDir, "b.v1.yaml"), DEMO);
    writeFileSync(path.join(specDir, "a.v1.yaml"), DEMO);
    writeFileSync(path.join(specDir, "docs-exceptions.yml"), "exceptions: []\n");
    writeFileSync(path.join(specDir, "notes.yaml"), "title: not a spec\n");
    writeFileSync(path.join(specDir, "c.v1.yml"), DEMO);
    writeFileSync(path.join(specDir, "README.md"), "# specs\n");
    expect(readSpecDirectory(specDir, "spec").map((s) => [s.file, s.service])).toEqual([
      ["spec/a.v1.yaml", "a"],
      ["spec/b.v1.yaml", "b"],
    ]);
    writeFileSync(path.join(specDir, "broken.yaml"), "openapi: [\n");
    expect(thrown(() => readSpecDirectory(specDir, "spec")).where).toMatch(/^spec\/broken\.yaml:\d+:\d+$/);
    expect(thrown(() => readSpecDirectory(path.join(dir, "nope"), "nope")).message).toBe("nope: not a directory");
  });
});
