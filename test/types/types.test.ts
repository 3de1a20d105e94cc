import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const DIRECTIVE = "// @ts-expect-error";

// Each usage file compiles under both settings of exactOptionalPropertyTypes: users have either.
const CONFIGS = {
  "exactOptionalPropertyTypes off": "tsconfig.json",
  "exactOptionalPropertyTypes on": "tsconfig.exact.json",
};
const USAGES = [
  // generated/: method inputs and outputs, the operation tables.
  { file: "generated-usage.ts", minMarked: 8 },
  // Client options (region or endpoint, region ids, auth shapes) and undefined in optional inputs.
  { file: "options-usage.ts", minMarked: 9 },
  // The helpers' options (paginate, waitForTask, signHeaders): undefined where a field is optional.
  { file: "helper-options-usage.ts", minMarked: 5 },
  // The credential helpers' options (fromEnv, fromProfile, fromEcsMetadata, cached, defaultChain, IAM tokens).
  { file: "credential-options-usage.ts", minMarked: 6 },
];

describe.each(Object.entries(CONFIGS))("types, %s", (_, config) => {
  const tsconfigPath = here(config);

  it("compile for correct usage and reject every marked misuse", () => {
    const tsc = spawnSync("npx", ["tsc", "--noEmit", "-p", tsconfigPath], { cwd: repoRoot, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it.each(USAGES)(
    "have a real error under each @ts-expect-error in $file (the directives are not vacuous)",
    ({ file, minMarked }) => {
      const usagePath = here(file);
      const lines = readFileSync(usagePath, "utf8").split("\n");
      const marked = lines.flatMap((line, index) => (line.trim().startsWith(DIRECTIVE) ? [index + 2] : []));
      expect(marked.length).toBeGreaterThanOrEqual(minMarked);
      // Blank the directives (keeping line numbers) and compile in memory: every marked line must now fail.
      const stripped = lines.map((line) => (line.trim().startsWith(DIRECTIVE) ? "" : line)).join("\n");
      expect(errorLines(tsconfigPath, usagePath, stripped)).toEqual(marked);
    },
  );
});

/** 1-based lines of `usagePath` that have a type error when its text is `text`, compiled with `tsconfigPath`. */
function errorLines(tsconfigPath: string, usagePath: string, text: string): number[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === usagePath ? text : readFile(file));
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const file = program.getSourceFile(usagePath)!;
  const lines = ts
    .getPreEmitDiagnostics(program, file)
    .map((d) => file.getLineAndCharacterOfPosition(d.start!).line + 1);
  return [...new Set(lines)].sort((a, b) => a - b);
}
