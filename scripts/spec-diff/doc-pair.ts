/**
 * Looks nodes up in the two (dereferenced) documents api-smart-diff compared, by the paths of its diffs.
 *
 * api-smart-diff merges path-level parameters into each operation (operation parameters first) and matches
 * parameters by (in, name). So a diff path's parameter index counts in the *before* list, except for a
 * parameter added outright, whose index counts in the *after* list. This class replays those steps.
 */
import { HTTP_METHODS as METHOD_LIST, isRecord } from "../openapi/index.js";

type Json = Record<string, unknown>;
type PathKey = string | number;

/** The keys of a path item that are operations. */
export const HTTP_METHODS: ReadonlySet<string> = new Set(METHOD_LIST);

export type Side = "before" | "after";

export class DocPair {
  constructor(
    readonly before: Json,
    readonly after: Json,
  ) {}

  /**
   * The node at `path` on `side`. `indexSide` says which document the parameter index in `path` counts in
   * (see the class comment); lookups in the other document translate it by (in, name).
   */
  nodeAt(side: Side, path: readonly PathKey[], indexSide: Side = "before"): unknown {
    const doc = this[side];
    let node: unknown = doc;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      if (i === 1 && path[0] === "paths") node = pathItem(node, String(key));
      else if (i === 4 && path[0] === "paths" && path[3] === "parameters") {
        node = this.parameter(side, String(path[1]), String(path[2]), Number(key), indexSide);
      } else node = isRecord(node) ? node[key] : undefined;
      if (node === undefined) return undefined;
    }
    return node;
  }

  private parameter(side: Side, path: string, method: string, index: number, indexSide: Side): unknown {
    const own = operationParameters(this[side], path, method);
    if (side === indexSide) return own[index];
    const wanted = operationParameters(this[indexSide], path, method)[index];
    if (!isRecord(wanted)) return undefined;
    return own.find((candidate) => isRecord(candidate) && candidate.in === wanted.in && candidate.name === wanted.name);
  }
}

/** The operation's parameters as api-smart-diff sees them: its own, then the path item's. */
function operationParameters(doc: Json, path: string, method: string): unknown[] {
  const item = pathItem(doc.paths, path);
  if (!isRecord(item)) return [];
  const operation = item[method];
  const own = isRecord(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  return [...own, ...shared];
}

/** A path item by key; a path whose template variables were renamed ({id} -> {taskId}) still matches. */
function pathItem(paths: unknown, key: string): unknown {
  if (!isRecord(paths)) return undefined;
  if (key in paths) return paths[key];
  const shape = templateShape(key);
  const match = Object.keys(paths).find((candidate) => templateShape(candidate) === shape);
  return match === undefined ? undefined : paths[match];
}

const templateShape = (path: string): string => path.replace(/\{[^}]*\}/g, "{}");
