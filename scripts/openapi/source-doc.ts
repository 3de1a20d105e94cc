/**
 * What an operation's `x-source-doc` names. Either a page kept in the repository, as a repository-relative path
 * into docs/pages/ (`docs/pages/hss-v5-list-tasks.en.txt`), which docs:check compares with the operation; or,
 * for an operation transcribed from something other than a page (an SDK model, a changelog), an `https://`
 * URL, which docs:check cannot read and lists as not checked.
 */

/** The folder of source pages, relative to the repository root, as x-source-doc paths spell it. */
export const PAGES_DIR = "docs/pages";

export type SourceDoc =
  | { readonly kind: "page"; /** The file name inside the pages folder. */ readonly file: string }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "invalid"; readonly reason: string };

export function classifySourceDoc(value: string | undefined): SourceDoc {
  if (value === undefined) return { kind: "invalid", reason: "the operation has no x-source-doc" };
  if (/^https:\/\/[^/\s]+/.test(value)) return { kind: "url", url: value };
  const prefix = `${PAGES_DIR}/`;
  const file = value.startsWith(prefix) ? value.slice(prefix.length) : "";
  // One file directly in the folder: no "..", no subfolders, so the path cannot point outside it.
  if (/^[^/\\]+\.txt$/.test(file) && !file.startsWith(".")) return { kind: "page", file };
  return {
    kind: "invalid",
    reason: `"${value}" is neither a page in ${PAGES_DIR}/ (${PAGES_DIR}/<file>.txt) nor an https:// URL`,
  };
}
