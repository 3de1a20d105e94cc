/**
 * What every `x-` extension reader gets and how it fails. Each extension lives in its own file and exports one
 * `read…(site, …)` function that parses its value, checks it against the rest of the operation and returns the
 * fact for the operation table; a problem is thrown as `file:line:col <operationId>: <message>`, located at the
 * offending key of the extension (or at its owner when the extension is missing).
 */
import { isRecord, type Located, type SpecDocument } from "../../openapi/index.js";
import { fail } from "../problems.js";

export interface ExtensionSite {
  readonly spec: SpecDocument;
  /** The operation being built, named in every message. */
  readonly operationId: string;
  /** The mapping that carries the extension: the operation, or one of its parameters. */
  readonly owner: Located;
}

/** Throws a problem at `<owner>/<extension>/<...path>` (the nearest node that exists). */
export function extensionProblem(
  site: ExtensionSite,
  extension: string,
  message: string,
  path: readonly string[] = [],
): never {
  fail(site.spec, [...site.owner.pointer, extension, ...path], `${site.operationId}: ${message}`);
}

/** The extension's value as a mapping whose keys are all in `known`; `shape` describes it in the message. */
export function extensionMapping(
  site: ExtensionSite,
  extension: string,
  known: readonly string[],
  shape: string,
): Record<string, unknown> {
  const value = site.owner.value[extension];
  if (!isRecord(value)) extensionProblem(site, extension, `${extension} must be a mapping with ${shape}`);
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      extensionProblem(site, extension, `${extension}.${key} is not a known key (known: ${known.join(", ")})`, [key]);
  }
  return value;
}

/** `value` (found at `<extension>/<...path>`) as a non-empty string, or a problem naming it. */
export function requiredString(
  site: ExtensionSite,
  extension: string,
  value: unknown,
  path: readonly string[] = [],
): string {
  if (typeof value !== "string" || value === "") {
    extensionProblem(
      site,
      extension,
      `${[extension, ...path].join(".")} is required and must be a non-empty string`,
      path,
    );
  }
  return value;
}
