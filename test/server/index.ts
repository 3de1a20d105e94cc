/**
 * The HSS/SWR stand-in server: a node:http server on loopback that speaks the operations of spec/*.yaml over a
 * seeded in-memory store, with the real services' authentication, validation and error bodies, plus fault
 * injection and misbehaving-pagination switches for client tests.
 *
 *   const server = await startStandInServer({ seed: { tasks: 1000 } });
 *   await fetch(`${server.url}/v5/${server.projectId}/common/task-statistics?task_type=iac_scan`,
 *     { headers: { "X-Auth-Token": DEFAULT_TOKEN } });
 *   server.faults.push({ operation: "ListTasks", status: 503, retryAfter: "1", times: 2 });
 *   await server.close();
 *
 * A request goes through: CORS preflight → routing → fault → authentication → JSON parsing → validation
 * against the spec → project check → the operation's handler. Every answer has a fresh X-Request-Id.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate, type AuthConfig } from "./auth.js";
import { corsHeaders, PREFLIGHT_HEADERS } from "./cors.js";
import { DEFAULT_AK, DEFAULT_PROJECT_ID, DEFAULT_RNG_SEED, DEFAULT_SEED_SIZES, DEFAULT_SK, DEFAULT_TOKEN } from "./defaults.js";
import { errorAnswer, injectedErrorAnswer, InvalidInputError, type ErrorAnswer } from "./errors.js";
import { faultAnswers, takeFault, type Fault } from "./faults.js";
import { HANDLERS } from "./handler.js";
import { readRawBody, sendJson, sendText } from "./http.js";
import type { Misbehave } from "./pagination.js";
import { appendToLog, loggableBody, redactHeaders, type LoggedRequest } from "./request-log.js";
import { createRouter, type RouteMatch } from "./router.js";
import { seedStore, type SeedSizes } from "./seed.js";
import { loadSpecOperations, type Service } from "./spec.js";
import type { StandInStore } from "./store.js";
import { compileRequestValidator, type RequestValidator } from "./validation.js";

export type { Fault } from "./faults.js";
export type { Misbehave } from "./pagination.js";
export type { LoggedRequest } from "./request-log.js";
export type * from "./store.js";
export * from "./defaults.js";

export interface StandInServerOptions {
  /** Store sizes and PRNG seed; the same values give the same data on every run. */
  seed?: Partial<SeedSizes> & { rngSeed?: number };
  /** The one project the server serves; requests for another project id get 403. */
  projectId?: string;
  /** Accepted X-Auth-Token values. */
  tokens?: readonly string[];
  /** AK → SK of the accepted AK/SK credentials. */
  credentials?: Readonly<Record<string, string>>;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Directory of the spec files; default the repository's spec/. */
  specDir?: string;
}

export interface StandInServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly projectId: string;
  /** The live data: tests may seed, change and inspect it. */
  readonly store: StandInStore;
  /** The latest received requests, secrets redacted (bounded, oldest dropped first). */
  readonly requests: LoggedRequest[];
  /** Pending faults, consumed in order (see faults.ts). */
  readonly faults: Fault[];
  /** Misbehaving-pagination switches for the list operations (see pagination.ts); `{}` behaves. */
  misbehave: Misbehave;
  /** Re-seeds the store and clears the request log, faults and misbehaviour. */
  reset(): void;
  /** Stops listening, drops every connection (keep-alive included) and cancels pending fault delays. */
  close(): Promise<void>;
}

export async function startStandInServer(options: StandInServerOptions = {}): Promise<StandInServer> {
  const sizes: SeedSizes = { ...DEFAULT_SEED_SIZES, ...options.seed };
  const rngSeed = options.seed?.rngSeed ?? DEFAULT_RNG_SEED;
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const auth: AuthConfig = {
    tokens: new Set(options.tokens ?? [DEFAULT_TOKEN]),
    credentials: new Map(Object.entries(options.credentials ?? { [DEFAULT_AK]: DEFAULT_SK })),
  };
  const operations = loadSpecOperations(options.specDir);
  const missing = Object.keys(HANDLERS).filter((id) => !operations.some((op) => op.operationId === id));
  if (missing.length > 0) throw new Error(`the specs lack operations the stand-in serves: ${missing.join(", ")}`);
  const route = createRouter(operations);
  const validators = new Map<string, RequestValidator>(operations.map((op) => [op.operationId, compileRequestValidator(op)]));
  const closing = new AbortController();

  const state = {
    store: seedStore(sizes, rngSeed),
    requests: [] as LoggedRequest[],
    faults: [] as Fault[],
    misbehave: {} as Misbehave,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID().replaceAll("-", "");
    res.setHeader("X-Request-Id", requestId);
    for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
    if (req.method === "OPTIONS") return sendText(res, 204, "", PREFLIGHT_HEADERS);

    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const url = new URL(rawUrl, "http://stand-in.invalid");
    const rawBody = await readRawBody(req);
    const match = route(method, url.pathname);
    const service: Service = match?.operation.service ?? (url.pathname.startsWith("/v2/") ? "swr" : "hss");
    const entry: LoggedRequest = {
      requestId,
      method,
      path: url.pathname,
      query: queryObject(url.searchParams),
      headers: redactHeaders(req.headers),
      body: loggableBody(rawBody),
      ...(match ? { operation: match.operation.operationId } : {}),
    };
    appendToLog(state.requests, entry);
    res.on("finish", () => (entry.status = res.statusCode));
    const answer = (a: ErrorAnswer): void => sendJson(res, a.status, a.body);

    const fault = takeFault(state.faults, match?.operation.operationId);
    if (fault) {
      const served = await applyFault(fault, req, res, service);
      if (served) return;
    }
    if (!match) return answer(errorAnswer(service, "noSuchApi"));

    const verdict = authenticate({ method, rawUrl, headers: req.headers, body: rawBody }, auth);
    if (!verdict.ok) return answer(errorAnswer(service, "unauthorized", verdict.reason));
    entry.principal = verdict.principal;

    let body: unknown;
    try {
      body = rawBody.length > 0 ? (JSON.parse(rawBody.toString("utf8")) as unknown) : undefined;
    } catch {
      return answer(errorAnswer(service, "unparsable", "The request body is not valid JSON."));
    }
    serveOperation(match, body, req, res, service);
  }

  function serveOperation(match: RouteMatch, body: unknown, req: IncomingMessage, res: ServerResponse, service: Service): void {
    const { operation, pathParams } = match;
    const validate = validators.get(operation.operationId);
    const handler = HANDLERS[operation.operationId];
    if (!validate || !handler) return sendJson(res, 500, errorAnswer(service, "internal").body);
    const query = queryObject(new URL(req.url ?? "/", "http://stand-in.invalid").searchParams);
    const checked = validate({ path: pathParams, query, headers: req.headers, body });
    if (!checked.ok) {
      const a = errorAnswer(service, checked.location === "query" ? "invalidQuery" : "invalidParameter", checked.message);
      return sendJson(res, a.status, a.body);
    }
    if (checked.input.path["project_id"] !== projectId) {
      const a = errorAnswer(service, "forbidden", "The project id does not match the credentials' project.");
      return sendJson(res, a.status, a.body);
    }
    try {
      sendJson(res, 200, handler({ store: state.store, misbehave: state.misbehave, input: checked.input }));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const a = errorAnswer(service, "invalidParameter", error.message);
      sendJson(res, a.status, a.body);
    }
  }

  /** Applies a fault; true when it took the place of the real answer. */
  async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, service: Service): Promise<boolean> {
    if (fault.delayMs) {
      const clientGone = new AbortController();
      res.on("close", () => clientGone.abort());
      try {
        await sleep(fault.delayMs, undefined, { signal: AbortSignal.any([closing.signal, clientGone.signal]) });
      } catch {
        return true; // the client or the server gave up: nobody is left to answer
      }
    }
    if (fault.reset) {
      req.socket.destroy();
      return true;
    }
    if (!faultAnswers(fault)) return false;
    const status = fault.status ?? 500;
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {};
    if (fault.rawBody !== undefined) sendText(res, status, fault.rawBody, headers);
    else sendJson(res, status, fault.body ?? injectedErrorAnswer(service, status).body, headers);
    return true;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, errorAnswer("hss", "internal").body);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    projectId,
    get store() {
      return state.store;
    },
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

/** Query parameters as an object; a repeated name becomes an array (which validation then rejects). */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}
