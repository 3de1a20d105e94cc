import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DocsCheckError } from "./model.js";

/** A JSON object inside a spec. */
export type Node = Readonly<Record<string, unknown>>;

/** A spec node with its JSON pointer, so every problem can say where in the spec to edit. */
export interface Located {
  readonly node: Node;
  readonly pointer: string;
}

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** One parsed spec file with a resolver for its local `$ref`s (the specs are single files). */
export class SpecDocument {
  constructor(
    /** The file as shown in messages (relative to the working directory). */
    readonly file: string,
    readonly root: Node,
  ) {}

  /** The object at `pointer`, following `$ref`s until a non-reference object. */
  resolve(value: unknown, pointer: string): Located {
    const seen = new Set<string>();
    let current: Located = { node: this.expectNode(value, pointer), pointer };
    while (typeof current.node.$ref === "string") {
      const ref = current.node.$ref;
      if (!ref.startsWith("#/")) throw new DocsCheckError(`${this.file}#${current.pointer}: only local $refs are supported, not "${ref}"`);
      if (seen.has(ref)) throw new DocsCheckError(`${this.file}#${current.pointer}: $ref cycle through "${ref}"`);
      seen.add(ref);
      current = { node: this.expectNode(this.at(ref.slice(1), current.pointer), ref.slice(1)), pointer: ref.slice(1) };
    }
    return current;
  }

  /** The object under `key` of `parent`, resolved, or undefined if there is none. */
  child(parent: Located, key: string): Located | undefined {
    const value = parent.node[key];
    return value === undefined ? undefined : this.resolve(value, `${parent.pointer}/${escape(key)}`);
  }

  private at(pointer: string, from: string): unknown {
    let value: unknown = this.root;
    for (const segment of pointer.split("/").slice(1).map(unescape)) {
      if (!isNode(value) || !(segment in value)) throw new DocsCheckError(`${this.file}#${from}: $ref "#${pointer}" does not resolve`);
      value = value[segment];
    }
    return value;
  }

  private expectNode(value: unknown, pointer: string): Node {
    if (!isNode(value)) throw new DocsCheckError(`${this.file}#${pointer}: expected an object`);
    return value;
  }
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const unescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** Every OpenAPI document in `specDir` (files with a top-level `openapi` key; other YAML such as the exceptions file is skipped). */
export function loadSpecs(specDir: string): SpecDocument[] {
  let names: string[];
  try {
    names = readdirSync(specDir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    throw new DocsCheckError(`spec directory not found: ${specDir}`);
  }
  const specs: SpecDocument[] = [];
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(specDir, name)) || name;
    let root: unknown;
    try {
      root = parse(readFileSync(path.join(specDir, name), "utf8"));
    } catch (error) {
      throw new DocsCheckError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
    if (isNode(root) && "openapi" in root) specs.push(new SpecDocument(file, root));
  }
  if (specs.length === 0) throw new DocsCheckError(`no OpenAPI spec (*.yaml with an "openapi" key) in ${specDir}`);
  return specs;
}
