/**
 * Runs a program of examples/ as a user runs it: a subprocess (tsx, with the condition that resolves the
 * package's own imports to its sources), stdout and stderr piped (so not a TTY), in the repository root.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ExampleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any HUAWEICLOUD_* variable (a developer's real credentials must not leak in), plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("HUAWEICLOUD_")));
  return { ...env, ...extra };
}

/** Runs `examples/<file>` with `args` under `env` (default: the clean environment). */
export function runExample(
  file: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = cleanEnv(),
): Promise<ExampleRun> {
  return new Promise((resolve, reject) => {
    const command = ["tsx", "--conditions=huaweicloud-task-client/source", `examples/${file}`, ...args];
    const child = spawn("npx", command, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
