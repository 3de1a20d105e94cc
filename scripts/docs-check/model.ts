/**
 * Shared shapes of `docs:check`: what a source page documents, and the differences found between a page and
 * the spec operation transcribed from it.
 */

/** A page's type cell, normalised: "Array of JobDetail objects" → array of object JobDetail. */
export type DocType =
  | { readonly kind: "string" | "int32" | "int64" | "boolean" | "number" }
  | { readonly kind: "object"; readonly objectName?: string }
  | { readonly kind: "array"; readonly items: DocType };

/** One row of a page's parameter table, with the rows of its nested table when the page has one. */
export interface DocField {
  readonly name: string;
  /** The type cell as printed on the page, for messages. */
  readonly typeText: string;
  readonly type: DocType;
  /** Absent where the table has no mandatory column (response tables) or the flattening lost the cell. */
  readonly mandatory?: boolean;
  /** Rows of the nested table describing this field's object (or array items), when the page has that table. */
  readonly children?: readonly DocField[];
}

/**
 * Where a group of fields lives. The same keys name the page's tables and the spec's locations:
 * "path", "query", "header", "body" (request body) and "response <status>" (response body).
 */
export type SectionKey = string;

export const responseSection = (status: string): SectionKey => `response ${status}`;

export interface DocPage {
  /** The page's file name, as the spec's `x-source-doc` names it. */
  readonly file: string;
  readonly sections: ReadonlyMap<SectionKey, readonly DocField[]>;
  /** The codes of the page's status-code table. */
  readonly statusCodes: readonly string[];
}

/** One difference between a page and its spec operation. */
export interface Problem {
  readonly operation: string;
  readonly page: string;
  /** The field, in page terms: "query status", "response 200 jobs[].id". Exceptions match on it. */
  readonly field: string;
  readonly message: string;
  /** Where in the spec to make the edit: "spec/swr.v2.yaml#/components/schemas/JobDetail". */
  readonly specLocation?: string;
}

/** A usage, page or spec error that stops the check before any comparison (exit code 2). */
export class DocsCheckError extends Error {
  override readonly name = "DocsCheckError";
}
