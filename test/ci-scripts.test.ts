/**
 * The scripts behind the GitHub workflow's spec-diff step and the spec changeset, on a temporary git repository
 * holding the real specs: a pull request branch that changes a spec, the scripts run as CI runs them (tsx, the
 * job summary file and the labels in the environment).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=ci test", "-c", "user.email=ci@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  });

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "ci-scripts-"));
  git("init", "--quiet", "--initial-branch=main");
  mkdirSync(join(repo, "spec"));
  for (const file of readdirSync(join(ROOT, "spec"))) cpSync(join(ROOT, "spec", file), join(repo, "spec", file));
  git("add", "spec");
  git("commit", "--quiet", "-m", "specs");
  git("checkout", "--quiet", "-b", "pull-request");
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

/** The part of the SWR spec the edits below touch. */
interface SwrSpec {
  paths: Record<string, { get?: { parameters: unknown[] } }>;
}

/** Commits an edit of the SWR spec on the pull request branch. */
function changeSwrSpec(edit: (spec: SwrSpec) => void): void {
  const file = join(repo, "spec/swr.v2.yaml");
  const spec = parse(readFileSync(file, "utf8")) as SwrSpec;
  edit(spec);
  writeFileSync(file, stringify(spec));
  git("commit", "--quiet", "-am", "change the SWR spec");
}

const JOBS = "/v2/{project_id}/jobs";
const removeAnOperation = (spec: SwrSpec) => delete spec.paths[JOBS]!.get;
const addAQueryParameter = (spec: SwrSpec) =>
  spec.paths[JOBS]!.get!.parameters.push({
    name: "ci_probe",
    in: "query",
    description: "Probe.",
    schema: { type: "string" },
  });

function script(name: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [join(ROOT, "scripts/ci", name), ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/ci/spec-diff-summary.ts", () => {
  function summaryRun(labels: string[]) {
    const summaryFile = join(repo, "summary.md");
    writeFileSync(summaryFile, "earlier step\n");
    const result = script("spec-diff-summary.ts", ["--base", "main"], {
      GITHUB_STEP_SUMMARY: summaryFile,
      PR_LABELS: JSON.stringify(labels),
    });
    return { ...result, summary: readFileSync(summaryFile, "utf8") };
  }

  it("fails on a breaking change without the label, with the spec:diff Markdown in the job summary", () => {
    changeSwrSpec(removeAnOperation);
    const run = summaryRun(["documentation"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("1 breaking change(s) and no breaking-change-approved label");
    expect(run.summary).toMatch(/^earlier step\n## Spec diff\n\n\*\*Spec diff:\*\* \*\*1 breaking\*\*/);
    expect(run.summary).toContain("ListInstanceJobs");
    expect(run.summary).toContain("add the `breaking-change-approved` label");
  });

  it("passes on a breaking change when the pull request carries the label", () => {
    changeSwrSpec(removeAnOperation);
    const run = summaryRun(["breaking-change-approved"]);
    expect(run.status).toBe(0);
    expect(run.summary).toContain("Breaking changes approved by the `breaking-change-approved` label.");
  });

  it("passes on a non-breaking change, reporting it", () => {
    changeSwrSpec(addAQueryParameter);
    const run = summaryRun([]);
    expect(run.status).toBe(0);
    expect(run.summary).toContain("- non-breaking query parameter `ci_probe`");
    expect(run.summary).toContain("No breaking change.");
  });

  it("refuses labels that are not a JSON array of names (exit 2)", () => {
    const run = script("spec-diff-summary.ts", ["--base", "main"], { PR_LABELS: "breaking-change-approved" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^spec-diff-summary: /);
  });
});

describe("scripts/ci/spec-changeset.ts (npm run changeset:spec)", () => {
  it("writes a major changeset holding the spec:diff Markdown for a breaking change", () => {
    changeSwrSpec(removeAnOperation);
    const run = script("spec-changeset.ts", ["--base", "main"]);
    expect(run.status).toBe(0);
    const text = readFileSync(join(repo, ".changeset/spec-diff-main.md"), "utf8");
    expect(text).toMatch(
      /^---\n"huaweicloud-task-client": major\n---\n\nSpec changes\.\n\n\*\*Spec diff:\*\* \*\*1 breaking\*\*/,
    );
  });

  it("writes a minor changeset for a non-breaking change, and none when the specs did not change", () => {
    const unchanged = script("spec-changeset.ts", ["--base", "main"]);
    expect(unchanged.status).toBe(1);
    expect(existsSync(join(repo, ".changeset"))).toBe(false);
    changeSwrSpec(addAQueryParameter);
    expect(script("spec-changeset.ts", ["--base", "main"]).status).toBe(0);
    expect(readFileSync(join(repo, ".changeset/spec-diff-main.md"), "utf8")).toContain(
      '"huaweicloud-task-client": minor',
    );
  });
});
