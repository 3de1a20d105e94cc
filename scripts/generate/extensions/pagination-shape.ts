/**
 * What every `x-pagination` style shares — the page size parameter, where the items are, the item identity
 * field — read and checked against the operation's parameters and success response schema, plus the helpers
 * the styles use for their own keys. The styles are in `pagination-<style>.ts`, dispatched by `pagination.ts`.
 */
import type { PageShape, ParamSpec } from "../../../src/core/operation.js";
import { deref, isRecord, type Located } from "../../openapi/index.js";
import { extensionProblem, requiredString, type ExtensionSite } from "./site.js";

export const PAGINATION = "x-pagination";

/** What a paging style checks its facts against. */
export interface PagedOperation {
  /** The operation's input fields, as the table will hold them. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** The success response's body schema (resolved). */
  readonly output: Located;
}

/** Keys every style accepts besides its own: `style`, the page shape, and the bounds string limits need. */
export const SHAPE_KEYS = ["style", "limit", "items", "key", "minLimit", "maxLimit"] as const;

/** The page shape of `node` (the extension's mapping), and the resolved item schema for the style's own checks. */
export function readPageShape(
  site: ExtensionSite,
  node: Record<string, unknown>,
  operation: PagedOperation,
): { shape: PageShape; item: Located } {
  const limit = pagingParameter(site, node, operation, "limit");
  const numbersAs = pagingNumbers(site, limit.param, "limit");
  const minLimit = pagingBound(site, node, limit.param, "minLimit", "minimum");
  const maxLimit = pagingBound(site, node, limit.param, "maxLimit", "maximum");
  if (minLimit === undefined || maxLimit === undefined || minLimit < 1 || maxLimit < minLimit) {
    const where =
      numbersAs === "integer"
        ? "a schema with minimum ≥ 1 and maximum"
        : "x-pagination.minLimit ≥ 1 and maxLimit (a string parameter)";
    extensionProblem(site, PAGINATION, `${PAGINATION}.limit "${limit.name}" needs ${where} (the page size bounds)`, [
      "limit",
    ]);
  }
  const { items, item } = itemsOf(site, node, operation.output);
  const key = node.key === undefined ? undefined : requiredString(site, PAGINATION, node.key, ["key"]);
  if (key !== undefined) {
    const property = propertySchema(site, item, key);
    if (property === undefined || (property.type !== "string" && property.type !== "integer")) {
      extensionProblem(
        site,
        PAGINATION,
        `${PAGINATION}.key names "${key}", which is not a string or integer field of the items`,
        ["key"],
      );
    }
  }
  return {
    shape: { limit: limit.name, numbersAs, minLimit, maxLimit, items, ...(key !== undefined && { key }) },
    item,
  };
}

/** The parameter `node[key]` names: a path, query or header parameter of the operation the caller sets. */
export function pagingParameter(
  site: ExtensionSite,
  node: Record<string, unknown>,
  { params }: PagedOperation,
  key: string,
): { name: string; param: ParamSpec } {
  const name = requiredString(site, PAGINATION, node[key], [key]);
  const param = params[name];
  if (param === undefined || param.in === "body" || param.clientOption !== undefined) {
    extensionProblem(
      site,
      PAGINATION,
      `${PAGINATION}.${key} names "${name}", which is not a path, query or header parameter of the operation`,
      [key],
    );
  }
  return { name, param };
}

/** How a paging parameter is typed: an integer, or a string holding one. */
export function pagingNumbers(site: ExtensionSite, param: ParamSpec, key: string): "integer" | "string" {
  const type = param.schema.type;
  if (type !== "integer" && type !== "string") {
    extensionProblem(
      site,
      PAGINATION,
      `${PAGINATION}.${key} "${param.name}" must be an integer parameter, or a string one holding an integer; found ${String(type)}`,
      [key],
    );
  }
  return type;
}

/**
 * One bound of a paging parameter: the schema's `minimum`/`maximum` for an integer parameter, the extension's
 * own key (`name`) for a string one (a string schema cannot carry numeric bounds). Each fact has exactly one
 * home, so the extension's key is refused for an integer parameter.
 */
export function pagingBound(
  site: ExtensionSite,
  node: Record<string, unknown>,
  param: ParamSpec,
  name: string,
  keyword: "minimum" | "maximum",
): number | undefined {
  const own = node[name];
  if (param.schema.type === "integer") {
    if (own !== undefined)
      extensionProblem(
        site,
        PAGINATION,
        `${PAGINATION}.${name} is only for string parameters; "${param.name}" is an integer: use its schema's ${keyword}`,
        [name],
      );
    return param.schema[keyword];
  }
  if (own !== undefined && (typeof own !== "number" || !Number.isSafeInteger(own) || own < 0)) {
    extensionProblem(site, PAGINATION, `${PAGINATION}.${name} must be a whole number ≥ 0`, [name]);
  }
  return own;
}

/** Where the items are: a named array field of an object body, or (no `items` key) the body itself. */
function itemsOf(
  site: ExtensionSite,
  node: Record<string, unknown>,
  output: Located,
): { items: string | null; item: Located } {
  if (node.items === undefined) {
    if (output.value.type !== "array")
      extensionProblem(
        site,
        PAGINATION,
        `${PAGINATION}.items is required unless the success response body is an array`,
      );
    return { items: null, item: resolved(site, output.value.items, [...output.pointer, "items"]) };
  }
  const items = requiredString(site, PAGINATION, node.items, ["items"]);
  const properties = isRecord(output.value.properties) ? output.value.properties : {};
  if (!Object.hasOwn(properties, items)) {
    extensionProblem(
      site,
      PAGINATION,
      `${PAGINATION}.items names "${items}", which is not a field of the success response`,
      ["items"],
    );
  }
  const array = resolved(site, properties[items], [...output.pointer, "properties", items]);
  if (array.value.type !== "array")
    extensionProblem(
      site,
      PAGINATION,
      `${PAGINATION}.items "${items}" must be an array field of the success response`,
      ["items"],
    );
  return { items, item: resolved(site, array.value.items, [...array.pointer, "items"]) };
}

/** The resolved schema of `schema.properties[name]`, when the object schema declares it. */
export function propertySchema(
  site: ExtensionSite,
  schema: Located,
  name: string,
): Record<string, unknown> | undefined {
  const properties = isRecord(schema.value.properties) ? schema.value.properties : {};
  return Object.hasOwn(properties, name)
    ? resolved(site, properties[name], [...schema.pointer, "properties", name]).value
    : undefined;
}

export function resolved(site: ExtensionSite, node: unknown, pointer: readonly string[]): Located {
  const found = deref(site.spec, node, pointer);
  return { value: isRecord(found.value) ? found.value : {}, pointer: found.pointer };
}
