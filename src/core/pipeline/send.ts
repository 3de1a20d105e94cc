import { HuaweiCloudSdkError, NetworkError, TimeoutError } from "../errors.js";
import { attemptDeadline } from "./deadline.js";
import { readsBytes } from "./success-body.js";
import type { ClientContext, Exchange, Handler } from "./types.js";

type RawRequest = (method: string, path: string, init: object) => Promise<{ data?: string | ArrayBuffer; error?: unknown; response: Response }>;

/**
 * The end of the call stack: one attempt. openapi-fetch builds the Request from the parts (URL, query, JSON
 * body, headers) and hands it to the request steps (`exchange`: authorize, then the transport), all under the
 * attempt's deadline; then it reads the body. Network failures and timeouts get their own errors.
 */
export const send =
  (client: ClientContext, exchange: Exchange): Handler =>
  async (call) => {
    call.signal?.throwIfAborted();
    call.attempts++;
    call.sent = undefined;
    const timeoutMs = call.options.timeoutMs ?? client.timeoutMs;
    const deadline = attemptDeadline(call.signal, timeoutMs);
    const request = client.http().request as unknown as RawRequest;
    try {
      const { data, error, response } = await request(call.operation.method, call.operation.path, {
        ...call.parts,
        // Parsed by classify rather than by openapi-fetch, so a malformed 2xx body becomes a typed error.
        parseAs: readsBytes(call.operation) ? "arrayBuffer" : "text",
        signal: deadline.signal,
        fetch: (built: Request) => exchange(built, call),
      });
      call.response = response;
      return { response, ...(data instanceof ArrayBuffer ? { bytes: new Uint8Array(data) } : { text: data }), errorBody: error };
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      // Failures before sending (a token provider that threw, say) are not network errors: pass them on.
      // Neither are errors a request step raised on purpose (they are already typed).
      if (call.sent === undefined || error instanceof HuaweiCloudSdkError) throw error;
      const context = { attempts: call.attempts };
      if (deadline.timedOut()) throw new TimeoutError(call.operation.operationId, timeoutMs, context);
      throw new NetworkError(call.operation.operationId, error, context);
    } finally {
      deadline.dispose();
    }
  };
