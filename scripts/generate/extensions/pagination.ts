/**
 * `x-pagination` on list operations: how the operation pages. `style` picks the paging style (default
 * `offset`, the only one so far); each style reads and checks its own keys in `pagination-<style>.ts` and
 * returns its member of the `PaginationSpec` union.
 */
import type { PaginationSpec, ParamSpec } from "../../../src/core/operation.js";
import { isRecord, type Located } from "../../openapi/index.js";
import { readOffsetPagination } from "./pagination-offset.js";
import { extensionProblem, type ExtensionSite } from "./site.js";

export const PAGINATION = "x-pagination";

/** What a paging style checks its facts against. */
export interface PagedOperation {
  /** The operation's input fields, as the table will hold them. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** The success response's body schema (resolved). */
  readonly output: Located;
}

type StyleReader = (site: ExtensionSite, operation: PagedOperation) => PaginationSpec;

const STYLES: Readonly<Record<PaginationSpec["style"], StyleReader>> = {
  offset: readOffsetPagination,
};

export function readPagination(site: ExtensionSite, operation: PagedOperation): PaginationSpec | undefined {
  const value = site.owner.value[PAGINATION];
  if (value === undefined) return undefined;
  const style = isRecord(value) && value.style !== undefined ? value.style : "offset";
  if (typeof style !== "string" || !Object.hasOwn(STYLES, style)) {
    extensionProblem(site, PAGINATION, `${PAGINATION}.style ${JSON.stringify(style)} is not a known paging style (known: ${Object.keys(STYLES).join(", ")})`, ["style"]);
  }
  return STYLES[style as PaginationSpec["style"]](site, operation);
}
