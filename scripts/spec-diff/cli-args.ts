import { parseArgs } from "node:util";
import { SpecDiffInputError } from "./errors.js";

export const USAGE = `Usage: npm run spec:diff -- [options]

Compares each spec (spec/*.yaml) at a base with the working tree and prints a review report.

Options:
  --base <git-ref>     base commit (default: HEAD when the tree has uncommitted changes,
                       else the merge base with the main branch)
  --base-dir <dir>     read the base specs from a directory instead of git
  --head-dir <dir>     read the head specs from a directory instead of the working tree's spec dir
  --spec-dir <dir>     spec directory, relative to the repository (default: spec)
  --repo <dir>         the git repository (default: the current directory)
  --format <fmt>       markdown (default) or json
  --allow-breaking     exit 0 even when a change is breaking
  -h, --help           show this help

Exit codes: 0 no breaking change (or --allow-breaking), 1 a breaking change, 2 usage or input error.
`;

export type OutputFormat = "markdown" | "json";

export interface CliOptions {
  readonly help: boolean;
  readonly format: OutputFormat;
  readonly allowBreaking: boolean;
  readonly base?: string;
  readonly baseDir?: string;
  readonly headDir?: string;
  readonly specDir: string;
  readonly repo: string;
}

const FORMATS: readonly OutputFormat[] = ["markdown", "json"];

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseOrExplain(argv);
  const format = values.format ?? "markdown";
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new SpecDiffInputError(`--format ${format}: must be one of ${FORMATS.join(", ")}`);
  }
  if (values.base !== undefined && values["base-dir"] !== undefined) {
    throw new SpecDiffInputError("--base and --base-dir both name the base; pass one of them");
  }
  return {
    help: values.help ?? false,
    format: format as OutputFormat,
    allowBreaking: values["allow-breaking"] ?? false,
    ...(values.base !== undefined && { base: values.base }),
    ...(values["base-dir"] !== undefined && { baseDir: values["base-dir"] }),
    ...(values["head-dir"] !== undefined && { headDir: values["head-dir"] }),
    specDir: values["spec-dir"] ?? "spec",
    repo: values.repo ?? ".",
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: "string" },
        "base-dir": { type: "string" },
        "head-dir": { type: "string" },
        "spec-dir": { type: "string" },
        repo: { type: "string" },
        format: { type: "string" },
        "allow-breaking": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // node's messages name the offending option ("Unknown option '--x'"); keep them, add the usage.
    throw new SpecDiffInputError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}
