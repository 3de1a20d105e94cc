import { LineCounter, parseDocument } from "yaml";
import { isObject } from "./doc-pair.js";
import { SpecDiffInputError } from "./errors.js";

/**
 * Parses one YAML file of the spec directory. `label` names the file in messages: a path on disk, or
 * "<commit>:spec/x.yaml" for a file read from git. Errors carry label:line:col so the author can jump to the spot.
 * Returns undefined for YAML that is not an OpenAPI document: the spec directory also holds other files
 * (docs:check's docs-exceptions.yaml), which are not specs.
 */
export function parseSpec(text: string, label: string): Record<string, unknown> | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new SpecDiffInputError(`${label}:${line}:${col}: invalid YAML: ${firstLine(error.message)}`);
  }
  const value: unknown = document.toJS();
  return isObject(value) && "openapi" in value ? value : undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
