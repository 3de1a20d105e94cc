/**
 * Which files are specs — the one rule every tool applies: a `*.yaml` file directly in the spec directory whose
 * top-level mapping has an `openapi` key. Other files there are not specs: `docs-exceptions.yml` (`.yml`
 * on purpose), or a `.yaml` file without an `openapi` key. A `.yaml` file that does not parse is an error: it
 * cannot be told apart from a broken spec.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSpecDocument, type SpecDocument } from "./document.js";
import { SpecReadError } from "./errors.js";

/** The file-name half of the rule (the other half, the `openapi` key, needs the content). */
export function isSpecFileName(name: string): boolean {
  return name.endsWith(".yaml");
}

/** A spec read from disk: where it is, for tools that hand the file to other libraries (lint, openapi-typescript). */
export interface SpecFile extends SpecDocument {
  readonly absolutePath: string;
}

/** Reads one spec file; undefined when it is YAML but not an OpenAPI document. */
export function readSpecFile(absolutePath: string, file: string): SpecFile | undefined {
  const document = parseSpecDocument(readFileSync(absolutePath, "utf8"), file);
  return document && { ...document, absolutePath };
}

/**
 * Every spec of `dir`, sorted by file name. `displayDir` names the directory in messages (`spec` gives
 * `spec/hss.v5.yaml`); by default the path as given.
 */
export function readSpecDirectory(dir: string, displayDir: string = dir): SpecFile[] {
  if (!isDirectory(dir)) throw new SpecReadError(`${displayDir}: not a directory`);
  return readdirSync(dir)
    .filter(isSpecFileName)
    .sort()
    .flatMap((name) => readSpecFile(path.join(dir, name), path.join(displayDir, name)) ?? []);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
