/**
 * `$ref` resolution. The specs are single files, so only same-document references (`#/…`) are followed; a
 * reference to another document is an error, as are a reference that points at nothing and a cycle.
 */
import type { SpecDocument } from "./document.js";
import { SpecReadError } from "./errors.js";
import { formatPointer, isRecord, refSegments, valueAt } from "./pointer.js";

/** A node of a spec after following `$ref`s, with the pointer it was found at (for messages). */
export interface Located<T = Record<string, unknown>> {
  readonly value: T;
  readonly pointer: readonly string[];
}

/** The target of one `$ref` found at `pointer`; throws, located there, when it has none. */
export function resolveRef(spec: SpecDocument, ref: string, pointer: readonly string[]): Located<unknown> {
  const target = refSegments(ref);
  if (target === undefined)
    throw new SpecReadError(`only local $refs ("#/...") are supported, found "${ref}"`, spec.locate(pointer));
  const value = valueAt(spec.data, target);
  if (value === undefined) throw new SpecReadError(`$ref "${ref}" points at nothing`, spec.locate(pointer));
  return { value, pointer: target };
}

/** Follows `$ref`s from `node` (found at `pointer`) until a node that is not a reference. */
export function deref(spec: SpecDocument, node: unknown, pointer: readonly string[]): Located<unknown> {
  const seen = new Set<string>();
  let current: Located<unknown> = { value: node, pointer };
  while (isRecord(current.value) && typeof current.value.$ref === "string") {
    const ref = current.value.$ref;
    if (seen.has(ref)) throw new SpecReadError(`$ref cycle through "${ref}"`, spec.locate(current.pointer));
    seen.add(ref);
    current = resolveRef(spec, ref, current.pointer);
  }
  return current;
}

/** Like `deref`, for nodes that must be mappings (operations, parameters, schemas, responses); `what` names it. */
export function derefObject(spec: SpecDocument, node: unknown, pointer: readonly string[], what: string): Located {
  const found = deref(spec, node, pointer);
  if (!isRecord(found.value)) throw new SpecReadError(`${what} must be a mapping`, spec.locate(found.pointer));
  return found as Located;
}

export interface DereferenceOptions {
  /**
   * A `$ref` back into its own expansion (a recursive schema): `"error"` (default) throws; `"keep"` leaves that
   * one `$ref` in place, for tools that only compare documents.
   */
  readonly cycles?: "error" | "keep";
}

/**
 * A copy of `node` (by default the whole document) with every `$ref` replaced by a copy of its target. Keys next
 * to a `$ref` (OpenAPI 3.1 allows e.g. `description` there) are kept and win over the target's.
 */
export function dereference(
  spec: SpecDocument,
  options: DereferenceOptions = {},
  node: unknown = spec.data,
  pointer: readonly string[] = [],
): unknown {
  const expand = (value: unknown, at: readonly string[], expanding: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => expand(item, [...at, String(index)], expanding));
    if (!isRecord(value)) return value;
    const { $ref: ref, ...siblings } = value;
    const expanded = Object.fromEntries(
      Object.entries(siblings).map(([key, item]) => [key, expand(item, [...at, key], expanding)]),
    );
    if (typeof ref !== "string") return ref === undefined ? expanded : { $ref: ref, ...expanded };
    if (expanding.includes(ref)) {
      if (options.cycles === "keep") return { $ref: ref, ...expanded };
      throw new SpecReadError(`$ref cycle: ${[...expanding, ref].join(" -> ")}`, spec.locate(at));
    }
    const target = resolveRef(spec, ref, at);
    const resolved = expand(target.value, target.pointer, [...expanding, ref]);
    return isRecord(resolved) ? { ...resolved, ...expanded } : resolved;
  };
  return expand(node, pointer, []);
}

/** `file#/json/pointer`: how docs:check names a spec location. */
export function pointerLocation(spec: SpecDocument, pointer: readonly string[]): string {
  return `${spec.file}#${formatPointer(pointer)}`;
}
