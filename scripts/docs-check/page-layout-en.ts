import { DocsCheckError } from "./model.js";
import { findUri, markerOf, type PagePart, type RawPage, type RawRow, type RawTable } from "./page-layout.js";

/*
 * The English pages write each table cell on its own line(s), ending with " |":
 *
 *   Parameter |          header cells…
 *   Type |
 *   ---|---|---|         …up to the separator
 *   jobs |               then the rows, as many cells each as the header has
 *   Array of JobDetail objects |
 *   Job list. The options are as follows:
 *   |                    (a description may run over several lines; only its last line ends with "|")
 *
 * A table ends where a row would start but the line is no cell (a heading such as "Request Parameters").
 */

const SEPARATOR = /^(?:-+\|)+$/;

const isCellEnd = (line: string) => line.endsWith("|");
const cellText = (lines: readonly string[]) => lines.join(" ").replace(/\|$/, "").trim();

interface PipeTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Index of the first line after the table. */
  readonly next: number;
}

/** Reads the table whose first header line is lines[start]. */
function readPipeTable(lines: readonly string[], start: number, file: string): PipeTable {
  const header: string[] = [];
  let i = start;
  for (; i < lines.length && !SEPARATOR.test(lines[i]!); i++) header.push(cellText([lines[i]!]));
  if (i === lines.length) throw new DocsCheckError(`${file}: table at line ${start + 1} has no "---|" separator`);
  i++;
  const rows: string[][] = [];
  while (i < lines.length && isCellEnd(lines[i]!) && !isHeaderStart(lines[i]!)) {
    const row: string[] = [];
    while (row.length < header.length) {
      const cell: string[] = [];
      while (i < lines.length && !isCellEnd(lines[i]!)) cell.push(lines[i++]!);
      if (i === lines.length) throw new DocsCheckError(`${file}: table at line ${start + 1} ends inside a row`);
      cell.push(lines[i++]!);
      row.push(cellText(cell));
    }
    rows.push(row);
  }
  return { header, rows, next: i };
}

const isHeaderStart = (line: string) => line === "Parameter |" || line === "Status Code |";

function toRawRows(table: PipeTable, file: string, line: number): RawRow[] {
  const column = (name: string) => table.header.indexOf(name);
  const [name, mandatory, type] = [column("Parameter"), column("Mandatory"), column("Type")];
  if (name < 0 || type < 0) {
    throw new DocsCheckError(`${file}: table at line ${line} lacks a "Parameter" or "Type" column`);
  }
  return table.rows.map((cells) => ({
    name: cells[name]!,
    type: cells[type]!,
    ...(mandatory >= 0 ? { mandatory: cells[mandatory]! } : {}),
  }));
}

/** Reads an English page into its raw tables and status codes. */
export function readEnglishLayout(text: string, file: string): RawPage {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const tables: RawTable[] = [];
  let part: PagePart = { kind: "uri" };
  let i = 0;
  for (; i < lines.length; i++) {
    const marker = markerOf(lines[i]!);
    if (marker?.kind === "end") break;
    if (marker) part = marker;
    else if (lines[i] === "Parameter |") {
      const table = readPipeTable(lines, i, file);
      tables.push({ part, rows: toRawRows(table, file, i + 1) });
      i = table.next - 1;
    }
  }
  return { uri: findUri(lines, file), tables, statusCodes: readStatusCodes(lines, i, file) };
}

function readStatusCodes(lines: readonly string[], from: number, file: string): string[] {
  const start = lines.indexOf("Status Code |", from);
  if (start < 0) return [];
  return readPipeTable(lines, start, file)
    .rows.map((row) => row[0]!)
    .filter((code) => /^\d{3}$/.test(code));
}
