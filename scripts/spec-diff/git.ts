import { execFileSync } from "node:child_process";
import { SpecDiffInputError } from "./errors.js";

/** Branches tried, in order, as "the main branch" when no --base is given. */
const MAIN_BRANCH_CANDIDATES = ["main", "master"];

/** Runs git in `cwd` and returns stdout; on failure returns undefined so callers can word their own message. */
function tryGit(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

export function repoRoot(repo: string): string {
  const root = tryGit(repo, ["rev-parse", "--show-toplevel"]);
  if (root === undefined) {
    throw new SpecDiffInputError(
      `${repo} is not inside a git repository (use --base-dir/--head-dir to compare two directories)`,
    );
  }
  return root.trim();
}

/** Full commit id of `ref`; a ref that names no commit is a usage error. */
export function resolveCommit(root: string, ref: string): string {
  const commit = tryGit(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (commit === undefined)
    throw new SpecDiffInputError(`--base ${ref}: not a commit in the git repository at ${root}`);
  return commit.trim();
}

/**
 * The base when none is given: HEAD while there are uncommitted changes (review what is about to be committed),
 * otherwise the merge base with the main branch (review the whole branch). `label` says which, for the report.
 */
export function defaultBase(root: string): { ref: string; label: string } {
  const status = tryGit(root, ["status", "--porcelain"]);
  if (status === undefined) throw new SpecDiffInputError(`git status failed in ${root}`);
  if (status.trim() !== "") return { ref: "HEAD", label: "HEAD, as the tree has uncommitted changes" };
  const mainBranch = MAIN_BRANCH_CANDIDATES.find(
    (branch) => tryGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]) !== undefined,
  );
  if (mainBranch === undefined) {
    throw new SpecDiffInputError(
      `no main branch (${MAIN_BRANCH_CANDIDATES.join(" or ")}) in ${root}; pass --base <git-ref>`,
    );
  }
  const mergeBase = tryGit(root, ["merge-base", "HEAD", mainBranch]);
  if (mergeBase === undefined)
    throw new SpecDiffInputError(`HEAD and ${mainBranch} have no merge base in ${root}; pass --base <git-ref>`);
  const ref = mergeBase.trim();
  return { ref, label: `merge base with ${mainBranch} (${ref.slice(0, 7)})` };
}

/** Names of the files directly inside `dir` (a path relative to the repository root) at `commit`. */
export function listFilesAtCommit(root: string, commit: string, dir: string): string[] {
  const listing = tryGit(root, ["ls-tree", "--name-only", commit, "--", `${dir}/`]);
  if (listing === undefined) throw new SpecDiffInputError(`git ls-tree ${commit} -- ${dir}/ failed in ${root}`);
  return listing
    .split("\n")
    .filter((line) => line !== "")
    .map((path) => path.slice(dir.length + 1));
}

export function readFileAtCommit(root: string, commit: string, path: string): string {
  const text = tryGit(root, ["show", `${commit}:${path}`]);
  if (text === undefined) throw new SpecDiffInputError(`git show ${commit}:${path} failed in ${root}`);
  return text;
}
