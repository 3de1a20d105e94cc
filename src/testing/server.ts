/// <reference types="node" />
/**
 * The HSS/SWR stand-in server: a node:http server on loopback that speaks the operations of the API specs over
 * a seeded in-memory store, with the real services' authentication, validation and error bodies, plus fault
 * injection and misbehaving-pagination switches for client tests.
 *
 * engine/ does what is the same for every service (routing, validation, auth, faults, CORS, the request log);
 * services/<name>/ holds each service's error style, handlers, store and seed. This file assembles them over
 * the operations it is given: the generated ones (index.ts, the published entry) or those of another spec
 * directory (the repository's tests, test/server/index.ts).
 *
 *   const server = await startStandInServer({ seed: { tasks: 1000 } });
 *   await fetch(`${server.url}/v5/${server.projectId}/common/task-statistics?task_type=iac_scan`,
 *     { headers: { "X-Auth-Token": DEFAULT_TOKEN } });
 *   server.faults.push({ operation: "ListTasks", status: 503, retryAfter: "1", times: 2 });
 *   await server.close();
 *
 * A request's path through the engine is described in engine/serve.ts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  DEFAULT_AK,
  DEFAULT_PROJECT_ID,
  DEFAULT_RNG_SEED,
  DEFAULT_SEED_SIZES,
  DEFAULT_SK,
  DEFAULT_TOKEN,
} from "./defaults.js";
import type { AuthConfig } from "./engine/auth.js";
import type { Fault } from "./engine/faults.js";
import type { Misbehave } from "./engine/paging.js";
import type { LoggedRequest } from "./engine/request-log.js";
import { createRequestHandler, type EngineState } from "./engine/serve.js";
import type { SpecOperation } from "./engine/spec-operations.js";
import { seedStore, SERVICES, type SeedSizes, type StandInStore } from "./services/index.js";

/** Optional fields accept `undefined` explicitly (also under `exactOptionalPropertyTypes`): undefined means absent. */
export interface StandInServerOptions {
  /** Store sizes and PRNG seed; the same values give the same data on every run. A size left out is the default's. */
  seed?: { readonly [Name in keyof SeedSizes]?: number | undefined } & { rngSeed?: number | undefined };
  /** The one project the server serves; requests for another project id get 403. */
  projectId?: string | undefined;
  /** Accepted X-Auth-Token values. */
  tokens?: readonly string[] | undefined;
  /** AK → SK of the accepted AK/SK credentials. */
  credentials?: Readonly<Record<string, string>> | undefined;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number | undefined;
}

export interface StandInServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly projectId: string;
  /** The live data: tests may seed, change and inspect it. */
  readonly store: StandInStore;
  /** The latest received requests, secrets redacted (bounded, oldest dropped first). */
  readonly requests: LoggedRequest[];
  /** Pending faults, consumed in order (see engine/faults.ts). */
  readonly faults: Fault[];
  /** Misbehaving-pagination switches for the list operations (see engine/paging.ts); `{}` behaves. */
  misbehave: Misbehave;
  /** Re-seeds the store and clears the request log, faults and misbehaviour. */
  reset(): void;
  /** Stops listening, drops every connection (keep-alive included) and cancels pending fault delays. */
  close(): Promise<void>;
}

/** Starts the server for `operations` (every other part of the API comes from the service modules). */
export async function startServerFor(
  operations: readonly SpecOperation[],
  options: StandInServerOptions = {},
): Promise<StandInServer> {
  // Only the sizes given: a spread would let `tasks: undefined` override the default with no tasks at all.
  const given = Object.entries(options.seed ?? {}).filter(([, size]) => size !== undefined);
  const sizes: SeedSizes = { ...DEFAULT_SEED_SIZES, ...Object.fromEntries(given) };
  const rngSeed = options.seed?.rngSeed ?? DEFAULT_RNG_SEED;
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const auth: AuthConfig = {
    tokens: new Set(options.tokens ?? [DEFAULT_TOKEN]),
    credentials: new Map(Object.entries(options.credentials ?? { [DEFAULT_AK]: DEFAULT_SK })),
  };
  const closing = new AbortController();
  const state: EngineState<StandInStore> = {
    store: seedStore(sizes, rngSeed),
    requests: [],
    faults: [],
    misbehave: {},
  };
  const handle = createRequestHandler({
    operations,
    services: SERVICES,
    auth,
    projectId,
    state,
    closing: closing.signal,
  });
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    projectId,
    store: state.store,
    requests: state.requests,
    faults: state.faults,
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(value: Misbehave) {
      state.misbehave = value;
    },
    reset() {
      Object.assign(state.store, seedStore(sizes, rngSeed));
      state.requests.length = 0;
      state.faults.length = 0;
      state.misbehave = {};
    },
    close() {
      closing.abort();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
