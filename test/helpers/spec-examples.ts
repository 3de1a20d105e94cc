import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** The documented 200 example of every operation of the repo's specs, by operationId. */
export function documentedExamples(): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  for (const file of ["hss.v5.yaml", "swr.v2.yaml"]) {
    const spec = parse(readFileSync(new URL(`../../spec/${file}`, import.meta.url), "utf8"));
    for (const item of Object.values<Record<string, any>>(spec.paths)) {
      for (const operation of Object.values<any>(item)) {
        const example = operation?.responses?.["200"]?.content?.["application/json"]?.example;
        if (operation?.operationId && example !== undefined) examples.set(operation.operationId, example);
      }
    }
  }
  return examples;
}
