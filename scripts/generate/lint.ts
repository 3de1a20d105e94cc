import "./telemetry-off.js";
import {
  BaseResolver,
  lintDocument,
  loadConfig,
  makeDocumentFromString,
  type Config,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import { fileURLToPath } from "node:url";
import { HTTP_METHODS, isRecord, parsePointer, valueAt, type SpecFile } from "../openapi/index.js";

/** `redocly.yaml` in the repository root: the same rules openapi-typescript applies. */
const CONFIG_PATH = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));

export function loadLintConfig(): Promise<Config> {
  return loadConfig({ configPath: CONFIG_PATH });
}

/**
 * Lints one spec with the repository's Redocly rules. Returns one `file:line:col <operationId>: ruleId message`
 * line per problem (the operation left out for a problem outside `paths`; every operation of the path item for
 * one in the path item's shared parameters). Warnings are returned too: the specs are ours, so anything Redocly
 * flags is a defect to fix.
 */
export async function lintSpec(spec: SpecFile, config: Config): Promise<string[]> {
  const problems = await lintDocument({
    document: makeDocumentFromString(spec.source, spec.absolutePath),
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  return problems.map((problem) => {
    const pointer = pointerOf(problem);
    const operations = pointer === undefined ? "" : operationsAt(spec, pointer);
    return `${where(spec, problem, pointer)} ${operations}${problem.ruleId} ${problem.message}${refNamed(spec, problem, pointer)}`;
  });
}

// Redocly's pointers are `#/…` with RFC 6901 escapes but no percent-encoding: not a `$ref`, a plain pointer.
function pointerOf(problem: NormalizedProblem): string[] | undefined {
  const pointer = problem.location[0]?.pointer;
  return pointer === undefined ? undefined : parsePointer(pointer.replace(/^#/, ""));
}

function where(spec: SpecFile, problem: NormalizedProblem, pointer: string[] | undefined): string {
  return pointer === undefined ? spec.locate([]) : spec.locate(pointer, problem.location[0]?.reportOnKey);
}

/** `ListThings: ` for a pointer into an operation; `A, B: ` for one into a path item (its operations). */
function operationsAt(spec: SpecFile, [root, path, method]: readonly string[]): string {
  if (root !== "paths" || path === undefined) return "";
  const pathItem = valueAt(spec.data, ["paths", path]);
  if (!isRecord(pathItem)) return "";
  const methods = HTTP_METHODS.includes(method as (typeof HTTP_METHODS)[number]) ? [method!] : HTTP_METHODS;
  const ids = methods.map((key) => valueAt(pathItem, [key, "operationId"])).filter((id) => typeof id === "string");
  return ids.length > 0 ? `${ids.join(", ")}: ` : "";
}

/** ` "#/components/schemas/Thingy"` for an unresolved `$ref`: which reference failed, not only where. */
function refNamed(spec: SpecFile, problem: NormalizedProblem, pointer: string[] | undefined): string {
  if (problem.ruleId !== "no-unresolved-refs" || pointer === undefined) return "";
  const node = valueAt(spec.data, pointer);
  const ref = isRecord(node) ? node.$ref : node;
  return typeof ref === "string" ? ` ${JSON.stringify(ref)}` : "";
}
