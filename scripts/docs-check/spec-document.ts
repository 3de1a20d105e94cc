/**
 * docs:check's view of the specs, over the one OpenAPI reader: objects with their JSON pointer as a string,
 * which its problems print as `file#pointer` (the place to edit). Parsing, `$ref`s and pointer escaping are the
 * reader's; a spec it cannot read stops the check (exit 2).
 */
import path from "node:path";
import {
  deref,
  formatPointer,
  isRecord,
  operationParameters,
  parsePointer,
  readSpecDirectory,
  specOperations,
  SpecReadError,
  type Located as ReadLocated,
  type SpecDocument as ReadSpec,
} from "../openapi/index.js";
import { DocsCheckError } from "./model.js";

/** A JSON object inside a spec. */
export type Node = Readonly<Record<string, unknown>>;

/** A spec node with its JSON pointer, so every problem can say where in the spec to edit. */
export interface Located {
  readonly node: Node;
  readonly pointer: string;
}

/** One operation of a spec, with the parameters that apply to it (path-level ones unless overridden). */
export interface OperationNode {
  readonly path: string;
  readonly method: string;
  readonly operation: Located;
  readonly parameters: readonly Located[];
}

export class SpecDocument {
  /** The file as shown in messages (relative to the working directory). */
  readonly file: string;
  readonly root: Node;

  constructor(private readonly spec: ReadSpec) {
    this.file = spec.file;
    this.root = spec.data;
  }

  /** The object at `pointer`, following `$ref`s until a non-reference object. */
  resolve(value: unknown, pointer: string): Located {
    const found = readOrStop(() => deref(this.spec, value, parsePointer(pointer)));
    const at = formatPointer(found.pointer);
    if (!isRecord(found.value)) throw new DocsCheckError(`${this.file}#${at}: expected an object`);
    return { node: found.value, pointer: at };
  }

  /** Every operation, in document order. */
  operations(): OperationNode[] {
    return readOrStop(() =>
      specOperations(this.spec).map((found) => ({
        path: found.path,
        method: found.method,
        operation: located(found.operation),
        parameters: operationParameters(this.spec, found).map(located),
      })),
    );
  }

  /** The object under `key` of `parent`, resolved, or undefined if there is none. */
  child(parent: Located, key: string): Located | undefined {
    const value = parent.node[key];
    return value === undefined ? undefined : this.resolve(value, `${parent.pointer}${formatPointer([key])}`);
  }
}

/** Every spec in `specDir` (the reader's rule: `*.yaml` with an `openapi` key; the exceptions file is `.yml`). */
export function loadSpecs(specDir: string): SpecDocument[] {
  const specs = readOrStop(() => readSpecDirectory(specDir, path.relative(process.cwd(), specDir)));
  if (specs.length === 0) throw new DocsCheckError(`no OpenAPI spec (*.yaml with an "openapi" key) in ${specDir}`);
  return specs.map((spec) => new SpecDocument(spec));
}

const located = ({ value, pointer }: ReadLocated): Located => ({ node: value, pointer: formatPointer(pointer) });

function readOrStop<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpecReadError) throw new DocsCheckError(error.message);
    throw error;
  }
}
