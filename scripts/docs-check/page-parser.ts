import { objectNameOf, parseDocType } from "./doc-type.js";
import {
  DocsCheckError,
  responseSection,
  type DocField,
  type DocPage,
  type DocType,
  type SectionKey,
} from "./model.js";
import { parseMandatory, type PagePart, type RawPage, type RawRow, type RawTable } from "./page-layout.js";
import { readEnglishLayout } from "./page-layout-en.js";
import { readChineseLayout } from "./page-layout-zh.js";

/** Parses a source page (either layout) into its documented fields, grouped by section. */
export function parsePage(text: string, file: string): DocPage {
  const raw = readLayout(text, file);
  const sections = new Map<SectionKey, readonly DocField[]>();
  for (const [key, tables] of groupByPart(raw.tables, file)) {
    const layout = layoutPart(key, tables, raw.uri, file);
    for (const [section, rows] of layout.sections)
      sections.set(section, toFields(rows, layout.nested, file, new Set()));
  }
  return { file, sections, statusCodes: raw.statusCodes };
}

function readLayout(text: string, file: string): RawPage {
  if (/^Parameter \|$/m.test(text)) return readEnglishLayout(text, file);
  if (/^表\s*\d+/m.test(text)) return readChineseLayout(text, file);
  throw new DocsCheckError(`${file}: no parameter table found (neither "Parameter |" cells nor "表N" titles)`);
}

/** Tables by page part: "uri", "request", "response 200"… in page order. */
function groupByPart(tables: readonly RawTable[], file: string): Map<string, RawTable[]> {
  const parts = new Map<string, RawTable[]>();
  for (const table of tables) {
    const key = partKey(table.part, file);
    parts.set(key, [...(parts.get(key) ?? []), table]);
  }
  return parts;
}

function partKey(part: PagePart, file: string): string {
  if (part.kind !== "response") return part.kind;
  if (part.status === "") throw new DocsCheckError(`${file}: a response table comes before any "Status code" line`);
  return responseSection(part.status);
}

interface PartLayout {
  /** The part's top-level tables: path/query, header/body, or the response body. */
  readonly sections: Map<SectionKey, readonly RawRow[]>;
  /** Its nested tables, by the object name they describe. */
  readonly nested: Map<string, readonly RawRow[]>;
}

/**
 * Assigns each table of one page part its role. The Chinese pages title every table; the English pages title
 * none, so there a table's role follows from its place and content, and an untitled nested table describes the
 * next object referenced by the rows read so far (the pages list nested tables in reference order).
 */
function layoutPart(key: string, tables: readonly RawTable[], uri: string, file: string): PartLayout {
  const layout: PartLayout = { sections: new Map(), nested: new Map() };
  const referenced: string[] = [];
  for (const table of tables) {
    const role = table.title === undefined ? untitledRole(table, key, uri, layout) : titledRole(table.title, key);
    if (role.section !== undefined) layout.sections.set(role.section, table.rows);
    else {
      const name = role.objectName ?? referenced.find((candidate) => !layout.nested.has(candidate));
      if (name === undefined) {
        throw new DocsCheckError(
          `${file}: a table in the ${key} part describes no "X object" field of the tables above it`,
        );
      }
      layout.nested.set(name, table.rows);
    }
    for (const row of table.rows) {
      const name = objectNameOf(typeOf(row, file));
      if (name !== undefined && !referenced.includes(name)) referenced.push(name);
    }
  }
  return layout;
}

type Role = { readonly section?: SectionKey; readonly objectName?: string };

function titledRole(title: string, key: string): Role {
  if (/路径参数|Path Parameters/i.test(title)) return { section: "path" };
  if (/Query/i.test(title)) return { section: "query" };
  if (/Header/i.test(title)) return { section: "header" };
  if (/Body/i.test(title)) return { section: key === "request" ? "body" : key };
  return { objectName: title };
}

const HEADER_NAME = /^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;

function untitledRole(table: RawTable, key: string, uri: string, layout: PartLayout): Role {
  if (key === "uri") return { section: table.rows.every((row) => uri.includes(`{${row.name}}`)) ? "path" : "query" };
  if (key === "request") {
    if (table.rows.every((row) => HEADER_NAME.test(row.name))) return { section: "header" };
    return layout.sections.has("body") ? {} : { section: "body" };
  }
  return layout.sections.has(key) ? {} : { section: key };
}

function typeOf(row: RawRow, file: string): DocType {
  const type = parseDocType(row.type);
  if (type === undefined)
    throw new DocsCheckError(`${file}: field ${row.name} has a type the check does not know: "${row.type}"`);
  return type;
}

/** Turns rows into fields, attaching the rows of each object field's nested table (once per path: no cycles). */
function toFields(
  rows: readonly RawRow[],
  nested: ReadonlyMap<string, readonly RawRow[]>,
  file: string,
  open: ReadonlySet<string>,
): DocField[] {
  return rows.map((row) => {
    const type = typeOf(row, file);
    const mandatory = parseMandatory(row.mandatory, `${file}: field ${row.name}`);
    const objectName = objectNameOf(type);
    const childRows = objectName === undefined || open.has(objectName) ? undefined : nested.get(objectName);
    return {
      name: row.name,
      typeText: row.type,
      type,
      ...(mandatory === undefined ? {} : { mandatory }),
      ...(childRows ? { children: toFields(childRows, nested, file, new Set([...open, objectName!])) } : {}),
    };
  });
}
