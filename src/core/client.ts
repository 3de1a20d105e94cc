import createClient, { type Client, type ClientOptions as FetchClientOptions } from "openapi-fetch";
import { createAuthStrategy } from "../auth/strategy.js";
import { clientValueLookup } from "#client-values";
import { serializePath } from "../wire/path.js";
import { serializeQuery } from "../wire/query.js";
import { resolveEndpoint } from "./endpoint.js";
import { onClientEndpoint } from "./raw-request.js";
import type { OperationSpec, ServiceSpec } from "./operation.js";
import { checkClientValues } from "./input-validation.js";
import type { CallOptions } from "./method.js";
import {
  checkMaxResponseBytes,
  checkTimeout,
  checkUserAgent,
  clientValues,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
} from "./options.js";
import { newCall } from "./pipeline/call.js";
import { checkAccessLog } from "./pipeline/access-log.js";
import { clientSignal } from "./pipeline/client-signal.js";
import { composePipeline } from "./pipeline/compose.js";
import { withMetadata } from "./pipeline/metadata.js";
import { checkMiddleware } from "./pipeline/middleware.js";
import type { Call, ClientContext, Handler, Outcome } from "./pipeline/types.js";
import { retryPolicy } from "./retry-policy.js";

/**
 * Builds a client for one service from its generated operation table: one method per operation, each running
 * the request pipeline (`pipeline/compose.ts`), plus `raw`, the underlying openapi-fetch client with the same
 * endpoint and auth. `Methods` and `Paths` are the generated method interface and openapi-typescript `paths`.
 */
export function createServiceClient<Methods, Paths extends {}>(
  service: ServiceSpec,
  operations: Readonly<Record<string, OperationSpec>>,
  options: ClientOptions,
): Methods & { readonly raw: Client<Paths> } {
  const values = clientValues(service.name, options);
  checkClientValues(service.name, operations, values);
  const auth = createAuthStrategy(options.auth);
  const userAgent = checkUserAgent(`${service.name}: userAgent`, options.userAgent);
  const fetchOptions: FetchClientOptions = {
    baseUrl: resolveEndpoint(service, options),
    querySerializer: serializeQuery,
    pathSerializer: serializePath,
    // Redirects are never followed (README, "Redirects"): the methods turn a 3xx into a RedirectError; `raw`
    // returns it as it came.
    redirect: "manual",
    ...(userAgent ? { headers: { "User-Agent": userAgent } } : {}),
  };
  // Both openapi-fetch clients are created on first use: openapi-fetch reads globalThis.fetch when created, and
  // on Node that first read loads the whole fetch implementation (tens of milliseconds), which a process that
  // builds a client but has not sent anything yet should not pay at start-up. The methods' client has no
  // middleware: the pipeline's request steps authorize and send; `raw` authorizes with a middleware.
  const http = lazy(() => createClient<Paths>(fetchOptions));
  const raw = lazy(() => {
    const client = createClient<Paths>({ ...fetchOptions, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const origin = new URL(fetchOptions.baseUrl!).origin;
    client.use({ onRequest: ({ request }) => auth.authorize(onClientEndpoint(service.name, origin, request)) });
    return client;
  });
  const context: ClientContext = {
    auth,
    retry: retryPolicy(options.retry),
    timeoutMs: checkTimeout(`${service.name}: timeoutMs`, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    signal: options.signal === undefined ? undefined : clientSignal(options.signal),
    maxResponseBytes: checkMaxResponseBytes(
      `${service.name}: maxResponseBytes`,
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    ),
    clientValues: values,
    lookupClientValue: clientValueLookup(auth, options.region, options.fetch),
    fetch: options.fetch,
    http,
    accessLog: checkAccessLog(`${service.name}: accessLog`, options.accessLog),
    middleware: checkMiddleware(`${service.name}: middleware`, options.middleware),
  };
  const pipeline = composePipeline(context);
  const methods: Record<string, unknown> = {};
  Object.defineProperty(methods, "raw", { get: raw, enumerable: true });
  for (const [name, operation] of Object.entries(operations)) {
    methods[name] = bindOperation(operation, pipeline, context);
  }
  return methods as Methods & { readonly raw: Client<Paths> };
}

function bindOperation(operation: OperationSpec, pipeline: Handler, context: ClientContext) {
  /** Runs one call; `read` takes what the caller gets from the outcome (the body, or the body with metadata). */
  const run = async <T>(
    input: unknown,
    callOptions: CallOptions | undefined,
    read: (call: Call, outcome: Outcome) => T,
  ): Promise<T> => {
    const call = newCall(context, operation, input, callOptions);
    try {
      return read(call, await pipeline(call));
    } finally {
      call.release();
    }
  };
  const method = (input?: unknown, callOptions?: CallOptions) =>
    run(input, callOptions, (_, outcome) => outcome.output);
  const withResponse = (input?: unknown, callOptions?: CallOptions) => run(input, callOptions, withMetadata);
  return Object.assign(
    method,
    { operation, withResponse },
    operation.pagination ? { pagination: operation.pagination } : {},
  );
}

function lazy<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}
