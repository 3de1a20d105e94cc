/** The report spec:diff produces; both renderers (Markdown, JSON) read only this. */

export type Severity = "breaking" | "non-breaking";

export interface OperationRef {
  /** Absent when neither side names the operation. */
  readonly operationId?: string;
  /** Upper-case HTTP method, e.g. "POST". */
  readonly method: string;
  readonly path: string;
}

export interface Change {
  readonly severity: Severity;
  /** Id of the classification rule that decided `severity` (see rules.ts); stable, for tooling and tests. */
  readonly rule: string;
  /** The operation the change belongs to; undefined for document-level changes (servers, security, info…). */
  readonly operation?: OperationRef;
  /** Where, in words: "query parameter `limit`", "response 200 field `data_list[].name`". */
  readonly location: string;
  /** RFC 6901 pointer into the $ref-resolved document, as api-smart-diff reports it. */
  readonly jsonPath: string;
  readonly action: "add" | "remove" | "replace" | "rename";
  readonly before?: unknown;
  readonly after?: unknown;
  /** Why the change has its severity, in plain words; names the field. */
  readonly reason: string;
}

export type FileStatus = "added" | "removed" | "modified" | "unchanged";

export interface FileReport {
  /** File name inside the spec directory, e.g. "hss.v5.yaml". */
  readonly file: string;
  readonly status: FileStatus;
  readonly changes: readonly Change[];
}

export interface Report {
  /** What was compared, for the reader: e.g. "HEAD (1a2b3c4)" or "dir test/fixtures/a". */
  readonly base: string;
  readonly head: string;
  readonly files: readonly FileReport[];
}

export function countBySeverity(changes: Iterable<Change>): { breaking: number; nonBreaking: number } {
  let breaking = 0;
  let nonBreaking = 0;
  for (const change of changes) {
    if (change.severity === "breaking") breaking++;
    else nonBreaking++;
  }
  return { breaking, nonBreaking };
}

export function allChanges(report: Report): Change[] {
  return report.files.flatMap((file) => file.changes);
}
