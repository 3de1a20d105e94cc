import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateAll } from "../../scripts/generate/pipeline.js";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createServiceClient } from "../../src/core/client.js";
import type { CallOptions } from "../../src/core/method.js";
import type { OperationSpec, ServiceSpec } from "../../src/core/operation.js";
import type { ClientOptions } from "../../src/core/options.js";
import { importTable, type GeneratedTable } from "../helpers/generated-services.js";
import { startLoopbackServer, type LoopbackServer } from "./loopback.js";

const specDir = fileURLToPath(new URL("../fixtures/generate/spec", import.meta.url));
const srcDir = fileURLToPath(new URL("../../src/", import.meta.url)).replaceAll("\\", "/");

export interface GeneratedService extends GeneratedTable {
  /** Removes the scratch directory the table was generated into. */
  dispose(): void;
}

/**
 * The generator's demo fixture (test/fixtures/generate/spec/demo.v1.yaml), generated into a scratch directory
 * and imported: an operation table that is neither HSS nor SWR, for testing the core on its own.
 */
export function generateDemoService(): Promise<GeneratedService> {
  return generateFixtureService(specDir, "demo");
}

/** Generates the specs in `dir` into a scratch directory, the way `npm run generate` would, and imports `service`'s table. */
export async function generateFixtureService(dir: string, service: string): Promise<GeneratedService> {
  const { files } = await generateAll(dir);
  const outDir = mkdtempSync(path.join(tmpdir(), `core-${service}-`));
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    // The tables import what they run from src/ by a path relative to generated/: point it at this repo's src/.
    writeFileSync(path.join(outDir, file), text.replaceAll('from "../../src/', `from "${srcDir}`));
  }
  const table = await importTable(pathToFileURL(path.join(outDir, `${service}/operations.ts`)).href, service);
  return { ...table, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The demo table and a loopback server, for one test file: started before its tests, reset before each. */
export interface DemoOnLoopback {
  readonly server: LoopbackServer;
  readonly demo: GeneratedService;
}

/** Registers the hooks that start, reset and stop the demo fixture and server; read the fields inside tests. */
export function useDemoOnLoopback(): DemoOnLoopback {
  const fixture = {} as { server: LoopbackServer; demo: GeneratedService };
  beforeAll(async () => {
    [fixture.server, fixture.demo] = await Promise.all([startLoopbackServer(), generateDemoService()]);
  });
  afterAll(async () => {
    fixture.demo?.dispose();
    await fixture.server?.close();
  });
  beforeEach(() => fixture.server.reset());
  return fixture;
}

/** A client built from a table the type checker does not know: any method, any input, any output. */
export type AnyClient = Record<string, (input?: object, options?: CallOptions) => Promise<any>>;

/** A client of `service` on the loopback server: project p1, token auth with `token`, 1 ms backoff, then `overrides`. */
export function loopbackClient(
  server: LoopbackServer,
  token: string,
  service: ServiceSpec,
  operations: Readonly<Record<string, OperationSpec>>,
  overrides: Partial<ClientOptions> = {},
): AnyClient {
  const options: ClientOptions = {
    projectId: "p1",
    endpoint: server.url,
    auth: { token },
    retry: { baseDelayMs: 1 },
    ...overrides,
  };
  return createServiceClient<AnyClient, {}>(service, operations, options);
}
