/**
 * `x-pagination` style `marker`: each request passes a marker taken from the page before — a field of its last
 * item (`next: { lastItem: id }`), or a field of the body (`next: { field: page_info.next_marker }`, a dotted
 * path). No offset, no total: the walk ends on an empty page, a missing next marker, or (last-item markers) a
 * short page.
 *
 *   x-pagination: { style: marker, marker: marker, limit: limit, items: repos, next: { lastItem: id }, key: id }
 */
import type { MarkerPagination } from "../../../src/core/operation.js";
import { isRecord } from "../../openapi/index.js";
import {
  PAGINATION as X,
  pagingParameter,
  propertySchema,
  readPageShape,
  resolved,
  SHAPE_KEYS,
  type PagedOperation,
} from "./pagination-shape.js";
import { extensionMapping, extensionProblem, requiredString, type ExtensionSite } from "./site.js";

const KEYS = [...SHAPE_KEYS, "marker", "next"] as const;
const MARKER_TYPES = new Set(["string", "integer"]);

export function readMarkerPagination(site: ExtensionSite, operation: PagedOperation): MarkerPagination {
  const node = extensionMapping(site, X, KEYS, "marker, limit, next, and items unless the body is an array");
  const { shape, item } = readPageShape(site, node, operation);
  const marker = pagingParameter(site, node, operation, "marker");
  if (marker.param.schema.type !== "string")
    extensionProblem(site, X, `${X}.marker "${marker.name}" must be a string parameter`, ["marker"]);
  const next = node.next;
  if (!isRecord(next) || Object.keys(next).length !== 1 || !("lastItem" in next || "field" in next)) {
    extensionProblem(site, X, `${X}.next must be { lastItem: <item field> } or { field: <dotted body path> }`, [
      "next",
    ]);
  }
  if ("lastItem" in next) {
    const field = requiredString(site, X, next.lastItem, ["next", "lastItem"]);
    if (!MARKER_TYPES.has(String(propertySchema(site, item, field)?.type))) {
      extensionProblem(
        site,
        X,
        `${X}.next.lastItem names "${field}", which is not a string or integer field of the items`,
        ["next", "lastItem"],
      );
    }
    return { style: "marker", marker: marker.name, ...shape, next: { from: "last-item", field } };
  }
  const path = requiredString(site, X, next.field, ["next", "field"]).split(".");
  if (shape.items === null)
    extensionProblem(site, X, `${X}.next.field cannot name a body field: the success response body is an array`, [
      "next",
      "field",
    ]);
  let schema = operation.output;
  for (const [index, name] of path.entries()) {
    const property = propertySchema(site, schema, name);
    const last = index === path.length - 1;
    if (property === undefined || (last ? !MARKER_TYPES.has(String(property.type)) : property.type !== "object")) {
      const wanted = last ? "a string or integer field" : "an object field";
      extensionProblem(
        site,
        X,
        `${X}.next.field "${path.join(".")}": "${path.slice(0, index + 1).join(".")}" is not ${wanted} of the success response`,
        ["next", "field"],
      );
    }
    schema = resolved(site, (schema.value.properties as Record<string, unknown>)[name], [
      ...schema.pointer,
      "properties",
      name,
    ]);
  }
  return { style: "marker", marker: marker.name, ...shape, next: { from: "body", path } };
}
