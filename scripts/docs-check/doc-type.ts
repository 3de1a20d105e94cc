import type { DocType } from "./model.js";

const SCALARS: Readonly<Record<string, DocType>> = {
  string: { kind: "string" },
  integer: { kind: "int32" },
  long: { kind: "int64" },
  boolean: { kind: "boolean" },
  float: { kind: "number" },
  double: { kind: "number" },
  number: { kind: "number" },
  bigdecimal: { kind: "number" },
  object: { kind: "object" },
};

/**
 * Reads a page's type cell ("String", "Long", "JobDetail object", "Array of strings", "Array of X objects").
 * Returns undefined for anything else.
 */
export function parseDocType(cell: string): DocType | undefined {
  const text = cell.trim();
  const array = /^Array of (.+)$/i.exec(text);
  if (array) {
    // The element is written in the plural: "strings", "integers", "JobDetail objects".
    const items = parseDocType(array[1]!.replace(/s$/, ""));
    return items && { kind: "array", items };
  }
  const object = /^(\S+) object$/i.exec(text);
  if (object) return { kind: "object", objectName: object[1]! };
  return SCALARS[text.toLowerCase()];
}

/** The object name a field's nested table is titled with, if its type refers to one. */
export function objectNameOf(type: DocType): string | undefined {
  if (type.kind === "array") return objectNameOf(type.items);
  return type.kind === "object" ? type.objectName : undefined;
}

/**
 * Whether a chunk has the shape of a type cell, known or not ("String", "Array of …", "X object", "Map<…>").
 * The Chinese-layout reader finds rows by it; unknown types then fail with the field's name instead of the row
 * silently disappearing.
 */
export const looksLikeTypeCell = (chunk: string): boolean =>
  /^(?:[A-Z][A-Za-z]*(?:<.+>)?|Array of .+|\S+ object)$/.test(chunk.trim());
