import type { Diff } from "api-smart-diff";
import { isRecord } from "../openapi/index.js";
import { type DocPair, HTTP_METHODS, type Side } from "./doc-pair.js";
import type { OperationRef } from "./model.js";

type PathKey = string | number;

/** Which part of the API a change is in; decides whether narrowing or widening is the risky direction. */
export type Scope = "document" | "operation" | "parameter" | "request" | "response";

/** A diff placed in the API: the operation, the part, the field, and the keyword that changed. */
export interface Located {
  readonly scope: Scope;
  readonly operation?: OperationRef;
  /** In words, naming the field: "query parameter `limit`", "response 200 field `data_list[].name`". */
  readonly location: string;
  /**
   * What changed: a schema keyword ("type", "minimum", "enum", "required", …), or "operation", "parameter",
   * "field" (a property added/removed), "requestBody", "response", or an operation/document key ("summary").
   */
  readonly keyword: string;
  /** For keywords inside a schema: the diff path of that schema (for looking at its other keywords). */
  readonly schemaPath?: readonly PathKey[];
  /** For a parameter change: the parameter object (after for an added one, else before). */
  readonly parameter?: Record<string, unknown>;
}

export function locate(diff: Diff, docs: DocPair): Located {
  const path = diff.path as PathKey[];
  const method = path[2];
  if (path[0] !== "paths" || typeof method !== "string" || !HTTP_METHODS.has(method)) {
    return { scope: "document", location: `document \`${dotted(path)}\``, keyword: lastName(path) };
  }
  const operation = operationRef(docs, path.slice(0, 3));
  const tail = path.slice(3);
  const at = (scope: Scope, location: string, keyword: string): Located => ({ scope, operation, location, keyword });
  if (tail.length === 0) return at("operation", "operation", "operation");
  switch (tail[0]) {
    case "parameters":
      return locateInParameter(diff, docs, operation, path);
    case "requestBody":
      return locateInBody(diff, operation, 4, "request", "request body", "requestBody");
    case "responses":
      return locateInBody(diff, operation, 5, "response", `response ${String(tail[1])}`, "response");
    default:
      return at("operation", `operation \`${dotted(tail)}\``, String(tail[0]));
  }
}

function operationRef(docs: DocPair, operationPath: PathKey[]): OperationRef {
  const id = [docs.nodeAt("after", operationPath), docs.nodeAt("before", operationPath)]
    .map((operation) => (isRecord(operation) ? operation.operationId : undefined))
    .find((candidate): candidate is string => typeof candidate === "string");
  const ref = { method: String(operationPath[2]).toUpperCase(), path: String(operationPath[1]) };
  return id === undefined ? ref : { operationId: id, ...ref };
}

function locateInParameter(diff: Diff, docs: DocPair, operation: OperationRef, path: PathKey[]): Located {
  // Only a parameter added outright is indexed in the after document (see DocPair).
  const side: Side = diff.action === "add" && path.length === 5 ? "after" : "before";
  const found = docs.nodeAt(side, path.slice(0, 5), side);
  const parameter = isRecord(found) ? found : undefined;
  const label = parameter
    ? `${String(parameter.in)} parameter \`${String(parameter.name)}\``
    : `parameter #${String(path[4])}`;
  const rest = path.slice(5);
  const base = { scope: "parameter" as const, operation, parameter };
  if (rest.length === 0) return { ...base, location: label, keyword: "parameter" };
  if (rest[0] !== "schema") return { ...base, location: label, keyword: String(rest[0]) };
  return { ...base, ...inSchema(diff, 6, label) };
}

/** A request body or a response; `contentIndex` is where their own keys start in the diff path. */
function locateInBody(
  diff: Diff,
  operation: OperationRef,
  contentIndex: number,
  scope: Scope,
  label: string,
  wholeKeyword: string,
): Located {
  const path = diff.path as PathKey[];
  const base = { scope, operation };
  const rest = path.slice(contentIndex);
  if (rest.length === 0) return { ...base, location: label, keyword: wholeKeyword };
  if (rest[0] !== "content") return { ...base, location: label, keyword: String(rest[0]) };
  const mediaType = rest[1];
  if (mediaType === undefined) return { ...base, location: label, keyword: "content" };
  const withMediaType = `${label} (${String(mediaType)})`;
  if (rest.length === 2) return { ...base, location: withMediaType, keyword: "content" };
  if (rest[2] !== "schema") return { ...base, location: label, keyword: String(rest[2]) };
  return { ...base, ...inSchema(diff, contentIndex + 3, label) };
}

/**
 * Walks the part of the diff path from `start` on, which is inside a schema: `properties/<name>` and `items`
 * name the field, the first other key is the keyword that changed. For an entry of a `required` list the
 * field is the property named by the entry.
 */
function inSchema(diff: Diff, start: number, label: string): Pick<Located, "location" | "keyword" | "schemaPath"> {
  const path = diff.path as PathKey[];
  const field: string[] = [];
  let i = start;
  let keyword = "schema";
  while (i < path.length) {
    const key = path[i];
    if (key === "properties" && i + 1 < path.length) {
      field.push(String(path[i + 1]));
      i += 2;
      keyword = "field";
    } else if (key === "items" && i + 1 < path.length) {
      field.push(`${field.pop() ?? ""}[]`);
      i += 1;
    } else if ((key === "allOf" || key === "anyOf" || key === "oneOf") && i + 2 < path.length) {
      i += 2; // a branch of a combiner: same field
    } else {
      keyword = String(key);
      break;
    }
  }
  const schemaPath = keyword === "field" ? path.slice(0, i - 2) : path.slice(0, i);
  const requiredName: unknown = diff.after ?? diff.before;
  if (keyword === "required" && typeof requiredName === "string") field.push(requiredName);
  const location = field.length > 0 ? `${label} field \`${field.join(".")}\`` : label;
  return { location, keyword, schemaPath };
}

/** "servers[0].variables.region" */
function dotted(path: readonly PathKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

function lastName(path: readonly PathKey[]): string {
  return String([...path].reverse().find((key) => typeof key === "string") ?? "document");
}
