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
import { authenticate, type AuthConfig } from "./auth.js";
import { corsHeaders, PREFLIGHT_HEADERS } from "./cors.js";
import { DEFAULT_AK, DEFAULT_PROJECT_ID, DEFAULT_RNG_SEED, DEFAULT_SEED_SIZES, DEFAULT_SK, DEFAULT_TOKEN } from "./defaults.js";
import { errorAnswer, InvalidInputError, type ErrorAnswer } from "./errors.js";
import { applyFault, takeFault, type Fault } from "./faults.js";
import { HANDLERS } from "./handler.js";
import { readRawBody, sendJson, sendText } from "./http.js";
import type { Misbehave } from "./pagination.js";
import { appendToLog, loggableBody, redactHeaders, type LoggedRequest } from "./request-log.js";
import { createRouter, type RouteMatch } from "./router.js";
import { seedStore, type SeedSizes } from "./seed.js";
import { loadSpecOperations, type Service } from "./spec.js";
import type { StandInStore } from "./store.js";
import { compileRequestValidator, type RawInput, type RequestValidator } from "./validation.js";

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
    const query = queryObject(url.searchParams);
    const rawBody = await readRawBody(req);
    const match = route(method, url.pathname);
    const service: Service = match?.operation.service ?? (url.pathname.startsWith("/v2/") ? "swr" : "hss");
    const entry: LoggedRequest = {
      requestId,
      method,
      path: url.pathname,
      query,
      headers: redactHeaders(req.headers),
      body: loggableBody(rawBody),
      ...(match ? { operation: match.operation.operationId } : {}),
    };
    appendToLog(state.requests, entry);
    res.on("finish", () => (entry.status = res.statusCode));

    const fault = takeFault(state.faults, match?.operation.operationId);
    if (fault) {
      const served = await applyFault(fault, req, res, service, closing.signal);
      if (served) return;
    }
    if (!match) return sendAnswer(res, errorAnswer(service, "noSuchApi"));

    const verdict = authenticate({ method, rawUrl, headers: req.headers, body: rawBody }, auth);
    if (!verdict.ok) return sendAnswer(res, errorAnswer(service, "unauthorized", verdict.reason));
    entry.principal = verdict.principal;

    let body: unknown;
    try {
      body = rawBody.length > 0 ? (JSON.parse(rawBody.toString("utf8")) as unknown) : undefined;
    } catch {
      return sendAnswer(res, errorAnswer(service, "unparsable", "The request body is not valid JSON."));
    }
    serveOperation(match, { path: match.pathParams, query, headers: req.headers, body }, res, service);
  }

  function serveOperation(match: RouteMatch, raw: RawInput, res: ServerResponse, service: Service): void {
    const { operation } = match;
    const validate = validators.get(operation.operationId);
    const handler = HANDLERS[operation.operationId];
    if (!validate || !handler) {
      return sendAnswer(res, errorAnswer(service, "internal", `The stand-in does not implement ${operation.operationId}.`));
    }
    const checked = validate(raw);
    if (!checked.ok) {
      return sendAnswer(res, errorAnswer(service, checked.location === "query" ? "invalidQuery" : "invalidParameter", checked.message));
    }
    if (checked.input.path["project_id"] !== projectId) {
      return sendAnswer(res, errorAnswer(service, "forbidden", "The project id does not match the credentials' project."));
    }
    try {
      sendJson(res, 200, handler({ store: state.store, misbehave: state.misbehave, input: checked.input }));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      sendAnswer(res, errorAnswer(service, "invalidParameter", error.message));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendAnswer(res, errorAnswer("hss", "internal"));
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

function sendAnswer(res: ServerResponse, answer: ErrorAnswer): void {
  sendJson(res, answer.status, answer.body);
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
