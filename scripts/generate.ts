/**
 * `npm run generate [-- --check] [--spec-dir <dir>] [--out-dir <dir>]`
 *
 * spec/*.yaml → generated/<service>/{types,operations}.ts. Every spec is parsed, linted
 * and generated in memory first; generated/ is touched only when all of them pass. With --check nothing is
 * written: the run fails when generated/ differs from what the specs produce.
 */
import "./generate/telemetry-off.js";
import path from "node:path";
import { parseArgs } from "node:util";
import { diffOutput, writeOutput, type OutputDiff } from "./generate/output.js";
import { generateAll, type GeneratedOutput } from "./generate/pipeline.js";
import { GenerationError } from "./generate/problems.js";

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: "boolean", default: false },
      "spec-dir": { type: "string", default: "spec" },
      "out-dir": { type: "string", default: "generated" },
    },
  });
  const [specDir, outDir] = [values["spec-dir"], values["out-dir"]];
  let generated: GeneratedOutput;
  try {
    generated = await generateAll(specDir);
  } catch (error) {
    if (!(error instanceof GenerationError)) throw error;
    console.error(
      `generate: ${plural(error.problems.length, "problem")}; ${outDir}/ left unchanged\n${error.problems.join("\n")}`,
    );
    return 1;
  }
  const diff = await diffOutput(outDir, generated.files);
  if (values.check) return reportCheck(outDir, diff);
  await writeOutput(outDir, generated.files, diff);
  const services = generated.services.map((s) => `${s.service.name} (${plural(s.operations.length, "operation")})`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `generate: ${services.join(", ")}; ${diff.changed.length + diff.missing.length} written, ` +
      `${diff.unchanged.length} unchanged, ${diff.extra.length} removed in ${outDir}/ (${seconds}s)`,
  );
  return 0;
}

function reportCheck(outDir: string, diff: OutputDiff): number {
  const stale = [
    ...diff.changed.map((f) => `  changed: ${path.join(outDir, f)}`),
    ...diff.missing.map((f) => `  missing: ${path.join(outDir, f)}`),
    ...diff.extra.map((f) => `  extra:   ${path.join(outDir, f)}`),
  ];
  if (stale.length === 0) {
    console.log(`generate --check: ${outDir}/ is in sync with the specs (${plural(diff.unchanged.length, "file")})`);
    return 0;
  }
  console.error(`generate --check: ${outDir}/ is out of date; run \`npm run generate\`:\n${stale.join("\n")}`);
  return 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A bad command line gets a plain message; anything else is a generator bug and keeps its stack.
    const badUsage = error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
    console.error(badUsage ? `generate: ${error.message}` : error);
    process.exitCode = 2;
  },
);
