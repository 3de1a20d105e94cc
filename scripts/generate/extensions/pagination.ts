/**
 * `x-pagination` on list operations: how the operation pages. `style` picks the paging style (default
 * `offset`); each style reads and checks its own keys in `pagination-<style>.ts` and returns its member of the
 * `PaginationSpec` union; what the styles share is in `pagination-shape.ts`.
 */
import type { PaginationSpec } from "../../../src/core/operation.js";
import { isRecord } from "../../openapi/index.js";
import { readMarkerPagination } from "./pagination-marker.js";
import { readOffsetPagination } from "./pagination-offset.js";
import { PAGINATION, type PagedOperation } from "./pagination-shape.js";
import { extensionProblem, type ExtensionSite } from "./site.js";

export { PAGINATION, type PagedOperation } from "./pagination-shape.js";

type StyleReader = (site: ExtensionSite, operation: PagedOperation) => PaginationSpec;

const STYLES: Readonly<Record<PaginationSpec["style"], StyleReader>> = {
  offset: readOffsetPagination,
  marker: readMarkerPagination,
};

export function readPagination(site: ExtensionSite, operation: PagedOperation): PaginationSpec | undefined {
  const value = site.owner.value[PAGINATION];
  if (value === undefined) return undefined;
  const style = isRecord(value) && value.style !== undefined ? value.style : "offset";
  if (typeof style !== "string" || !Object.hasOwn(STYLES, style)) {
    extensionProblem(
      site,
      PAGINATION,
      `${PAGINATION}.style ${JSON.stringify(style)} is not a known paging style (known: ${Object.keys(STYLES).join(", ")})`,
      ["style"],
    );
  }
  return STYLES[style as PaginationSpec["style"]](site, operation);
}
