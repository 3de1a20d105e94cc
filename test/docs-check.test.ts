import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { checkDocs, EXCEPTIONS_FILE, type CheckResult } from "../scripts/docs-check/check.js";
import type { DocField, DocPage } from "../scripts/docs-check/model.js";
import { parsePage } from "../scripts/docs-check/page-parser.js";
import { generatedTables } from "./helpers/generated-services.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
// The source pages kept in the repository; x-source-doc names them by repository-relative path.
const realDocs = path.join(repoRoot, "docs", "pages");
const fixtures = path.join(repoRoot, "test", "fixtures", "docs-check");
const SWR_FILE = "swr-v2-list-instance-jobs.zh.txt";
const SWR_PAGE = `docs/pages/${SWR_FILE}`;
const EN_FILE = "hss-v5-list-image-scan-task-excerpt.en.txt";

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docs-check-"));
  tempDirs.push(dir);
  return dir;
}

type Spec = Record<string, any>;

/** A spec directory holding a copy of `file`, edited by `edit` (through the YAML parser, not text surgery). */
function specCopy(file: string, edit: (spec: Spec) => void = () => {}): string {
  const dir = tempDir();
  const spec = parse(readFileSync(file, "utf8")) as Spec;
  edit(spec);
  writeFileSync(path.join(dir, path.basename(file)), stringify(spec));
  return dir;
}
/**
 * The SWR spec reduced to ListInstanceJobs, the operation its page describes, then edited: the tests below
 * stay about that one page however many operations the spec gains.
 */
const swrSpecCopy = (edit?: (spec: Spec) => void) =>
  specCopy(path.join(repoRoot, "spec", "swr.v2.yaml"), (spec) => {
    spec.paths = { "/v2/{project_id}/jobs": spec.paths["/v2/{project_id}/jobs"] };
    edit?.(spec);
  });
const enSpecCopy = (edit?: (spec: Spec) => void) => specCopy(path.join(fixtures, "en-spec", "demo.v5.yaml"), edit);

/** A docs directory holding a copy of one page, edited by `edit`. */
function pageCopy(from: string, page: string, edit: (text: string) => string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, page), edit(readFileSync(path.join(from, page), "utf8")));
  return dir;
}

const problemsOf = (result: CheckResult) => [
  ...result.operations.flatMap((op) => op.problems),
  ...result.otherProblems,
];
const fieldsOf = (page: DocPage, section: string): DocField[] => [...(page.sections.get(section) ?? [])];
const names = (fields: readonly DocField[] | undefined) => (fields ?? []).map((field) => field.name);

describe("page parser", () => {
  it("reads the English layout: | cells, multi-line descriptions, untitled nested tables", () => {
    const page = parsePage(readFileSync(path.join(fixtures, "en-docs", EN_FILE), "utf8"), EN_FILE);
    expect([...page.sections.keys()]).toEqual(["path", "query", "header", "response 200"]);
    expect(fieldsOf(page, "query")).toEqual([
      { name: "offset", typeText: "Integer", type: { kind: "int32" }, mandatory: false },
      { name: "type", typeText: "String", type: { kind: "string" }, mandatory: true },
    ]);
    const [dataList, total] = fieldsOf(page, "response 200");
    expect(total).toEqual({ name: "total_num", typeText: "Integer", type: { kind: "int32" } });
    expect(dataList!.type).toEqual({ kind: "array", items: { kind: "object", objectName: "ImageScanTaskInfo" } });
    // task_status's description runs over two lines and must not swallow or split the next row.
    expect(names(dataList!.children)).toEqual(["task_id", "task_status", "failed_images"]);
    expect(dataList!.children![2]!.children).toEqual([{ name: "id", typeText: "Long", type: { kind: "int64" } }]);
    expect(page.statusCodes).toEqual(["200"]);
  });

  it("reads the Chinese layout: blank-line cells, titled tables, lost mandatory cells, error tables", () => {
    const page = parsePage(readFileSync(path.join(fixtures, "zh-excerpt.txt"), "utf8"), SWR_PAGE);
    expect([...page.sections.keys()]).toEqual(["path", "query", "header", "response 200", "response 400"]);
    expect(fieldsOf(page, "query")).toEqual([
      { name: "status", typeText: "String", type: { kind: "string" } },
      { name: "offset", typeText: "Integer", type: { kind: "int32" } },
      { name: "limit", typeText: "Integer", type: { kind: "int32" } },
    ]);
    expect(names(fieldsOf(page, "header"))).toEqual(["X-Auth-Token"]);
    const [jobs, total] = fieldsOf(page, "response 200");
    expect(total!.name).toBe("total");
    expect(names(jobs!.children)).toEqual([
      "id",
      "instance_id",
      "resource_id",
      "resource_name",
      "type",
      "status",
      "reason",
      "created_at",
      "updated_at",
    ]);
    expect(names(fieldsOf(page, "response 400"))).toEqual(["error_code", "error_msg", "encoded_authorization_message"]);
    expect(page.statusCodes).toEqual(["200", "400"]);
  });

  it.each([
    ["hss-v5-list-tasks.en.txt", ["path", "query", "header", "body", "response 200"]],
    ["hss-v5-list-image-scan-task.en.txt", ["path", "query", "header", "response 200"]],
    ["hss-v5-show-task-statistics.zh.txt", ["path", "query", "header", "response 200"]],
    ["hss-v5-create-task.zh.txt", ["path", "query", "header", "body", "response 200"]],
    [
      SWR_FILE,
      [
        "path",
        "query",
        "header",
        "response 200",
        "response 400",
        "response 401",
        "response 403",
        "response 404",
        "response 500",
      ],
    ],
  ])("finds every table of the real page %s", (file, sections) => {
    const page = parsePage(readFileSync(path.join(realDocs, file), "utf8"), file);
    expect([...page.sections.keys()]).toEqual(sections);
    expect(names(fieldsOf(page, "path"))).toEqual(["project_id"]);
    expect(names(fieldsOf(page, "header"))).toEqual(["X-Auth-Token"]);
  });

  it("names the field when a page has a type it does not know", () => {
    const text = readFileSync(path.join(fixtures, "zh-excerpt.txt"), "utf8");
    const edited = text.replace("resource_name\n\nString", "resource_name\n\nMap<String,String>");
    expect(() => parsePage(edited, SWR_PAGE)).toThrow(
      /swr-v2-list-instance-jobs\.zh\.txt: field resource_name has a type the check does not know: "Map<String,String>"/,
    );
  });
});

describe("checkDocs", () => {
  it("passes the committed SWR spec against the real page", () => {
    const result = checkDocs({ docsDir: realDocs, specDir: swrSpecCopy() });
    expect(problemsOf(result)).toEqual([]);
    expect(result.operations).toEqual([{ operation: "ListInstanceJobs", page: SWR_PAGE, checked: 31, problems: [] }]);
    expect(result.unchecked).toEqual([]);
  });

  it("lists an operation transcribed from an https:// source as not checked, without a difference", () => {
    const url =
      "https://github.com/huaweicloud/huaweicloud-sdk-go-v3/blob/master/services/swr/v2/model/model_job_detail.go";
    const result = checkDocs({
      docsDir: realDocs,
      specDir: swrSpecCopy((spec) => (spec.paths["/v2/{project_id}/jobs"].get["x-source-doc"] = url)),
    });
    expect(problemsOf(result)).toEqual([]);
    expect(result.operations).toEqual([]);
    expect(result.unchecked).toEqual([{ operation: "ListInstanceJobs", page: url, reason: "no local page" }]);
    expect(result.uncheckedPages).toContain(SWR_FILE);
  });

  it.each([
    [
      "a path outside docs/pages",
      "../pages/swr-v2-list-instance-jobs.zh.txt",
      /neither a page in docs\/pages\/ .* nor an https:\/\/ URL/,
    ],
    ["a path that climbs out of docs/pages", "docs/pages/../../package.json", /neither a page in docs\/pages\//],
    ["an http:// URL", "http://support.huaweicloud.com/api-swr2/swr_03_1001.html", /nor an https:\/\/ URL/],
    ["a page that does not exist", "docs/pages/swr-v2-no-such-page.zh.txt", /^no such page in /],
  ])("reports an x-source-doc that is %s, and does not check the operation", (_, value, message) => {
    const result = checkDocs({
      docsDir: realDocs,
      specDir: swrSpecCopy((spec) => (spec.paths["/v2/{project_id}/jobs"].get["x-source-doc"] = value)),
    });
    const [problem, ...rest] = problemsOf(result);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ operation: "ListInstanceJobs", page: value, field: "x-source-doc" });
    expect(problem!.message).toMatch(message);
    expect(result.unchecked).toEqual([{ operation: "ListInstanceJobs", page: value, reason: problem!.message }]);
  });

  it("passes the English fixture, mapping the X-Auth-Token row to the token security scheme", () => {
    const result = checkDocs({ docsDir: path.join(fixtures, "en-docs"), specDir: enSpecCopy() });
    expect(problemsOf(result)).toEqual([]);
    expect(result.operations[0]!.checked).toBe(10);
  });

  it("reports the X-Auth-Token row when no security scheme carries it", () => {
    const specDir = enSpecCopy((spec) => (spec.security = []));
    const problems = problemsOf(checkDocs({ docsDir: path.join(fixtures, "en-docs"), specDir }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "header X-Auth-Token: documented (String) but missing from the spec",
    ]);
  });

  it("names a field deleted from the spec, with the spec location to add it", () => {
    const specDir = swrSpecCopy((spec) => delete spec.components.schemas.JobDetail.properties.reason);
    const [problem, ...rest] = problemsOf(checkDocs({ docsDir: realDocs, specDir }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      operation: "ListInstanceJobs",
      page: SWR_PAGE,
      field: "response 200 jobs[].reason",
      message: "documented (String) but missing from the spec",
    });
    expect(problem!.specLocation).toMatch(/swr\.v2\.yaml#\/components\/schemas\/JobDetail$/);
  });

  it("names a spec field the page does not document", () => {
    const specDir = swrSpecCopy((spec) => (spec.components.schemas.JobDetail.properties.priority = { type: "string" }));
    const problems = problemsOf(checkDocs({ docsDir: realDocs, specDir }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "response 200 jobs[].priority: in the spec but not documented by the page",
    ]);
  });

  it("names a row added to a Chinese page", () => {
    const docsDir = pageCopy(realDocs, SWR_FILE, (text) =>
      text.replace(
        "updated_at\n\nString\n\n实例更新时间\n",
        "updated_at\n\nString\n\n实例更新时间\n\npriority\n\nInteger\n\n优先级\n",
      ),
    );
    const problems = problemsOf(checkDocs({ docsDir, specDir: swrSpecCopy() }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "response 200 jobs[].priority: documented (Integer) but missing from the spec",
    ]);
  });

  it("names a row added to an English page", () => {
    const docsDir = pageCopy(path.join(fixtures, "en-docs"), EN_FILE, (text) =>
      text.replace("type |\nYes |", "limit |\nNo |\nInteger |\nDefinition Page size. |\ntype |\nYes |"),
    );
    const problems = problemsOf(checkDocs({ docsDir, specDir: enSpecCopy() }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "query limit: documented (Integer) but missing from the spec",
    ]);
  });

  it("reports a type that differs from the page", () => {
    const specDir = swrSpecCopy(
      (spec) => (spec.components.schemas.ListInstanceJobsResponse.properties.total.format = "int64"),
    );
    const [problem, ...rest] = problemsOf(checkDocs({ docsDir: realDocs, specDir }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      field: "response 200 total",
      message: "documented as Integer but the spec has integer/int64",
    });
    expect(problem!.specLocation).toMatch(/#\/components\/schemas\/ListInstanceJobsResponse\/properties\/total$/);
  });

  it("reports a mandatory flag that differs from the page", () => {
    const specDir = enSpecCopy((spec) => delete spec.paths["/v5/{project_id}/image/tasks"].get.parameters[2].required);
    const problems = problemsOf(checkDocs({ docsDir: path.join(fixtures, "en-docs"), specDir }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "query type: documented as mandatory but the spec does not require it",
    ]);
  });

  it("reports a documented status code the spec lacks, and an undocumented one it has", () => {
    const specDir = swrSpecCopy((spec) => {
      const responses = spec.paths["/v2/{project_id}/jobs"].get.responses;
      responses["409"] = responses["404"];
      delete responses["404"];
    });
    const problems = problemsOf(checkDocs({ docsDir: realDocs, specDir }));
    expect(problems.map((p) => `${p.field}: ${p.message}`).sort()).toEqual([
      "response 404: documented, but the spec has no 404 response",
      "response 409: in the spec but not documented by the page",
    ]);
  });

  it("drops a difference listed in the exceptions file, and reports an exception that matches nothing", () => {
    const specDir = swrSpecCopy((spec) => delete spec.components.schemas.JobDetail.properties.reason);
    const exception = (field: string) => ({ operation: "ListInstanceJobs", field, reason: "test" });
    const write = (fields: string[]) =>
      writeFileSync(path.join(specDir, EXCEPTIONS_FILE), stringify({ exceptions: fields.map(exception) }));

    write(["response 200 jobs[].reason"]);
    expect(problemsOf(checkDocs({ docsDir: realDocs, specDir }))).toEqual([]);

    write(["response 200 jobs[].reason", "query status"]);
    const problems = problemsOf(checkDocs({ docsDir: realDocs, specDir }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "query status: listed as an exception but there is no such difference any more: remove the entry",
    ]);
  });
});

describe("docs:check CLI", () => {
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
  const script = path.join(repoRoot, "scripts", "docs-check.ts");
  // Run from another directory: the default docs directory must come from the script's location.
  const run = (...args: string[]) => spawnSync(tsx, [script, ...args], { cwd: os.tmpdir(), encoding: "utf8" });

  it("exits 0 with a one-line summary per operation when the spec matches", () => {
    const result = run("--spec", swrSpecCopy());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`ListInstanceJobs (${SWR_PAGE}): ok, 31 documented fields checked`);
    expect(result.stdout).toContain("docs:check: 1 operation in 1 spec, 1 checked, 0 not checked, 0 differences");
  });

  it("exits 1 naming the field deleted from the spec", () => {
    const result = run(
      "--spec",
      swrSpecCopy((spec) => delete spec.components.schemas.JobDetail.properties.reason),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `ListInstanceJobs (${SWR_PAGE}): response 200 jobs[].reason: documented (String) but missing from the spec`,
    );
    expect(result.stdout).toContain("docs:check failed: 1 operation in 1 spec, 1 checked, 0 not checked, 1 difference");
  });

  it("by default checks every operation of the repository's specs against the pages in docs/pages, a line each", async () => {
    const tables = await generatedTables();
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    // Every operation of the generated tables, in spec order: a page is checked, an https:// source is not.
    const operations = tables.flatMap((table) => Object.values(table.operations));
    const unchecked = operations.filter((op) => op.sourceDoc.startsWith("https://"));
    expect(lines.slice(0, -1).map((line) => line.replace(/ok, \d+ documented fields checked$/, "ok"))).toEqual(
      // Checked ones first, then those without a local page, each in spec order.
      [...operations.filter((op) => !unchecked.includes(op)), ...unchecked].map(
        (op) =>
          `${op.operationId} (${op.sourceDoc}): ${op.sourceDoc.startsWith("https://") ? "not checked (no local page)" : "ok"}`,
      ),
    );
    const notChecked =
      unchecked.length === 0
        ? "0 not checked"
        : `${unchecked.length} not checked (${unchecked.map((op) => `${op.operationId}: no local page`).join("; ")})`;
    expect(lines.at(-1)).toBe(
      `docs:check: ${operations.length} operations in ${tables.length} specs, ${operations.length - unchecked.length} checked, ${notChecked}, 0 differences`,
    );
  });

  it("exits 0 for an operation with an https:// source, naming it as not checked in the summary", () => {
    const url = "https://example.com/changelog";
    const result = run(
      "--spec",
      swrSpecCopy((spec) => (spec.paths["/v2/{project_id}/jobs"].get["x-source-doc"] = url)),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`ListInstanceJobs (${url}): not checked (no local page)`);
    expect(result.stdout).toContain(
      "docs:check: 1 operation in 1 spec, 0 checked, 1 not checked (ListInstanceJobs: no local page), 0 differences",
    );
  });

  it("exits 2 with a plain message on usage errors", () => {
    const unknown = run("--bogus");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
    const missing = run("--docs", path.join(os.tmpdir(), "no-such-docs-dir"), "--spec", swrSpecCopy());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("docs directory not found");
  });
});
