import { DocsCheckError } from "./model.js";

/**
 * What both page layouts have in common: the section markers between the tables, and the raw tables they yield
 * before anything is interpreted.
 */

/** The part of the page a table sits in: the URI section, the request section, or one response status. */
export type PagePart =
  { readonly kind: "uri" } | { readonly kind: "request" } | { readonly kind: "response"; readonly status: string };

export interface RawRow {
  readonly name: string;
  readonly mandatory?: string;
  readonly type: string;
}

export interface RawTable {
  /** "路径参数", "JobDetail"…: the Chinese pages title their tables; the English pages do not. */
  readonly title?: string;
  readonly part: PagePart;
  readonly rows: readonly RawRow[];
}

export interface RawPage {
  /** "GET /v2/{project_id}/jobs" */
  readonly uri: string;
  readonly tables: readonly RawTable[];
  readonly statusCodes: readonly string[];
}

export type Marker = PagePart | { readonly kind: "end" };

const STATUS = /^(?:Status code|状态码)\s*[:：]\s*(\d{3})$/;

/** Recognises the headings that separate the tables; "end" is where the examples start and the tables stop. */
export function markerOf(line: string): Marker | undefined {
  const text = line.trim();
  if (text === "Request Parameters" || text === "请求参数") return { kind: "request" };
  // The status line that follows names the part; until then response tables have no status to go to.
  if (text === "Response Parameters" || text === "响应参数") return { kind: "response", status: "" };
  const status = STATUS.exec(text);
  if (status) return { kind: "response", status: status[1]! };
  if (/^(?:Example Requests|Example Responses|请求示例|响应示例)$/.test(text)) return { kind: "end" };
  return undefined;
}

const URI = /^(?:GET|POST|PUT|DELETE|PATCH|HEAD) \/\S*$/;

/** The page's "METHOD /path" line. */
export function findUri(lines: readonly string[], file: string): string {
  const uri = lines.map((line) => line.trim()).find((line) => URI.test(line));
  if (uri === undefined) throw new DocsCheckError(`${file}: no "METHOD /path" line in the URI section`);
  return uri;
}

/** The mandatory column's cell: "Yes"/"是" → true, "No"/"否" → false. */
export function parseMandatory(cell: string | undefined, where: string): boolean | undefined {
  if (cell === undefined) return undefined;
  if (cell === "Yes" || cell === "是") return true;
  if (cell === "No" || cell === "否") return false;
  throw new DocsCheckError(`${where}: mandatory cell "${cell}" is neither Yes/No nor 是/否`);
}
