import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { isSpecFileName } from "../openapi/index.js";
import { SpecDiffInputError } from "./errors.js";
import { listFilesAtCommit, readFileAtCommit } from "./git.js";

/** One side of the comparison: the spec files found, by file name. */
export interface SpecSource {
  /** For the report header, e.g. "HEAD (1a2b3c4)". */
  readonly description: string;
  readonly files: ReadonlyMap<string, SpecFile>;
}

export interface SpecFile {
  /** Names the file in error messages (a path, or "<commit>:<path>"). */
  readonly label: string;
  readonly text: string;
}

/** `dir` is absolute; `named` is how the user named it, for the error message ("--base-dir a/b"). */
export function readSpecDirectory(dir: string, description: string, named: string): SpecSource {
  if (!isDirectory(dir)) throw new SpecDiffInputError(`${named}: not a directory (${dir})`);
  const names = readdirSync(dir).filter(isSpecFileName).sort();
  return {
    description,
    files: new Map(
      names.map((name) => [name, { label: join(dir, name), text: readFileSync(join(dir, name), "utf8") }]),
    ),
  };
}

export function readSpecsAtCommit(root: string, commit: string, specDir: string, description: string): SpecSource {
  const names = listFilesAtCommit(root, commit, specDir).filter(isSpecFileName).sort();
  return {
    description,
    files: new Map(
      names.map((name) => {
        const path = `${specDir}/${name}`;
        return [name, { label: `${commit.slice(0, 7)}:${path}`, text: readFileAtCommit(root, commit, path) }];
      }),
    ),
  };
}

/** `--spec-dir` as git wants it: relative to the repository root, with forward slashes. */
export function specDirInRepo(root: string, repo: string, specDir: string): string {
  const inRepo = relative(root, resolve(repo, specDir));
  if (inRepo === "" || inRepo.startsWith("..")) {
    throw new SpecDiffInputError(`--spec-dir ${specDir}: must be a directory below the repository root ${root}`);
  }
  return inRepo.split(sep).join("/");
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
