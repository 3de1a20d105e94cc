import { apiCompare, type Diff } from "api-smart-diff";
import {
  dereference,
  formatPointer,
  parseSpecDocument,
  SpecReadError,
  specOperations,
  type SpecDocument,
} from "../openapi/index.js";
import { DocPair } from "./doc-pair.js";
import { SpecDiffInputError } from "./errors.js";
import { locate } from "./locate.js";
import type { Change, FileReport, OperationRef, Report } from "./model.js";
import { classify } from "./rules.js";
import type { SpecSource } from "./spec-sources.js";

type Spec = SpecDocument;

export function compareSources(base: SpecSource, head: SpecSource): Report {
  const before = parseSpecs(base);
  const after = parseSpecs(head);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return {
    base: base.description,
    head: head.description,
    files: names.map((name) => compareFile(name, before.get(name), after.get(name))),
  };
}

/** The OpenAPI documents of a source, by file name; other YAML files are left out (the reader's rule). */
function parseSpecs(source: SpecSource): Map<string, Spec> {
  const specs = new Map<string, Spec>();
  for (const [name, file] of source.files) {
    const spec = readable(() => parseSpecDocument(file.text, file.label));
    if (spec) specs.set(name, spec);
  }
  return specs;
}

/** A spec the reader cannot read is bad input (exit 2), named by file:line:col. */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SpecReadError)) throw error;
    const where = error.where === undefined ? "" : `${error.where}: `;
    throw new SpecDiffInputError(`${where}${error.kind === "yaml" ? "invalid YAML: " : ""}${error.problem}`);
  }
}

function compareFile(name: string, before: Spec | undefined, after: Spec | undefined): FileReport {
  if (before && after) {
    const changes = compareDocuments(before, after);
    return { file: name, status: changes.length > 0 ? "modified" : "unchanged", changes };
  }
  if (after) {
    const reason = `spec file \`${name}\` added with ${countOperations(after)} operation(s)`;
    return {
      file: name,
      status: "added",
      changes: [fileChange("non-breaking", "spec-file-added", name, "add", reason)],
    };
  }
  // Names come from the union of both sides, so a file missing on the head side is on the base side.
  const reason = `spec file \`${name}\` removed: its ${before ? countOperations(before) : 0} operation(s) are gone`;
  return {
    file: name,
    status: "removed",
    changes: [fileChange("breaking", "spec-file-removed", name, "remove", reason)],
  };
}

function fileChange(
  severity: Change["severity"],
  rule: string,
  name: string,
  action: "add" | "remove",
  reason: string,
): Change {
  return { severity, rule, location: `spec file \`${name}\``, jsonPath: "", action, reason };
}

/**
 * Diffs two parsed specs; the changes come sorted: by operation (document-level first), breaking first.
 *
 * The documents are compared dereferenced: api-smart-diff resolves $refs only when both sides use one, so a
 * schema moved from inline into components (and referenced) would show up as removed keys plus an `allOf`. A
 * $ref back into its own expansion (a recursive schema) stays a $ref.
 */
export function compareDocuments(before: Spec, after: Spec): Change[] {
  const expand = (spec: Spec) => readable(() => dereference(spec, { cycles: "keep" }) as Record<string, unknown>);
  const docs = new DocPair(expand(before), expand(after));
  // apiCompare writes into its inputs (e.g. an empty `enum` where the other side has one): give it copies.
  const { diffs } = apiCompare(structuredClone(docs.before), structuredClone(docs.after));
  const changes = diffs.filter(isReportable).map((diff): Change => {
    const where = locate(diff, docs);
    const verdict = classify({ diff, where, docs });
    return {
      ...verdict,
      ...(where.operation && { operation: where.operation }),
      location: where.location,
      jsonPath: jsonPointer(diff.path),
      action: diff.action,
      ...(diff.before !== undefined && { before: diff.before }),
      ...(diff.after !== undefined && { after: diff.after }),
    };
  });
  // Array.prototype.sort is stable: within one operation and severity the library's (document) order stays.
  return changes.sort(
    (a, b) => operationKey(a.operation).localeCompare(operationKey(b.operation)) || severityRank(a) - severityRank(b),
  );
}

/**
 * A change inside a component shows up twice: where it is used (dereferenced into the operation) and under
 * `components`. Only the first says which operation it affects, so component diffs are dropped; so are
 * components added or removed by a refactor. Security schemes are not used from operations, so their
 * changes are kept.
 */
function isReportable(diff: Diff): boolean {
  return diff.path[0] !== "components" || diff.path[1] === "securitySchemes";
}

const operationKey = (operation: OperationRef | undefined): string =>
  operation ? `${operation.path} ${operation.method}` : "";

const severityRank = (change: Change): number => (change.severity === "breaking" ? 0 : 1);

function jsonPointer(path: readonly (string | number)[]): string {
  return formatPointer(path.map(String));
}

function countOperations(spec: Spec): number {
  return readable(() => specOperations(spec)).length;
}
