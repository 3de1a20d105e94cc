/**
 * The spec-diff step of .github/workflows/ci.yml, on a pull request that touches spec/:
 *
 *   tsx scripts/ci/spec-diff-summary.ts --base <git-ref> [--repo <dir>]
 *
 * Appends `npm run spec:diff` Markdown to the job summary ($GITHUB_STEP_SUMMARY; printed when unset) and exits 1
 * on a breaking change unless the pull request carries the label `breaking-change-approved` ($PR_LABELS: the
 * labels' names as a JSON array, as `toJSON(github.event.pull_request.labels.*.name)` gives them). 2: bad input.
 */
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { specDiffReport } from "./spec-diff-report.js";

export const APPROVAL_LABEL = "breaking-change-approved";

function main(): number {
  const { values } = parseArgs({ options: { base: { type: "string" }, repo: { type: "string", default: "." } } });
  if (values.base === undefined) throw new Error("--base <git-ref> is required (the pull request's base commit)");
  const labels = JSON.parse(process.env["PR_LABELS"] || "[]") as unknown;
  if (!Array.isArray(labels) || !labels.every((label) => typeof label === "string")) {
    throw new Error(`PR_LABELS must be a JSON array of label names, not ${process.env["PR_LABELS"]}`);
  }
  const report = specDiffReport(["--base", values.base, "--repo", values.repo], process.cwd());
  const approved = labels.includes(APPROVAL_LABEL);
  let verdict = "No breaking change.";
  if (report.breaking > 0) {
    verdict = approved
      ? `Breaking changes approved by the \`${APPROVAL_LABEL}\` label.`
      : `**Failing:** ${report.breaking} breaking change(s); add the \`${APPROVAL_LABEL}\` label once they are agreed.`;
  }
  const summary = `## Spec diff\n\n${report.markdown.trimEnd()}\n\n${verdict}\n`;
  const summaryFile = process.env["GITHUB_STEP_SUMMARY"];
  if (summaryFile) appendFileSync(summaryFile, summary);
  else process.stdout.write(summary);
  if (report.breaking > 0 && !approved) {
    console.error(`spec-diff-summary: ${report.breaking} breaking change(s) and no ${APPROVAL_LABEL} label`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`spec-diff-summary: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
