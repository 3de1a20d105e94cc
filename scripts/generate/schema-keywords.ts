import { isRecord, resolveRef, type Located, type SpecDocument } from "../openapi/index.js";
import { GenerationError } from "./problems.js";

/** Keywords that only mean something for one kind of value (JSON Schema's type-specific assertions). */
const KEYWORD_TYPES: Readonly<Record<string, readonly string[]>> = {
  minimum: ["integer", "number"],
  maximum: ["integer", "number"],
  exclusiveMinimum: ["integer", "number"],
  exclusiveMaximum: ["integer", "number"],
  multipleOf: ["integer", "number"],
  minLength: ["string"],
  maxLength: ["string"],
  pattern: ["string"],
  minItems: ["array"],
  maxItems: ["array"],
  uniqueItems: ["array"],
  items: ["array"],
  minProperties: ["object"],
  maxProperties: ["object"],
  properties: ["object"],
  additionalProperties: ["object"],
};

/** Keys under which values are data, not schemas: nothing there is checked. */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum", "x-pagination"]);

/**
 * Refuses type-mismatched keywords in every schema an operation uses (`minimum` on a string, `maxLength` on an
 * integer, …): JSON Schema ignores them, so the constraint the page states would silently not be checked.
 * Follows `$ref`s; each problem is `file:line:col <operationId>: …`, located at the keyword.
 */
export function checkSchemaKeywords(spec: SpecDocument, operationId: string, nodes: readonly Located<unknown>[]): void {
  const problems = new Set<string>();
  const visited = new Set<unknown>();
  const visit = (node: unknown, at: readonly string[]): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, [...at, String(index)]));
    if (!isRecord(node) || visited.has(node)) return;
    visited.add(node);
    if (typeof node.$ref === "string") {
      const target = resolveRef(spec, node.$ref, at);
      visit(target.value, target.pointer);
    }
    // OpenAPI 3.1's nullable `type: [string, "null"]` is checked as its other type.
    const type = Array.isArray(node.type) ? node.type.find((name) => name !== "null") : node.type;
    if (typeof type === "string") {
      for (const [keyword, types] of Object.entries(KEYWORD_TYPES)) {
        if (node[keyword] !== undefined && !types.includes(type)) {
          problems.add(
            `${spec.locate([...at, keyword], true)} ${operationId}: "${keyword}" applies to ${types.join(" and ")} values, but the schema's type is "${type}"`,
          );
        }
      }
    }
    for (const [key, value] of Object.entries(node))
      if (key !== "$ref" && !DATA_KEYS.has(key)) visit(value, [...at, key]);
  };
  for (const { value, pointer } of nodes) visit(value, pointer);
  if (problems.size > 0) throw new GenerationError([...problems]);
}
