/**
 * .github/workflows/ci.yml: valid for GitHub (action-validator, from the npm registry: the workflow schema and
 * its expressions, offline), and wired to what this repository runs: .ci/run on each supported Node, and the
 * spec-diff script (tested in test/ci-scripts.test.ts) on pull requests.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "..");
const WORKFLOW = join(ROOT, ".github/workflows/ci.yml");

function validate(file: string) {
  const result = spawnSync(join(ROOT, "node_modules/.bin/action-validator"), [file], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe(".github/workflows/ci.yml", () => {
  it("passes action-validator, which rejects a broken copy of it", () => {
    expect(validate(WORKFLOW)).toEqual({ status: 0, output: "" });
    const dir = mkdtempSync(join(tmpdir(), "workflow-"));
    try {
      const broken = join(dir, "ci.yml");
      writeFileSync(broken, readFileSync(WORKFLOW, "utf8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"));
      const result = validate(broken);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain("runs_on");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs .ci/run on Node 20.19, 22 and 24, and the spec-diff script on pull requests", () => {
    const workflow = parse(readFileSync(WORKFLOW, "utf8")) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; strategy?: { matrix: { node: string[] } }; steps: { run?: string }[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.jobs["check"]!.strategy!.matrix.node).toEqual(["20.19", "22", "24"]);
    expect(workflow.jobs["check"]!.steps.map((step) => step.run)).toContain("bash .ci/run");
    const specDiff = workflow.jobs["spec-diff"]!;
    expect(specDiff.if).toBe("github.event_name == 'pull_request'");
    const scripts = specDiff.steps.flatMap((step) => step.run?.match(/scripts\/ci\/[\w-]+\.ts/g) ?? []);
    expect(scripts).toEqual(["scripts/ci/spec-diff-summary.ts"]);
    for (const script of scripts) expect(existsSync(join(ROOT, script))).toBe(true);
  });
});
