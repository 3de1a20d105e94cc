import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareOperation, type OperationResult } from "./compare.js";
import { applyExceptions, loadExceptions } from "./exceptions.js";
import { DocsCheckError, type Problem } from "./model.js";
import { parsePage } from "./page-parser.js";
import { loadSpecs } from "./spec-document.js";
import { classifySourceDoc } from "../openapi/index.js";
import { operationsOf } from "./spec-walker.js";

/** An operation that was not compared with a page, and why. */
export interface UncheckedOperation {
  readonly operation: string;
  /** Its x-source-doc, or "no page". */
  readonly page: string;
  /** "no local page" for an https:// source (not a failure); otherwise the x-source-doc problem. */
  readonly reason: string;
}

export interface CheckResult {
  /** How many spec files were read. */
  readonly specs: number;
  /** The operations compared with their page. */
  readonly operations: readonly OperationResult[];
  /** Every other operation of the specs: compared + unchecked = all of them. */
  readonly unchecked: readonly UncheckedOperation[];
  /** Problems outside any one page comparison: a missing or broken x-source-doc, stale exceptions. */
  readonly otherProblems: readonly Problem[];
  /** Pages in the pages folder that no spec operation names in its x-source-doc (not checked). */
  readonly uncheckedPages: readonly string[];
}

/**
 * The reviewed exceptions, beside the specs. Deliberately `.yml`: the generator treats every `spec/*.yaml` as an
 * OpenAPI document to lint and generate from.
 */
export const EXCEPTIONS_FILE = "docs-exceptions.yml";

/**
 * Compares every operation of the specs in `specDir` with the page its `x-source-doc` names: a path
 * `docs/pages/<file>` is read from `docsDir` (the repository's docs/pages, or a stand-in folder in tests).
 */
export function checkDocs(options: { readonly docsDir: string; readonly specDir: string }): CheckResult {
  const pages = listPages(options.docsDir);
  const specs = loadSpecs(options.specDir);
  const operations = specs.flatMap(operationsOf);
  const results: OperationResult[] = [];
  const unchecked: UncheckedOperation[] = [];
  const otherProblems: Problem[] = [];
  const namedPages = new Set<string>();
  for (const operation of operations) {
    const page = operation.sourceDoc ?? "no page";
    const source = classifySourceDoc(operation.sourceDoc);
    if (source.kind === "page") namedPages.add(source.file);
    if (source.kind === "page" && pages.includes(source.file)) {
      const text = readFileSync(path.join(options.docsDir, source.file), "utf8");
      results.push(compareOperation(parsePage(text, page), operation));
      continue;
    }
    const reason =
      source.kind === "url"
        ? "no local page"
        : source.kind === "invalid"
          ? source.reason
          : `no such page in ${options.docsDir}`;
    unchecked.push({ operation: operation.operationId, page, reason });
    // An https:// source is the documented way for an operation to have no page here; anything else is broken.
    if (source.kind !== "url") {
      const specLocation = `${operation.spec.file}#${operation.pointer}`;
      otherProblems.push({
        operation: operation.operationId,
        page,
        field: "x-source-doc",
        message: reason,
        specLocation,
      });
    }
  }
  const exceptionsFile = path.join(options.specDir, EXCEPTIONS_FILE);
  const problems = applyExceptions(
    [...results.flatMap((result) => result.problems), ...otherProblems],
    loadExceptions(exceptionsFile),
    operations.map((operation) => operation.operationId),
    path.relative(process.cwd(), exceptionsFile),
  );
  // applyExceptions returns the surviving problem objects themselves, so they regroup by identity.
  return {
    specs: specs.length,
    unchecked,
    operations: results.map((result) => ({ ...result, problems: problems.filter((p) => result.problems.includes(p)) })),
    otherProblems: problems.filter((problem) => !results.some((result) => result.problems.includes(problem))),
    uncheckedPages: pages.filter((page) => !namedPages.has(page)),
  };
}

function listPages(docsDir: string): string[] {
  try {
    return readdirSync(docsDir)
      .filter((name) => name.endsWith(".txt"))
      .sort();
  } catch {
    throw new DocsCheckError(`docs directory not found: ${docsDir}`);
  }
}
