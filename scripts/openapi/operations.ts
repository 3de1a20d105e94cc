/**
 * The operations of a spec in document order (paths, then methods in OpenAPI's order), with their
 * parameters as OpenAPI defines them: the path item's, overridden by the operation's own of the same name and
 * location.
 */
import type { SpecDocument } from "./document.js";
import { isRecord } from "./pointer.js";
import { derefObject, type Located } from "./refs.js";

/** The operation keys of a path item, in the order OpenAPI lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface SpecOperationRef {
  /** The path template, e.g. `/v5/{project_id}/common/tasks/batch-query`. */
  readonly path: string;
  readonly method: HttpMethod;
  /** The path item (resolved). */
  readonly pathItem: Located;
  /** The operation (resolved); `value.operationId` is not checked here. */
  readonly operation: Located;
}

export function specOperations(spec: SpecDocument): SpecOperationRef[] {
  const paths = isRecord(spec.data.paths) ? spec.data.paths : {};
  return Object.entries(paths).flatMap(([path, node]) => {
    const pathItem = derefObject(spec, node, ["paths", path], "a path item");
    return HTTP_METHODS.filter((method) => pathItem.value[method] !== undefined).map((method) => ({
      path,
      method,
      pathItem,
      operation: derefObject(spec, pathItem.value[method], [...pathItem.pointer, method], "an operation"),
    }));
  });
}

/** The parameters that apply to an operation, each resolved: path-level ones first, unless overridden. */
export function operationParameters(
  spec: SpecDocument,
  { pathItem, operation }: Pick<SpecOperationRef, "pathItem" | "operation">,
): Located[] {
  const list = (owner: Located): Located[] => {
    const parameters = owner.value.parameters;
    if (!Array.isArray(parameters)) return [];
    return parameters.map((parameter: unknown, index) =>
      derefObject(spec, parameter, [...owner.pointer, "parameters", String(index)], "a parameter"),
    );
  };
  const key = (parameter: Located): string => `${String(parameter.value.in)} ${String(parameter.value.name)}`;
  const own = list(operation);
  return [...list(pathItem).filter((shared) => !own.some((parameter) => key(parameter) === key(shared))), ...own];
}
