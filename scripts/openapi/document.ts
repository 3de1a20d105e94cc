/**
 * One parsed spec file: its data, and what is needed to point at any of its nodes by line and column.
 * YAML errors and warnings (duplicate keys, unresolved tags…) are mistakes in a hand-written spec: the first
 * one is thrown as a `SpecReadError` at its `file:line:col` (the parser's later complaints are usually knock-on
 * effects of it).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { SpecReadError } from "./errors.js";
import { isRecord } from "./pointer.js";

export interface SpecDocument {
  /** Service name: the file name before its first dot (`hss.v5.yaml` → `hss`). */
  readonly service: string;
  /** The file as messages name it: `spec/hss.v5.yaml`, a path on disk, or `<commit>:spec/hss.v5.yaml`. */
  readonly file: string;
  readonly source: string;
  /** The document as plain data. */
  readonly data: Record<string, unknown>;
  /** `file:line:col` of the node at `pointer` (its key's with `onKey`); a missing node: its deepest parent. */
  locate(pointer: readonly string[], onKey?: boolean): string;
}

/**
 * Parses one YAML text named `file`. Returns undefined for YAML that is not an OpenAPI document (no top-level
 * `openapi` key): see `spec-files.ts` for the rule.
 */
export function parseSpecDocument(source: string, file: string): SpecDocument | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const first = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) throw new SpecReadError(`${first.message.split("\n")[0]} (YAML ${first.code})`, at(first.pos[0]), "yaml");
  const data: unknown = doc.toJS();
  if (!isRecord(data) || !("openapi" in data)) return undefined;
  return {
    service: file
      .split(/[/\\:]/)
      .pop()!
      .split(".")[0]!,
    file,
    source,
    data,
    locate: (pointer, onKey = false) => at(nodeOffset(doc, pointer, onKey)),
  };
}

/** Start offset of the deepest existing node on `pointer`, so a pointer to a missing key still lands near it. */
function nodeOffset(doc: Document, pointer: readonly string[], onKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of pointer.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      node = onKey && index === pointer.length - 1 ? pair.key : pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      break;
    }
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
