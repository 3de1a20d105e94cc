import { mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** How the output directory differs from freshly generated files (paths relative to it, forward slashes). */
export interface OutputDiff {
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  /** Files in the output directory that the generator no longer produces (e.g. a removed service). */
  readonly extra: readonly string[];
  readonly unchanged: readonly string[];
}

export async function diffOutput(outDir: string, files: ReadonlyMap<string, string>): Promise<OutputDiff> {
  const existing = await listFiles(outDir);
  const changed: string[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  for (const [file, content] of files) {
    if (!existing.has(file)) missing.push(file);
    else if ((await readFile(path.join(outDir, file), "utf8")) === content) unchanged.push(file);
    else changed.push(file);
  }
  const extra = [...existing].filter((file) => !files.has(file)).sort();
  return { changed, missing, extra, unchanged };
}

/**
 * Brings the output directory in line with `files`: each new or changed file is written to a temporary file
 * next to it and renamed over the target (a reader never sees half a file); stale files are removed.
 */
export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>, diff: OutputDiff): Promise<void> {
  for (const file of [...diff.changed, ...diff.missing]) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, files.get(file)!);
    await rename(temp, target);
  }
  for (const file of diff.extra) {
    await unlink(path.join(outDir, file));
    await removeEmptyDirs(outDir, path.dirname(file));
  }
}

/** Every file under `dir`, recursively, except dotfiles (e.g. a `.gitkeep`). */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return new Set(
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")),
  );
}

/** Removes `relativeDir` and its parents inside `outDir` while they are empty (a removed service's folder). */
async function removeEmptyDirs(outDir: string, relativeDir: string): Promise<void> {
  for (let dir = relativeDir; dir !== "." && dir !== ""; dir = path.dirname(dir)) {
    const full = path.join(outDir, dir);
    if ((await readdir(full)).length > 0) return;
    await rmdir(full);
  }
}
