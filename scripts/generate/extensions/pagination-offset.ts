/**
 * `x-pagination` style `offset` (the default): offset/limit parameters (integers, or strings holding integers);
 * the items a field of an object body or the body itself; the total a body field, a response header, or absent.
 * The limit's schema bounds become the page size bounds, the offset's maximum the walk's bound.
 *
 *   x-pagination: { offset: offset, limit: limit, items: data_list, total: total_num, key: task_id }
 *   x-pagination: { offset: offset, limit: limit, total: { header: Content-Range }, key: id,
 *                   minLimit: 1, maxLimit: 100 }          # an array body; string offset/limit
 */
import type { OffsetPagination, PageTotal } from "../../../src/core/operation.js";
import { isRecord } from "../../openapi/index.js";
import {
  PAGINATION as X,
  pagingBound,
  pagingNumbers,
  pagingParameter,
  propertySchema,
  readPageShape,
  resolved,
  SHAPE_KEYS,
  type PagedOperation,
} from "./pagination-shape.js";
import { extensionMapping, extensionProblem, requiredString, type ExtensionSite } from "./site.js";

const KEYS = [...SHAPE_KEYS, "offset", "total", "maxOffset"] as const;

export function readOffsetPagination(site: ExtensionSite, operation: PagedOperation): OffsetPagination {
  const node = extensionMapping(site, X, KEYS, "offset, limit, and items unless the body is an array");
  const { shape } = readPageShape(site, node, operation);
  const offset = pagingParameter(site, node, operation, "offset");
  if (pagingNumbers(site, offset.param, "offset") !== shape.numbersAs) {
    extensionProblem(
      site,
      X,
      `${X}.offset "${offset.name}" and ${X}.limit "${shape.limit}" must both be integers or both strings`,
      ["offset"],
    );
  }
  const maxOffset = pagingBound(site, node, offset.param, "maxOffset", "maximum");
  const total = readTotal(site, node, operation);
  return { style: "offset", offset: offset.name, ...shape, ...(maxOffset !== undefined && { maxOffset }), total };
}

/** `total: <body field>`, `total: { header: <name> }`, or no `total` (the operation reports none). */
function readTotal(site: ExtensionSite, node: Record<string, unknown>, { output }: PagedOperation): PageTotal | null {
  if (node.total === undefined) return null;
  if (isRecord(node.total)) {
    for (const key of Object.keys(node.total))
      if (key !== "header")
        extensionProblem(site, X, `${X}.total.${key} is not a known key (known: header)`, ["total", key]);
    const name = requiredString(site, X, node.total.header, ["total", "header"]).toLowerCase();
    const header = declaredHeader(site, name);
    if (header === undefined)
      extensionProblem(site, X, `${X}.total.header "${name}" is not a header of any 2xx response`, ["total", "header"]);
    if (name === "content-range") return { in: "header", name, format: "content-range" };
    if (header.type !== "integer")
      extensionProblem(site, X, `${X}.total.header "${name}" must have an integer schema (or be Content-Range)`, [
        "total",
        "header",
      ]);
    return { in: "header", name, format: "integer" };
  }
  const field = requiredString(site, X, node.total, ["total"]);
  if (output.value.type === "array")
    extensionProblem(site, X, `${X}.total "${field}" cannot be a body field: the success response body is an array`, [
      "total",
    ]);
  const schema = propertySchema(site, output, field);
  if (schema === undefined)
    extensionProblem(site, X, `${X}.total names "${field}", which is not a field of the success response`, ["total"]);
  if (schema.type !== "integer")
    extensionProblem(site, X, `${X}.total "${field}" must be an integer field of the success response`, ["total"]);
  return { in: "body", field };
}

/** The resolved schema of response header `name` (lowercase) as a 2xx response of the operation declares it. */
function declaredHeader(site: ExtensionSite, name: string): Record<string, unknown> | undefined {
  const at = [...site.owner.pointer, "responses"];
  const responses = isRecord(site.owner.value.responses) ? site.owner.value.responses : {};
  for (const [status, node] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const response = resolved(site, node, [...at, status]);
    const headers = isRecord(response.value.headers) ? response.value.headers : {};
    const declared = Object.keys(headers).find((header) => header.toLowerCase() === name);
    if (declared === undefined) continue;
    const header = resolved(site, headers[declared], [...response.pointer, "headers", declared]);
    return resolved(site, header.value.schema, [...header.pointer, "schema"]).value;
  }
  return undefined;
}
