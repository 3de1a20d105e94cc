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
import { parsePointer, type SpecFile } from "../openapi/index.js";

/** `redocly.yaml` in the repository root: the same rules openapi-typescript applies. */
const CONFIG_PATH = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));

export function loadLintConfig(): Promise<Config> {
  return loadConfig({ configPath: CONFIG_PATH });
}

/**
 * Lints one spec with the repository's Redocly rules. Returns one `file:line:col ruleId message` line per
 * problem. Warnings are returned too: the specs are ours, so anything Redocly flags is a defect to fix.
 */
export async function lintSpec(spec: SpecFile, config: Config): Promise<string[]> {
  const problems = await lintDocument({
    document: makeDocumentFromString(spec.source, spec.absolutePath),
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  return problems.map((problem) => `${where(spec, problem)} ${problem.ruleId} ${problem.message}`);
}

function where(spec: SpecFile, problem: NormalizedProblem): string {
  const location = problem.location[0];
  if (location?.pointer === undefined) return spec.locate([]);
  // Redocly's pointers are `#/…` with RFC 6901 escapes but no percent-encoding: not a `$ref`, a plain pointer.
  return spec.locate(parsePointer(location.pointer.replace(/^#/, "")), location.reportOnKey);
}
