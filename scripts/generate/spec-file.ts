import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { GenerationError } from "./problems.js";

/** One parsed `spec/*.yaml` file, with what is needed to point at any of its nodes by line and column. */
export interface SpecFile {
  /** Service name: the file name before its first dot (`hss.v5.yaml` → `hss`). */
  readonly service: string;
  /** Path as written into generated files and messages, e.g. `spec/hss.v5.yaml`. */
  readonly displayPath: string;
  readonly absolutePath: string;
  readonly source: string;
  /** The document as plain data. */
  readonly data: Record<string, unknown>;
  /** `file:line:col` of the node at `pointer` (JSON pointer segments); of its key when `onKey` is set. */
  locate(pointer: readonly string[], onKey?: boolean): string;
}

export async function readSpecFile(absolutePath: string, displayPath: string): Promise<SpecFile> {
  const source = await readFile(absolutePath, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${displayPath}:${line}:${col}`;
  };
  // Warnings count too: duplicate keys, unresolved tags and the like are mistakes in a hand-written spec.
  // Only the first is reported: the parser's later complaints are usually knock-on effects of it.
  const first = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) throw new GenerationError([`${at(first.pos[0])} ${first.message} (YAML ${first.code})`]);
  const data: unknown = doc.toJS();
  if (!isRecord(data)) throw new GenerationError([`${at(0)} the file is not a YAML mapping`]);
  return {
    service: path.basename(absolutePath).split(".")[0]!,
    displayPath,
    absolutePath,
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON pointer → segments: `#/paths/~1v1~1widgets/get` → `["paths", "/v1/widgets", "get"]`. */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#?\/?/, "");
  if (body === "") return [];
  return body.split("/").map((s) => decodeURIComponent(s.replace(/~1/g, "/").replace(/~0/g, "~")));
}
