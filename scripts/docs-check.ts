/**
 * `npm run docs:check [-- --docs <dir>] [-- --spec <dir>]`
 *
 * Compares each spec operation with the source page named by its `x-source-doc` (a page in docs/pages/; `--docs`
 * reads the pages from another folder): every documented parameter or field the spec lacks or types differently,
 * and every spec field the page does not document, is printed with the page and the spec location to edit. An
 * operation whose x-source-doc is an https:// URL is listed as not checked (no local page); the summary counts
 * every operation of every spec. Exit 0: specs match the pages; 1: differences; 2: usage, page or
 * spec errors. Justified differences are listed in spec/docs-exceptions.yml.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkDocs, type CheckResult } from "./docs-check/check.js";
import type { Problem } from "./docs-check/model.js";
import { PAGES_DIR } from "./openapi/index.js";

// Defaults are resolved from the repository, not the working directory, so the check runs from anywhere.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = `usage: docs-check [--docs <dir>] [--spec <dir>]  (defaults: ${PAGES_DIR}/ and spec/ of the repository)`;

function formatProblem(problem: Problem): string {
  const where = problem.specLocation === undefined ? "" : `  [${problem.specLocation}]`;
  return `${problem.operation} (${problem.page}): ${problem.field}: ${problem.message}${where}`;
}

function report(result: CheckResult): number {
  let differences = result.otherProblems.length;
  for (const operation of result.operations) {
    differences += operation.problems.length;
    if (operation.problems.length === 0) {
      console.log(`${operation.operation} (${operation.page}): ok, ${operation.checked} documented fields checked`);
    } else {
      for (const problem of operation.problems) console.log(formatProblem(problem));
    }
  }
  for (const unchecked of result.unchecked) {
    console.log(`${unchecked.operation} (${unchecked.page}): not checked (${unchecked.reason})`);
  }
  for (const problem of result.otherProblems) console.log(formatProblem(problem));
  if (result.uncheckedPages.length > 0) {
    console.log(`pages not checked (no operation names them in x-source-doc): ${result.uncheckedPages.join(", ")}`);
  }
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  const total = result.operations.length + result.unchecked.length;
  const notChecked = result.unchecked.map((unchecked) => `${unchecked.operation}: ${unchecked.reason}`);
  const summary = [
    `${plural(total, "operation")} in ${plural(result.specs, "spec")}`,
    `${result.operations.length} checked`,
    `${result.unchecked.length} not checked${notChecked.length === 0 ? "" : ` (${notChecked.join("; ")})`}`,
    plural(differences, "difference"),
  ].join(", ");
  console.log(differences === 0 ? `docs:check: ${summary}` : `docs:check failed: ${summary}`);
  return differences === 0 ? 0 : 1;
}

function main(): number {
  let values: { docs?: string; spec?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { docs: { type: "string" }, spec: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`docs:check: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    return report(
      checkDocs({
        docsDir: path.resolve(values.docs ?? path.join(repoRoot, PAGES_DIR)),
        specDir: path.resolve(values.spec ?? path.join(repoRoot, "spec")),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== "DocsCheckError") throw error;
    console.error(`docs:check: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = main();
