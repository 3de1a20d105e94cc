import { looksLikeTypeCell } from "./doc-type.js";
import { DocsCheckError } from "./model.js";
import { findUri, markerOf, type PagePart, type RawPage, type RawRow, type RawTable } from "./page-layout.js";

/*
 * The Chinese pages separate every cell by a blank line, and so are the paragraphs inside a description:
 *
 *   表5 JobDetail         a titled table
 *   参数 / 参数类型 / 描述   header cells ("是否必选" too, on request tables)
 *   id                    then the rows: name, [mandatory], type, description paragraphs…
 *   String
 *   任务ID
 *
 * Since a description may hold any number of chunks, a row is recognised by its shape: a field-name chunk
 * followed by a type chunk (optionally with a 是/否 chunk between). The flattening lost the mandatory cells of
 * these pages, so usually there is none. A table ends at the next table title or section marker.
 */

const TABLE_TITLE = /^表\s*\d+\s*(.*)$/;
const HEADER_CELLS = new Set(["参数", "是否必选", "参数类型", "描述"]);
const FIELD_NAME = /^[A-Za-z_][\w.-]*$/;
const MANDATORY = /^(?:是|否)$/;

const isType = (chunk: string | undefined) => chunk !== undefined && looksLikeTypeCell(chunk);

/** The row starting at chunks[i], if a row starts there. */
function rowAt(chunks: readonly string[], i: number): { row: RawRow; cells: number } | undefined {
  const [name, second, third] = [chunks[i]!, chunks[i + 1], chunks[i + 2]];
  if (!FIELD_NAME.test(name)) return undefined;
  if (isType(second)) return { row: { name, type: second! }, cells: 2 };
  if (second !== undefined && MANDATORY.test(second) && isType(third)) {
    return { row: { name, mandatory: second, type: third! }, cells: 3 };
  }
  return undefined;
}

const endsTable = (chunk: string) => TABLE_TITLE.test(chunk) || markerOf(chunk) !== undefined;

/** Reads a Chinese page into its raw tables and status codes. */
export function readChineseLayout(text: string, file: string): RawPage {
  const chunks = text
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "");
  const tables: RawTable[] = [];
  let part: PagePart = { kind: "uri" };
  let i = 0;
  for (; i < chunks.length; i++) {
    const marker = markerOf(chunks[i]!);
    if (marker?.kind === "end") break;
    if (marker) part = marker;
    const title = TABLE_TITLE.exec(chunks[i]!);
    if (!title) continue;
    i++;
    while (i < chunks.length && HEADER_CELLS.has(chunks[i]!)) i++;
    const rows: RawRow[] = [];
    while (i < chunks.length && !endsTable(chunks[i]!)) {
      const found = rowAt(chunks, i);
      if (found) rows.push(found.row);
      i += found ? found.cells : 1; // description chunks are skipped
    }
    if (rows.length === 0) throw new DocsCheckError(`${file}: table "${title[0]}" has no rows`);
    tables.push({ title: title[1]!.trim(), part, rows });
    i--; // the chunk that ended the table is a title or marker of its own
  }
  return { uri: findUri(chunks, file), tables, statusCodes: readStatusCodes(chunks, i) };
}

/** The status-code table after the examples: "状态码", "描述" header cells, then code/description pairs. */
function readStatusCodes(chunks: readonly string[], from: number): string[] {
  const codes: string[] = [];
  for (let i = from; i < chunks.length - 1; i++) {
    if (chunks[i] !== "状态码" || chunks[i + 1] !== "描述") continue;
    for (let j = i + 2; j < chunks.length && /^\d{3}$/.test(chunks[j]!); j += 2) codes.push(chunks[j]!);
  }
  return codes;
}
