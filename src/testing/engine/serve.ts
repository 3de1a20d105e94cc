/// <reference types="node" />
/**
 * The engine's request path, for every service alike: CORS preflight → routing → recording → fault →
 * authentication → JSON parsing → validation against the spec → project check (paths with a project) → the
 * service's handler, or the spec's documented answer for operations without one. Every
 * answer has a fresh X-Request-Id; errors are worded in the style of the service the path belongs to.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, type AuthConfig } from "./auth.js";
import { corsHeaders, PREFLIGHT_HEADERS } from "./cors.js";
import { errorAnswer, type ErrorAnswer } from "./error-answers.js";
import { applyFault, takeFault, type Fault } from "./faults.js";
import { readRawBody, sendJson, sendText } from "./http.js";
import type { Misbehave } from "./paging.js";
import { appendToLog, loggableBody, redactHeaders, type LoggedRequest } from "./request-log.js";
import { createRouter } from "./router.js";
import { defaultService, RejectedInputError, type StandInService } from "./service.js";
import type { SpecOperation, SuccessAnswer } from "./spec-operations.js";
import { compileRequestValidator, type RequestValidator } from "./validation.js";

/** What the server's tests see and change while it runs. */
export interface EngineState<Store> {
  store: Store;
  requests: LoggedRequest[];
  faults: Fault[];
  misbehave: Misbehave;
}

export interface EngineConfig<Store> {
  readonly operations: readonly SpecOperation[];
  readonly services: readonly StandInService<Store>[];
  readonly auth: AuthConfig;
  /** The one project served; another project id in a path gets 403. */
  readonly projectId: string;
  readonly state: EngineState<Store>;
  /** Aborted when the server closes: cuts fault delays short. */
  readonly closing: AbortSignal;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestHandler<Store>(config: EngineConfig<Store>): RequestHandler {
  const { operations, services, auth, projectId, state, closing } = config;
  const serviceOf = new Map(services.map((service) => [service.name, service]));
  // A spec whose service has no module is still served: documented answers, errors in a default style.
  for (const operation of operations) {
    if (!serviceOf.has(operation.service)) serviceOf.set(operation.service, defaultService<Store>(operation.service));
  }
  const served = services.flatMap((service) => Object.keys(service.handlers));
  const missing = served.filter((id) => !operations.some((op) => op.operationId === id));
  if (missing.length > 0) throw new Error(`the specs lack operations the stand-in serves: ${missing.join(", ")}`);
  const route = createRouter(operations);
  const validators = new Map<string, RequestValidator>(
    operations.map((op) => [op.operationId, compileRequestValidator(op)]),
  );
  /** An unknown path is answered in the style of the service whose paths it looks like (else the first). */
  const serviceForPath = (pathname: string) => services.find((s) => pathname.startsWith(s.pathPrefix)) ?? services[0]!;

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
    const service = match ? serviceOf.get(match.operation.service)! : serviceForPath(url.pathname);
    const answer = (kind: Parameters<typeof errorAnswer>[1], detail?: string) =>
      sendAnswer(res, errorAnswer(service.errors, kind, detail));
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
    if (fault && (await applyFault(fault, req, res, service.errors, closing))) return;
    if (!match) return answer("noSuchApi");

    const signed = { method, rawUrl, headers: req.headers, body: rawBody };
    const verdict = authenticate(signed, auth, match.operation.anonymous === true);
    if (!verdict.ok) return answer("unauthorized", verdict.reason);
    entry.principal = verdict.principal;

    let body: unknown;
    try {
      body = rawBody.length > 0 ? (JSON.parse(rawBody.toString("utf8")) as unknown) : undefined;
    } catch {
      return answer("unparsable", "The request body is not valid JSON.");
    }
    const { operation } = match;
    const validate = validators.get(operation.operationId);
    const handler = service.handlers[operation.operationId];
    if (!validate) return answer("internal", `The stand-in has no validator for ${operation.operationId}.`);
    const checked = validate({ path: match.pathParams, query, headers: req.headers, body });
    if (!checked.ok) return answer(checked.location === "query" ? "invalidQuery" : "invalidParameter", checked.message);
    // Only paths that carry a project are checked against the credentials' project (/v2/manage/… carry none).
    if ("project_id" in checked.input.path && checked.input.path["project_id"] !== projectId) {
      return answer("forbidden", "The project id does not match the credentials' project.");
    }
    if (!handler) {
      if (!operation.success)
        return answer("internal", `The spec documents no success answer for ${operation.operationId}.`);
      return sendSuccessAnswer(res, operation.success);
    }
    try {
      const headers: Record<string, string> = {};
      const body = handler({ store: state.store, misbehave: state.misbehave, input: checked.input, headers });
      sendJson(res, 200, body, headers);
    } catch (error) {
      if (!(error instanceof RejectedInputError)) throw error;
      answer("invalidParameter", error.message);
    }
  }

  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendAnswer(res, errorAnswer(services[0]!.errors, "internal"));
      else res.destroy();
    });
  };
}

/** The spec's documented answer: its status, headers and example body (text for text/*, none when undocumented). */
function sendSuccessAnswer(res: ServerResponse, { status, mediaType, example, headers }: SuccessAnswer): void {
  if (mediaType === undefined || example === undefined) return sendText(res, status, "", headers);
  if (mediaType.includes("json")) return sendJson(res, status, example, headers);
  // A text example is a string in the spec; anything else is sent as its JSON text.
  sendText(res, status, typeof example === "string" ? example : JSON.stringify(example), {
    "Content-Type": mediaType,
    ...headers,
  });
}

function sendAnswer(res: ServerResponse, answer: ErrorAnswer): void {
  sendJson(res, answer.status, answer.body);
}

/**
 * Query parameters as an object; a repeated name becomes an array (which validation then rejects). Each name is
 * an own property, defined rather than assigned: `?__proto__=a&__proto__=b` or `?toString=x` are parameters like
 * any other, neither read from Object.prototype nor setting the object's prototype.
 */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const seen = Object.hasOwn(query, name) ? query[name] : undefined;
    const all = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    Object.defineProperty(query, name, { value: all, enumerable: true, writable: true, configurable: true });
  }
  return query;
}
