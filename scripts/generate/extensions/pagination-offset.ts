/**
 * `x-pagination` style `offset`: offset/limit query (or path, header) parameters, the items and the total as
 * fields of an object body. The limit's schema bounds become the page size bounds.
 *
 *   x-pagination: { offset: offset, limit: limit, items: data_list, total: total_num }
 */
import type { OffsetPagination } from "../../../src/core/operation.js";
import { deref, isRecord } from "../../openapi/index.js";
import { PAGINATION as X, type PagedOperation } from "./pagination.js";
import { extensionMapping, extensionProblem, requiredString, type ExtensionSite } from "./site.js";

const KEYS = ["style", "offset", "limit", "items", "total"] as const;

export function readOffsetPagination(site: ExtensionSite, { params, output }: PagedOperation): OffsetPagination {
  const node = extensionMapping(site, X, KEYS, "offset, limit, items and total");
  const field = (key: string): string => requiredString(site, X, node[key], [key]);
  const [offset, limit, items, total] = [field("offset"), field("limit"), field("items"), field("total")];
  for (const [key, name] of [["offset", offset], ["limit", limit]] as const) {
    const param = params[name];
    if (param === undefined || param.in === "body" || param.clientOption !== undefined) {
      extensionProblem(site, X, `${X}.${key} names "${name}", which is not a path, query or header parameter of the operation`, [key]);
    }
  }
  const { minimum, maximum } = params[limit]!.schema;
  if (minimum === undefined || maximum === undefined) {
    extensionProblem(site, X, `${X}.limit "${limit}" needs a schema with minimum and maximum (the page size bounds)`, ["limit"]);
  }
  const properties = isRecord(output.value.properties) ? output.value.properties : {};
  for (const [key, name] of [["items", items], ["total", total]] as const) {
    if (properties[name] === undefined) {
      extensionProblem(site, X, `${X}.${key} names "${name}", which is not a field of the success response`, [key]);
    }
  }
  const itemsSchema = deref(site.spec, properties[items], [...output.pointer, "properties", items]).value;
  if (!isRecord(itemsSchema) || itemsSchema.type !== "array") {
    extensionProblem(site, X, `${X}.items "${items}" must be an array field of the success response`, ["items"]);
  }
  return { style: "offset", offset, limit, items, total, minLimit: minimum, maxLimit: maximum };
}
