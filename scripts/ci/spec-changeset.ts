/**
 * `npm run changeset:spec [-- --base <git-ref>] [--repo <dir>]`: a changeset for a release that changes a spec,
 * its text the `npm run spec:diff` Markdown, so the CHANGELOG entry lists every operation-level change. The bump
 * is major when a change is breaking, else minor. Writes `.changeset/spec-diff-<base>.md`; prints its path.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { specDiffReport } from "./spec-diff-report.js";

const PACKAGE_NAME = "huaweicloud-task-client";

function main(): number {
  const { values } = parseArgs({ options: { base: { type: "string" }, repo: { type: "string", default: "." } } });
  const args = [...(values.base !== undefined ? ["--base", values.base] : []), "--repo", values.repo];
  const report = specDiffReport(args, process.cwd());
  if (report.breaking + report.nonBreaking === 0) {
    console.error("changeset:spec: the specs did not change; write a changeset with `npx changeset` instead");
    return 1;
  }
  const bump = report.breaking > 0 ? "major" : "minor";
  const slug = (values.base ?? "default-base").replace(/[^\w.-]+/g, "-");
  const file = path.join(values.repo, ".changeset", `spec-diff-${slug}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n"${PACKAGE_NAME}": ${bump}\n---\n\nSpec changes.\n\n${report.markdown.trimEnd()}\n`);
  console.log(file);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`changeset:spec: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
