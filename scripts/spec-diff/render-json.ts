import { type Change, type Report, allChanges, countBySeverity } from "./model.js";

/**
 * The report as JSON. Key order and change order are fixed, so equal inputs give byte-equal output.
 * `before`/`after` are left out where a side has no value (an added or removed node).
 */
export function renderJson(report: Report): string {
  const json = {
    base: report.base,
    head: report.head,
    summary: { ...countBySeverity(allChanges(report)), files: report.files.length },
    files: report.files.map((file) => ({
      file: file.file,
      status: file.status,
      ...countBySeverity(file.changes),
      changes: file.changes.map(jsonChange),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function jsonChange(change: Change): Record<string, unknown> {
  return {
    severity: change.severity,
    rule: change.rule,
    operation: change.operation
      ? {
          operationId: change.operation.operationId ?? null,
          method: change.operation.method,
          path: change.operation.path,
        }
      : null,
    location: change.location,
    jsonPath: change.jsonPath,
    action: change.action,
    before: change.before,
    after: change.after,
    reason: change.reason,
  };
}
