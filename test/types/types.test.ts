import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsconfigPath = fileURLToPath(new URL("tsconfig.json", import.meta.url));
const usagePath = fileURLToPath(new URL("generated-usage.ts", import.meta.url));
const DIRECTIVE = "// @ts-expect-error";

describe("generated types", () => {
  it("compile for correct usage and reject every marked misuse", () => {
    const tsc = spawnSync("npx", ["tsc", "--noEmit", "-p", tsconfigPath], { cwd: repoRoot, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("have a real error under each @ts-expect-error (the directives are not vacuous)", () => {
    const lines = readFileSync(usagePath, "utf8").split("\n");
    const marked = lines.flatMap((line, index) => (line.trim().startsWith(DIRECTIVE) ? [index + 2] : []));
    expect(marked.length).toBeGreaterThanOrEqual(8);
    // Blank the directives (keeping line numbers) and compile in memory: every marked line must now fail.
    const stripped = lines.map((line) => (line.trim().startsWith(DIRECTIVE) ? "" : line)).join("\n");
    expect(errorLines(stripped)).toEqual(marked);
  });
});

/** 1-based lines of generated-usage.ts that have a type error when its text is `text`. */
function errorLines(text: string): number[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === usagePath ? text : readFile(file));
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const file = program.getSourceFile(usagePath)!;
  const lines = ts.getPreEmitDiagnostics(program, file).map((d) => file.getLineAndCharacterOfPosition(d.start!).line + 1);
  return [...new Set(lines)].sort((a, b) => a - b);
}
