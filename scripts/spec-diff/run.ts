import { join, resolve } from "node:path";
import { type CliOptions, USAGE, parseCliArgs } from "./cli-args.js";
import { compareSources } from "./compare-specs.js";
import { SpecDiffInputError } from "./errors.js";
import { defaultBase, repoRoot, resolveCommit } from "./git.js";
import { allChanges, countBySeverity } from "./model.js";
import { renderJson } from "./render-json.js";
import { renderMarkdown } from "./render-markdown.js";
import { type SpecSource, readSpecDirectory, readSpecsAtCommit, specDirInRepo } from "./spec-sources.js";

export interface RunResult {
  /** 0: no breaking change (or --allow-breaking); 1: a breaking change; 2: usage or input error. */
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run spec:diff` without the process: arguments and working directory in, output and exit code out. */
export function runSpecDiff(argv: readonly string[], cwd: string): RunResult {
  try {
    const options = parseCliArgs(argv);
    if (options.help) return { exitCode: 0, stdout: USAGE, stderr: "" };
    const report = compareSources(baseSource(options, cwd), headSource(options, cwd));
    const stdout = options.format === "json" ? renderJson(report) : renderMarkdown(report);
    const { breaking } = countBySeverity(allChanges(report));
    return { exitCode: breaking > 0 && !options.allowBreaking ? 1 : 0, stdout, stderr: "" };
  } catch (error) {
    if (error instanceof SpecDiffInputError)
      return { exitCode: 2, stdout: "", stderr: `spec:diff: ${error.message}\n` };
    throw error;
  }
}

function baseSource(options: CliOptions, cwd: string): SpecSource {
  if (options.baseDir !== undefined) {
    return readSpecDirectory(
      resolve(cwd, options.baseDir),
      `directory ${options.baseDir}`,
      `--base-dir ${options.baseDir}`,
    );
  }
  const repo = resolve(cwd, options.repo);
  const root = repoRoot(repo);
  const { ref, label } = options.base === undefined ? defaultBase(root) : { ref: options.base, label: options.base };
  const commit = resolveCommit(root, ref);
  const description = label.includes(commit.slice(0, 7)) ? label : `${label} (${commit.slice(0, 7)})`;
  return readSpecsAtCommit(root, commit, specDirInRepo(root, repo, options.specDir), description);
}

function headSource(options: CliOptions, cwd: string): SpecSource {
  if (options.headDir !== undefined) {
    return readSpecDirectory(
      resolve(cwd, options.headDir),
      `directory ${options.headDir}`,
      `--head-dir ${options.headDir}`,
    );
  }
  return readSpecDirectory(
    join(resolve(cwd, options.repo), options.specDir),
    `working tree (${options.specDir})`,
    `--spec-dir ${options.specDir}`,
  );
}
