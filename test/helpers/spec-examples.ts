import { fileURLToPath } from "node:url";
import { dereference, readSpecDirectory, specOperations, valueAt } from "../../scripts/openapi/index.js";

const SPEC_DIR = fileURLToPath(new URL("../../spec/", import.meta.url));

/** The documented 200 example of every operation of the repo's specs, by operationId. */
export function documentedExamples(): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  for (const spec of readSpecDirectory(SPEC_DIR, "spec")) {
    for (const { operation } of specOperations(spec)) {
      const ok = dereference(spec, {}, valueAt(operation.value, ["responses", "200"]), [...operation.pointer, "responses", "200"]);
      const example = valueAt(ok, ["content", "application/json", "example"]);
      if (typeof operation.value.operationId === "string" && example !== undefined) examples.set(operation.value.operationId, example);
    }
  }
  return examples;
}
