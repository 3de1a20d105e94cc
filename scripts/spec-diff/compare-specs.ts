import { apiCompare, type Diff } from "api-smart-diff";
import { dereference } from "./dereference.js";
import { DocPair, HTTP_METHODS, isObject } from "./doc-pair.js";
import { locate } from "./locate.js";
import type { Change, FileReport, OperationRef, Report } from "./model.js";
import { parseSpec } from "./parse-spec.js";
import { classify } from "./rules.js";
import type { SpecSource } from "./spec-sources.js";

type Spec = Record<string, unknown>;

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

/** The OpenAPI documents of a source, by file name; other YAML files are left out. */
function parseSpecs(source: SpecSource): Map<string, Spec> {
  const specs = new Map<string, Spec>();
  for (const [name, file] of source.files) {
    const spec = parseSpec(file.text, file.label);
    if (spec) specs.set(name, spec);
  }
  return specs;
}

function compareFile(name: string, before: Spec | undefined, after: Spec | undefined): FileReport {
  if (before && after) {
    const changes = compareDocuments(before, after);
    return { file: name, status: changes.length > 0 ? "modified" : "unchanged", changes };
  }
  if (after) {
    const reason = `spec file \`${name}\` added with ${countOperations(after)} operation(s)`;
    return { file: name, status: "added", changes: [fileChange("non-breaking", "spec-file-added", name, "add", reason)] };
  }
  // Names come from the union of both sides, so a file missing on the head side is on the base side.
  const reason = `spec file \`${name}\` removed: its ${before ? countOperations(before) : 0} operation(s) are gone`;
  return { file: name, status: "removed", changes: [fileChange("breaking", "spec-file-removed", name, "remove", reason)] };
}

function fileChange(severity: Change["severity"], rule: string, name: string, action: "add" | "remove", reason: string): Change {
  return { severity, rule, location: `spec file \`${name}\``, jsonPath: "", action, reason };
}

/** Diffs two parsed specs; the changes come sorted: by operation (document-level first), breaking first. */
export function compareDocuments(before: Spec, after: Spec): Change[] {
  const docs = new DocPair(dereference(before), dereference(after));
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
  return changes.sort((a, b) => operationKey(a.operation).localeCompare(operationKey(b.operation)) || severityRank(a) - severityRank(b));
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

const operationKey = (operation: OperationRef | undefined): string => (operation ? `${operation.path} ${operation.method}` : "");

const severityRank = (change: Change): number => (change.severity === "breaking" ? 0 : 1);

function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function countOperations(doc: Spec): number {
  const paths = isObject(doc.paths) ? Object.values(doc.paths) : [];
  return paths.reduce<number>((count, item) => count + (isObject(item) ? Object.keys(item).filter((key) => HTTP_METHODS.has(key)).length : 0), 0);
}
