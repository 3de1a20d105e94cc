import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runSpecDiff } from "../scripts/spec-diff/run.js";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test/fixtures/spec-diff");
const BASE_DIR = join(FIXTURES, "base");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = join(ROOT, "scripts/spec-diff.ts");

interface JsonChange {
  severity: "breaking" | "non-breaking";
  rule: string;
  operation: { operationId: string | null; method: string; path: string } | null;
  location: string;
  jsonPath: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason: string;
}
interface JsonReport {
  base: string;
  head: string;
  summary: { breaking: number; nonBreaking: number; files: number };
  files: { file: string; status: string; breaking: number; nonBreaking: number; changes: JsonChange[] }[];
}

function diffDirs(baseDir: string, headDir: string, ...options: string[]) {
  const result = runSpecDiff(["--base-dir", baseDir, "--head-dir", headDir, "--format", "json", ...options], ROOT);
  expect(result.stderr).toBe("");
  const report = JSON.parse(result.stdout) as JsonReport;
  return { exitCode: result.exitCode, report, changes: report.files.flatMap((file) => file.changes) };
}

/** The real CLI, as `npm run spec:diff` starts it. */
function cli(args: string[], cwd = ROOT) {
  return spawnSync(TSX, [SCRIPT, ...args], { cwd, encoding: "utf8" });
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-test-"));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A head directory holding the fixture base spec edited by `edit`. */
function editedBase(edit: (spec: any) => void): string {
  const spec = parse(readFileSync(join(BASE_DIR, "api.yaml"), "utf8"));
  edit(spec);
  const dir = tempDir();
  writeFileSync(join(dir, "api.yaml"), stringify(spec));
  return dir;
}

describe("classification of one change (fixture pairs: base/ vs <case>/)", () => {
  it.each([
    {
      fixture: "removed-operation",
      severity: "breaking",
      rule: "operation-removed",
      operationId: "DeleteTask",
      field: "DeleteTask",
    },
    {
      fixture: "removed-parameter",
      severity: "breaking",
      rule: "parameter-removed",
      operationId: "ListTasks",
      field: "task_type",
    },
    {
      fixture: "removed-response-field",
      severity: "breaking",
      rule: "response-field-removed",
      operationId: "ListTasks",
      field: "total_num",
    },
    {
      fixture: "changed-type",
      severity: "breaking",
      rule: "type-changed",
      operationId: "ListTasks",
      field: "total_num",
    },
    {
      fixture: "changed-format",
      severity: "breaking",
      rule: "format-changed",
      operationId: "ListTasks",
      field: "total_num",
    },
    {
      fixture: "parameter-became-required",
      severity: "breaking",
      rule: "became-required",
      operationId: "ListTasks",
      field: "limit",
    },
    {
      fixture: "request-enum-value-removed",
      severity: "breaking",
      rule: "request-enum-value-removed",
      operationId: "ListTasks",
      field: "task_type",
    },
    {
      fixture: "narrowed-range",
      severity: "breaking",
      rule: "range-narrowed",
      operationId: "ListTasks",
      field: "limit",
    },
    {
      fixture: "added-optional-parameter",
      severity: "non-breaking",
      rule: "optional-parameter-added",
      operationId: "ListTasks",
      field: "sort_key",
    },
    {
      fixture: "added-response-field",
      severity: "non-breaking",
      rule: "response-field-added",
      operationId: "ListTasks",
      field: "next_marker",
    },
    {
      fixture: "widened-range",
      severity: "non-breaking",
      rule: "range-widened",
      operationId: "ListTasks",
      field: "limit",
    },
    {
      fixture: "description-change",
      severity: "non-breaking",
      rule: "documentation",
      operationId: "CreateTask",
      field: "task_name",
    },
    {
      fixture: "example-change",
      severity: "non-breaking",
      rule: "documentation",
      operationId: "CreateTask",
      field: "task_name",
    },
    {
      fixture: "added-request-enum-value",
      severity: "non-breaking",
      rule: "request-enum-value-added",
      operationId: "CreateTask",
      field: "task_type",
    },
    {
      fixture: "added-response-enum-value",
      severity: "non-breaking",
      rule: "response-enum-value-added",
      operationId: "ListTasks",
      field: "task_status",
    },
  ])("$fixture: $severity ($rule)", ({ fixture, severity, rule, operationId, field }) => {
    const { changes, report } = diffDirs(BASE_DIR, join(FIXTURES, fixture));
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ severity, rule, operation: { operationId } });
    expect(change!.reason).toContain(field);
    expect(report.summary).toEqual({
      breaking: severity === "breaking" ? 1 : 0,
      nonBreaking: severity === "breaking" ? 0 : 1,
      files: 1,
    });
  });

  it("reports the values before and after, and the JSON path into the dereferenced spec", () => {
    const [change] = diffDirs(BASE_DIR, join(FIXTURES, "narrowed-range")).changes;
    expect(change).toMatchObject({
      location: "query parameter `limit`",
      jsonPath: "/paths/~1v5~1{project_id}~1tasks/get/parameters/1/schema/minimum",
      action: "replace",
      before: 10,
      after: 20,
    });
  });

  it("a schema moved from inline into components ($ref) is no change", () => {
    const { changes, report, exitCode } = diffDirs(BASE_DIR, join(FIXTURES, "ref-refactor"));
    expect(changes).toEqual([]);
    expect(report.files).toEqual([{ file: "api.yaml", status: "unchanged", breaking: 0, nonBreaking: 0, changes: [] }]);
    expect(exitCode).toBe(0);
  });

  it("a response body removed (content → no content) is a breaking response change; one added is not", () => {
    const ok = (spec: any) => spec.paths["/v5/{project_id}/tasks"].get.responses["200"];
    const removed = diffDirs(
      BASE_DIR,
      editedBase((spec) => delete ok(spec).content),
    );
    expect(removed.changes.map((change) => [change.severity, change.rule, change.location])).toEqual([
      ["breaking", "response-content-removed", "response 200"],
    ]);
    expect(removed.changes[0]!.reason).toBe(
      "response 200 body removed: the answer has no body now, clients that read it find nothing",
    );
    const noBody = editedBase((spec) => delete ok(spec).content);
    const added = diffDirs(noBody, BASE_DIR);
    expect(added.changes.map((change) => [change.severity, change.rule, change.location])).toEqual([
      ["non-breaking", "response-content-added", "response 200"],
    ]);
    expect(added.exitCode).toBe(0);
  });

  it("adding an enum to a request parameter that had none is breaking; dropping it is not", () => {
    const restricted = diffDirs(
      BASE_DIR,
      editedBase((spec) => (spec.paths["/v5/{project_id}/tasks"].get.parameters[1].schema.enum = [10, 50])),
    );
    expect(restricted.changes.map((change) => [change.severity, change.rule])).toEqual([
      ["breaking", "request-enum-introduced"],
      ["breaking", "request-enum-introduced"],
    ]);
    const freed = diffDirs(
      BASE_DIR,
      editedBase((spec) => delete spec.paths["/v5/{project_id}/tasks"].get.parameters[2].schema.enum),
    );
    expect(freed.changes.map((change) => [change.severity, change.rule])).toEqual([
      ["non-breaking", "request-enum-dropped"],
      ["non-breaking", "request-enum-dropped"],
    ]);
  });

  it("a spec file removed is breaking, one added is not; YAML files that are not OpenAPI are ignored", () => {
    const empty = tempDir();
    writeFileSync(join(empty, "docs-exceptions.yaml"), "exceptions: []\n");
    const removed = diffDirs(BASE_DIR, empty);
    expect(removed.report.files).toEqual([expect.objectContaining({ file: "api.yaml", status: "removed" })]);
    expect(removed.changes).toEqual([
      expect.objectContaining({ severity: "breaking", rule: "spec-file-removed", operation: null }),
    ]);
    expect(removed.changes[0]!.reason).toContain("api.yaml");
    const added = diffDirs(empty, BASE_DIR);
    expect(added.changes).toEqual([expect.objectContaining({ severity: "non-breaking", rule: "spec-file-added" })]);
  });
});

describe("output", () => {
  const twoChanges = () =>
    editedBase((spec) => {
      const limit = spec.paths["/v5/{project_id}/tasks"].get.parameters[1].schema;
      limit.maximum = 500; // widened: non-breaking, comes first in the document
      limit.minimum = 20; // narrowed: breaking
    });

  it("JSON is parseable, byte-stable across runs, and orders breaking changes first", () => {
    const head = twoChanges();
    const args = ["--base-dir", BASE_DIR, "--head-dir", head, "--format", "json"];
    const first = runSpecDiff(args, ROOT).stdout;
    expect(runSpecDiff(args, ROOT).stdout).toBe(first);
    const report = JSON.parse(first) as JsonReport;
    expect(Object.keys(report)).toEqual(["base", "head", "summary", "files"]);
    expect(report.summary).toEqual({ breaking: 1, nonBreaking: 1, files: 1 });
    const changes = report.files[0]!.changes;
    expect(changes.map((change) => change.rule)).toEqual(["range-narrowed", "range-widened"]);
    expect(Object.keys(changes[0]!)).toEqual([
      "severity",
      "rule",
      "operation",
      "location",
      "jsonPath",
      "action",
      "before",
      "after",
      "reason",
    ]);
  });

  it("Markdown has a summary line, a section per spec file and per operation, breaking first, path, values and reason", () => {
    const { stdout, exitCode } = runSpecDiff(["--base-dir", BASE_DIR, "--head-dir", twoChanges()], ROOT);
    expect(exitCode).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^\*\*Spec diff:\*\* \*\*1 breaking\*\*, 1 non-breaking change\(s\) in 1 of 1 spec file\(s\)/,
    );
    expect(lines).toContain("### `api.yaml` (modified)");
    expect(lines).toContain("#### `ListTasks` — `GET /v5/{project_id}/tasks`");
    const breaking = lines.findIndex((line) => line.startsWith("- **breaking**"));
    const nonBreaking = lines.findIndex((line) => line.startsWith("- non-breaking"));
    expect(breaking).toBeGreaterThan(-1);
    expect(nonBreaking).toBeGreaterThan(breaking);
    expect(lines[breaking]).toBe(
      "- **breaking** query parameter `limit` `/paths/~1v5~1{project_id}~1tasks/get/parameters/1/schema/minimum`: `10` -> `20` — " +
        "minimum of query parameter `limit` raised, narrowing the range: requests valid before may now be rejected",
    );
  });
});

describe("CLI", () => {
  it("exits 1 on a breaking change, 0 with --allow-breaking", () => {
    const args = ["--base-dir", BASE_DIR, "--head-dir", join(FIXTURES, "removed-response-field")];
    const breaking = cli(args);
    expect(breaking.status).toBe(1);
    expect(breaking.stdout).toContain("response 200 field `total_num` removed");
    const allowed = cli([...args, "--allow-breaking"]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toBe(breaking.stdout);
  });

  it("exits 0 when every change is non-breaking", () => {
    const result = cli([
      "--base-dir",
      BASE_DIR,
      "--head-dir",
      join(FIXTURES, "added-optional-parameter"),
      "--format",
      "json",
    ]);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).summary).toEqual({ breaking: 0, nonBreaking: 1, files: 1 });
  });

  it("exits 2 on a usage error, with a message naming it", () => {
    const result = cli(["--format", "xml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--format xml: must be one of markdown, json");
  });

  it.each([
    { args: ["--bogus"], message: "Unknown option '--bogus'" },
    { args: ["--base", "HEAD", "--base-dir", "x"], message: "--base and --base-dir both name the base" },
    { args: ["--base-dir", "no/such/dir"], message: "--base-dir no/such/dir: not a directory" },
    { args: ["--base", "no-such-ref"], message: "--base no-such-ref: not a commit" },
  ])("exit code 2 for $args", ({ args, message }) => {
    const result = runSpecDiff(args, ROOT);
    expect(result).toMatchObject({ exitCode: 2, stdout: "" });
    expect(result.stderr).toContain(message);
  });

  it("names file:line:col of a spec that is not valid YAML", () => {
    const head = tempDir();
    writeFileSync(join(head, "api.yaml"), "openapi: 3.1.0\npaths:\n  /a: [unclosed\n");
    const result = runSpecDiff(["--base-dir", BASE_DIR, "--head-dir", head], ROOT);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${join(head, "api.yaml")}:\\d+:\\d+: invalid YAML`));
  });
});

describe("end to end on a git repository with the real specs", () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=spec-diff test", "-c", "user.email=spec-diff@example.com", ...args], {
      cwd: repo,
      encoding: "utf8",
    });
  const hssPath = () => join(repo, "spec/hss.v5.yaml");
  const readHss = () => parse(readFileSync(hssPath(), "utf8"));
  const writeHss = (spec: unknown) => writeFileSync(hssPath(), stringify(spec));

  beforeEach(() => {
    repo = tempDir();
    git("init", "--quiet", "--initial-branch=main");
    mkdirSync(join(repo, "spec"));
    for (const file of readdirSync(join(ROOT, "spec"))) cpSync(join(ROOT, "spec", file), join(repo, "spec", file));
    git("add", "spec");
    git("commit", "--quiet", "-m", "specs");
  });

  it("(a) a response field removed from the HSS spec is breaking: exit 1", () => {
    const spec = readHss();
    const { operationId, schema, field } = firstResponseField(spec);
    delete spec.components.schemas[schema].properties[field];
    writeHss(spec);
    const result = cli(["--format", "json"], repo); // default base: HEAD, as the tree is dirty
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.base).toMatch(/^HEAD, as the tree has uncommitted changes/);
    const removed = report.files
      .find((file) => file.file === "hss.v5.yaml")!
      .changes.filter((change) => change.rule === "response-field-removed");
    expect(removed).toContainEqual(
      expect.objectContaining({ severity: "breaking", operation: expect.objectContaining({ operationId }) }),
    );
    expect(removed[0]!.reason).toContain(field);
  });

  it("(b) an optional query parameter added to the HSS spec is non-breaking: exit 0", () => {
    const spec = readHss();
    const [path, method] = firstOperation(spec);
    spec.paths[path][method].parameters.push({
      name: "spec_diff_probe",
      in: "query",
      description: "Probe.",
      schema: { type: "string" },
    });
    writeHss(spec);
    const result = cli(["--repo", repo], ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\*\*Spec diff:\*\* \*\*0 breaking\*\*, 1 non-breaking change/);
    expect(result.stdout).toContain("- non-breaking query parameter `spec_diff_probe`");
  });

  it("on a clean branch, the default base is the merge base with main", () => {
    git("checkout", "--quiet", "-b", "feature");
    const spec = readHss();
    const [path, method] = firstOperation(spec);
    delete spec.paths[path][method];
    writeHss(spec);
    git("commit", "--quiet", "-am", "remove an operation");
    const result = runSpecDiff(["--format", "json"], repo);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.base).toMatch(/^merge base with main /);
    expect(report.files.flatMap((file) => file.changes)).toContainEqual(
      expect.objectContaining({ rule: "operation-removed" }),
    );
  });
});

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"];

function firstOperation(spec: any): [string, string] {
  const [path, item] = Object.entries<any>(spec.paths)[0]!;
  return [path, HTTP_METHODS.find((method) => method in item)!];
}

/** The first property of a 200 response body schema that is a named component, found in the spec as it is now. */
function firstResponseField(spec: any): { operationId: string; schema: string; field: string } {
  for (const item of Object.values<any>(spec.paths)) {
    for (const method of HTTP_METHODS.filter((m) => m in item)) {
      const ref: unknown = item[method].responses?.["200"]?.content?.["application/json"]?.schema?.$ref;
      const schema = typeof ref === "string" ? ref.replace("#/components/schemas/", "") : undefined;
      const field = schema && Object.keys(spec.components.schemas[schema]?.properties ?? {})[0];
      if (schema && field) return { operationId: item[method].operationId, schema, field };
    }
  }
  throw new Error("the HSS spec has no 200 response with a $ref'd object schema");
}
