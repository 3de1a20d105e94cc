import { runSpecDiff } from "../spec-diff/run.js";

/** One `npm run spec:diff` comparison, as the CI summary and the changeset script need it. */
export interface SpecDiffReport {
  readonly markdown: string;
  readonly breaking: number;
  readonly nonBreaking: number;
}

/** Runs spec:diff with `args` (e.g. `--base <ref>`) in `cwd`; throws its message on a usage or input error. */
export function specDiffReport(args: readonly string[], cwd: string): SpecDiffReport {
  const markdown = runSpecDiff([...args, "--allow-breaking"], cwd);
  const json = runSpecDiff([...args, "--allow-breaking", "--format", "json"], cwd);
  for (const result of [markdown, json]) if (result.exitCode !== 0) throw new Error(result.stderr.trim());
  const { summary } = JSON.parse(json.stdout) as { summary: { breaking: number; nonBreaking: number } };
  return { markdown: markdown.stdout, breaking: summary.breaking, nonBreaking: summary.nonBreaking };
}
