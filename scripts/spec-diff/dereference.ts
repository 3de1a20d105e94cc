import { isObject } from "./doc-pair.js";

type Json = Record<string, unknown>;

/**
 * A copy of `doc` with every local $ref ("#/components/…") replaced by a copy of its target.
 *
 * api-smart-diff resolves $refs only when both sides use one: a schema moved from inline into components (and
 * referenced) shows up as removed keys plus an `allOf`. Comparing dereferenced documents makes such a refactor
 * show no change. A $ref back into its own expansion (a recursive schema) stays a $ref, as does one that points
 * nowhere. Keys next to a $ref (OpenAPI 3.1 allows e.g. `description`) override the target's.
 */
export function dereference(doc: Json): Json {
  const expand = (node: unknown, expanding: ReadonlySet<string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => expand(item, expanding));
    if (!isObject(node)) return node;
    const { $ref: ref, ...siblings } = node;
    const target = typeof ref === "string" && !expanding.has(ref) ? resolvePointer(doc, ref) : undefined;
    const expandedSiblings = Object.fromEntries(Object.entries(siblings).map(([key, value]) => [key, expand(value, expanding)]));
    if (target === undefined) return ref === undefined ? expandedSiblings : { $ref: ref, ...expandedSiblings };
    const resolved = expand(target, new Set([...expanding, ref as string]));
    return isObject(resolved) ? { ...resolved, ...expandedSiblings } : resolved;
  };
  return expand(doc, new Set()) as Json;
}

/** The node a local JSON-pointer $ref ("#/a/b~1c") names in `doc`, or undefined. */
function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((token) => decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((parent, token) => (isObject(parent) ? parent[token] : undefined), doc);
}
