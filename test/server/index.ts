/**
 * The stand-in server as the repository's tests use it: the published one (src/testing, the package's
 * `huaweicloud-task-client/testing` entry), plus `specDir` to serve another spec directory (a fixture spec
 * copied next to spec/), read from YAML here because the published server reads none.
 */
import { standInOperations } from "../../generated/stand-in.js";
import { loadSpecOperations } from "../../scripts/stand-in/spec-operations.js";
import { startServerFor, type StandInServer, type StandInServerOptions } from "../../src/testing/server.js";

export * from "../../src/testing/index.js";

export interface TestServerOptions extends StandInServerOptions {
  /** Directory of the spec files to serve; default the generated operations of the repository's spec/. */
  specDir?: string;
}

export function startStandInServer(options: TestServerOptions = {}): Promise<StandInServer> {
  const { specDir, ...rest } = options;
  return startServerFor(specDir === undefined ? standInOperations : loadSpecOperations(specDir), rest);
}
