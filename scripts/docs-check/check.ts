import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareOperation, type OperationResult } from "./compare.js";
import { applyExceptions, loadExceptions } from "./exceptions.js";
import { DocsCheckError, type Problem } from "./model.js";
import { parsePage } from "./page-parser.js";
import { loadSpecs } from "./spec-document.js";
import { operationsOf } from "./spec-walker.js";

export interface CheckResult {
  readonly operations: readonly OperationResult[];
  /** Problems outside any one page comparison: missing x-source-doc, stale exceptions. */
  readonly otherProblems: readonly Problem[];
  /** Primary pages that no spec operation names in its x-source-doc (not checked). */
  readonly uncheckedPages: readonly string[];
}

/**
 * The reviewed exceptions, beside the specs. Deliberately `.yml`: the generator treats every `spec/*.yaml` as an
 * OpenAPI document to lint and generate from.
 */
export const EXCEPTIONS_FILE = "docs-exceptions.yml";
const PRIMARY_PAGE = /^\d{3}_[0-9a-f]+\.txt$/;

/** Compares every operation of the specs in `specDir` with the page its `x-source-doc` names in `docsDir`. */
export function checkDocs(options: { readonly docsDir: string; readonly specDir: string }): CheckResult {
  const pages = listPages(options.docsDir);
  const operations = loadSpecs(options.specDir).flatMap(operationsOf);
  const results: OperationResult[] = [];
  const otherProblems: Problem[] = [];
  for (const operation of operations) {
    const page = operation.sourceDoc;
    if (page === undefined || !pages.includes(page)) {
      otherProblems.push({
        operation: operation.operationId,
        page: page ?? "no page",
        field: "x-source-doc",
        message: page === undefined ? "the operation has no x-source-doc" : `no such page in ${options.docsDir}`,
        specLocation: `${operation.spec.file}#${operation.pointer}`,
      });
      continue;
    }
    results.push(compareOperation(parsePage(readFileSync(path.join(options.docsDir, page), "utf8"), page), operation));
  }
  const exceptionsFile = path.join(options.specDir, EXCEPTIONS_FILE);
  const problems = applyExceptions(
    [...results.flatMap((result) => result.problems), ...otherProblems],
    loadExceptions(exceptionsFile),
    operations.map((operation) => operation.operationId),
    path.relative(process.cwd(), exceptionsFile),
  );
  // applyExceptions returns the surviving problem objects themselves, so they regroup by identity.
  const named = new Set(operations.map((operation) => operation.sourceDoc));
  return {
    operations: results.map((result) => ({ ...result, problems: problems.filter((p) => result.problems.includes(p)) })),
    otherProblems: problems.filter((problem) => !results.some((result) => result.problems.includes(problem))),
    uncheckedPages: pages.filter((page) => !named.has(page)),
  };
}

function listPages(docsDir: string): string[] {
  try {
    return readdirSync(docsDir).filter((name) => PRIMARY_PAGE.test(name)).sort();
  } catch {
    throw new DocsCheckError(`docs directory not found: ${docsDir}`);
  }
}
