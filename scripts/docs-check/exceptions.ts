import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { DocsCheckError, type Problem } from "./model.js";

/** A reviewed, justified difference between a page and the spec (spec/docs-exceptions.yml). */
export interface DocsException {
  readonly operation: string;
  /** The problem's field as docs:check prints it, e.g. "response 400". */
  readonly field: string;
  readonly reason: string;
}

/** Reads the exceptions file; a missing file means no exceptions. */
export function loadExceptions(file: string): DocsException[] {
  if (!existsSync(file)) return [];
  let document: unknown;
  try {
    document = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DocsCheckError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const list = (document as { exceptions?: unknown } | null)?.exceptions;
  if (!Array.isArray(list)) throw new DocsCheckError(`${file}: expected a top-level "exceptions:" list`);
  return list.map((entry: Record<string, unknown>, index) => {
    for (const key of ["operation", "field", "reason"]) {
      if (typeof entry?.[key] !== "string" || entry[key] === "") {
        throw new DocsCheckError(`${file}: exceptions[${index}] needs a non-empty "${key}"`);
      }
    }
    return { operation: entry.operation as string, field: entry.field as string, reason: entry.reason as string };
  });
}

/**
 * Drops the problems an exception covers. An exception for a checked operation that covers nothing is itself
 * reported, so the file cannot keep excusing a difference that no longer exists. (Exceptions for operations not
 * in the specs checked, e.g. a spec still being written, are left alone.)
 */
export function applyExceptions(
  problems: readonly Problem[],
  exceptions: readonly DocsException[],
  checkedOperations: readonly string[],
  file: string,
): Problem[] {
  const covers = (exception: DocsException, problem: Problem) =>
    exception.operation === problem.operation && exception.field === problem.field;
  const kept = problems.filter((problem) => !exceptions.some((exception) => covers(exception, problem)));
  const stale = exceptions.filter(
    (exception) =>
      checkedOperations.includes(exception.operation) && !problems.some((problem) => covers(exception, problem)),
  );
  return [
    ...kept,
    ...stale.map((exception) => ({
      operation: exception.operation,
      page: file,
      field: exception.field,
      message: "listed as an exception but there is no such difference any more: remove the entry",
    })),
  ];
}
