import "./telemetry-off.js";
import type { Config } from "@redocly/openapi-core";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { isSpecFileName, readSpecFile } from "../openapi/index.js";
import { emitNamedTypes, schemaNames, type NamedTypesInput } from "./emit-named-types.js";
import { emitBrowserIndex, emitClient, emitIndex } from "./emit-clients.js";
import { emitOperations } from "./emit-operations.js";
import { emitStandIn, emitStandInIndex } from "./emit-stand-in.js";
import { emitTypes } from "./emit-types.js";
import { lintSpec, loadLintConfig } from "./lint.js";
import { buildServiceModel, type ServiceModel } from "./operation-table.js";
import { GenerationError, problemsOf } from "./problems.js";

export interface GeneratedOutput {
  readonly services: readonly ServiceModel[];
  /** Path relative to the output directory (forward slashes) → file content. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Parses, lints and generates every spec in `specDir` (the reader's rule: `*.yaml` with an `openapi` key),
 * entirely in memory. Throws one `GenerationError` listing the problems of every spec, so nothing is written
 * unless all specs passed every step.
 */
export async function generateAll(specDir: string): Promise<GeneratedOutput> {
  const entries = await readdir(specDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new GenerationError([`${specDir}: no such directory`]);
    throw error;
  });
  const specNames = entries.filter(isSpecFileName).sort();
  const config = await loadLintConfig();
  const problems: string[] = [];
  const services: ServiceModel[] = [];
  const files = new Map<string, string>();
  const named: NamedTypesInput[] = [];
  for (const name of specNames) {
    try {
      const generated = await generateService(path.join(specDir, name), `${path.basename(specDir)}/${name}`, config);
      if (generated === undefined) continue; // YAML, but not an OpenAPI document
      const { service, types, operations, schemas, client, standIn } = generated;
      if (services.some((s) => s.service.name === service.service.name)) {
        throw new GenerationError([`${service.service.specFile}: a second spec for service "${service.service.name}"`]);
      }
      services.push(service);
      files.set(`${service.service.name}/types.ts`, types);
      files.set(`${service.service.name}/operations.ts`, operations);
      named.push({ model: service, schemaNames: schemas });
      files.set(`${service.service.name}/client.ts`, client);
      files.set(`${service.service.name}/stand-in.ts`, standIn);
    } catch (error) {
      const found = problemsOf(error);
      if (found === undefined) throw error;
      problems.push(...found);
    }
  }
  if (problems.length > 0) throw new GenerationError(problems);
  if (services.length === 0) throw new GenerationError([`${specDir}: no spec files (*.yaml with an "openapi" key)`]);
  // Across services: a schema name defined by two specs is exported with the service prefix by both.
  for (const [file, content] of emitNamedTypes(named)) files.set(file, content);
  files.set("index.ts", emitIndex(services));
  files.set("browser.ts", emitBrowserIndex(services));
  files.set("stand-in.ts", emitStandInIndex(services));
  return { services, files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))) };
}

async function generateService(absolutePath: string, displayPath: string, config: Config) {
  const spec = readSpecFile(absolutePath, displayPath);
  if (spec === undefined) return undefined;
  const lintProblems = await lintSpec(spec, config);
  // Later steps assume a valid document: stop at lint problems rather than pile up follow-on errors.
  if (lintProblems.length > 0) throw new GenerationError(lintProblems);
  const service = buildServiceModel(spec);
  return {
    service,
    types: await emitTypes(spec, config),
    operations: emitOperations(service),
    schemas: schemaNames(spec),
    client: emitClient(spec, service),
    standIn: emitStandIn(spec, service),
  };
}
