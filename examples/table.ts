/** Plain-text tables: a header row, a rule, and columns padded to their widest cell. Numbers align right. */

export type Cell = string | number;

export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[], indent = "  "): string {
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => isNumeric(row[column])));
  const text = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, column) => Math.max(...text.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((width) => "-".repeat(width)).join("  ");
  return [line(text[0]!), rule, ...text.slice(1).map(line)].join("\n");
}

/** Numbers, "-" (none), and durations such as "12 ms" line up on the right. */
function isNumeric(cell: Cell | undefined): boolean {
  return typeof cell === "number" || (typeof cell === "string" && /^(-|\d+(\.\d+)? (ms|s))$/.test(cell));
}

/** Counts of each value, most frequent first: [["finished", 510], ["running", 51], …]. */
export function tally(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
