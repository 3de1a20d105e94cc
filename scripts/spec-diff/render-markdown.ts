import { type Change, type FileReport, type Report, allChanges, countBySeverity } from "./model.js";
import { show } from "./show.js";

/** The report as Markdown for a pull-request comment: summary line, then per spec file and per operation. */
export function renderMarkdown(report: Report): string {
  const lines = [summaryLine(report), ""];
  for (const file of report.files) lines.push(...fileSection(file));
  return `${lines.join("\n").trimEnd()}\n`;
}

function summaryLine(report: Report): string {
  const { breaking, nonBreaking } = countBySeverity(allChanges(report));
  const changedFiles = report.files.filter((file) => file.changes.length > 0).length;
  const counts =
    breaking + nonBreaking === 0
      ? `no changes in ${report.files.length} spec file(s)`
      : `**${breaking} breaking**, ${nonBreaking} non-breaking change(s) in ${changedFiles} of ${report.files.length} spec file(s)`;
  return `**Spec diff:** ${counts} (base: ${report.base}; head: ${report.head})`;
}

function fileSection(file: FileReport): string[] {
  const lines = [`### ${code(file.file)} (${file.status})`, ""];
  if (file.changes.length === 0) return [...lines, "No changes.", ""];
  for (const group of groupByOperation(file.changes)) {
    lines.push(`#### ${group.title}`, "", ...group.changes.map(changeLine), "");
  }
  return lines;
}

/** Changes arrive sorted by operation (see compareDocuments), so groups are runs of equal operations. */
function groupByOperation(changes: readonly Change[]): { title: string; changes: Change[] }[] {
  const groups: { title: string; changes: Change[] }[] = [];
  for (const change of changes) {
    const title = operationTitle(change);
    const last = groups.at(-1);
    if (last?.title === title) last.changes.push(change);
    else groups.push({ title, changes: [change] });
  }
  return groups;
}

function operationTitle({ operation }: Change): string {
  if (!operation) return "Document";
  const route = code(`${operation.method} ${operation.path}`);
  return operation.operationId ? `${code(operation.operationId)} — ${route}` : route;
}

function changeLine(change: Change): string {
  const severity = change.severity === "breaking" ? "**breaking**" : "non-breaking";
  const where = change.jsonPath === "" ? change.location : `${change.location} ${code(change.jsonPath)}`;
  const values =
    change.before === undefined && change.after === undefined
      ? ""
      : `: ${value(change.before)} -> ${value(change.after)}`;
  return `- ${severity} ${where}${values} — ${change.reason}`;
}

const value = (v: unknown): string => (v === undefined ? "(none)" : code(show(v)));

/** A Markdown code span that survives backticks inside the text. */
function code(text: string): string {
  if (!text.includes("`")) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}
