/// <reference types="node" />
/**
 * `huaweicloud-task-client/testing`: the HSS/SWR stand-in server for users' own tests (Node only). It serves
 * every operation of the package's specs on 127.0.0.1 over a seeded in-memory store, checks authentication
 * (X-Auth-Token or AK/SK signatures) and every request against the spec, answers errors in each service's
 * style, and lets a test inject faults and read the requests it received (secrets redacted).
 *
 *   const server = await startStandInServer();
 *   const hss = createHssClient({ endpoint: server.url, projectId: server.projectId, auth: { token: DEFAULT_TOKEN } });
 *   server.faults.push({ operation: "ListTasks", status: 503, times: 1 });
 *   …
 *   await server.close();
 *
 * Kept out of the main entry: it imports node:http and needs Ajv (an optional peer dependency).
 */
import { standInOperations } from "../../generated/stand-in.js";
import { startServerFor, type StandInServer, type StandInServerOptions } from "./server.js";

export type { StandInServer, StandInServerOptions } from "./server.js";
export type { Fault } from "./engine/faults.js";
export type { Misbehave } from "./engine/paging.js";
export type { LoggedRequest } from "./engine/request-log.js";
export type { StandInStore, SeedSizes } from "./services/index.js";
export type * from "./services/hss/store.js";
export type * from "./services/swr/store.js";
export * from "./defaults.js";

/** Starts the stand-in server on a free loopback port (or `options.port`); `close()` it when done. */
export function startStandInServer(options: StandInServerOptions = {}): Promise<StandInServer> {
  return startServerFor(standInOperations, options);
}
