import { fileURLToPath } from "node:url";
import { readSpecDirectory } from "../../scripts/openapi/index.js";
import type { OperationSpec, ServiceSpec } from "../../src/core/operation.js";

const SPEC_DIR = fileURLToPath(new URL("../../spec/", import.meta.url));
const GENERATED_DIR = new URL("../../generated/", import.meta.url);

/** One service of spec/ with its generated table. */
export interface GeneratedTable {
  readonly service: ServiceSpec;
  readonly operations: Readonly<Record<string, OperationSpec>>;
}

/**
 * Every service of spec/, in spec file order, with its table from generated/<service>/operations.ts: the tests
 * that cover "every operation" read the list here, so a spec added to spec/ is covered with no edit to them.
 */
export async function generatedTables(): Promise<GeneratedTable[]> {
  return Promise.all(
    readSpecDirectory(SPEC_DIR, "spec").map(({ service }) =>
      importTable(new URL(`${service}/operations.js`, GENERATED_DIR).href, service),
    ),
  );
}

/** The table a generated `<service>/operations.ts` exports (`<service>Service`, `<service>Operations`). */
export async function importTable(url: string, service: string): Promise<GeneratedTable> {
  const module = (await import(url)) as Record<string, unknown>;
  return {
    service: module[`${service}Service`] as ServiceSpec,
    operations: module[`${service}Operations`] as Record<string, OperationSpec>,
  };
}
