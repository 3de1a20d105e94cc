import { HuaweiCloudSdkError, NetworkError } from "../errors.js";
import { attemptDeadline } from "./deadline.js";
import { readsBytes } from "./success-body.js";
import type { ClientContext, Exchange, Handler } from "./types.js";

type RawRequest = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: string | ArrayBuffer; error?: unknown; response: Response }>;

/** The body is serialized once, by build; openapi-fetch sends that string as it is. */
const sendAsIs = (body: string) => body;

/**
 * The end of the call stack: one attempt. openapi-fetch builds the Request from the parts (URL, query, JSON
 * body, headers) and hands it to the request steps (`exchange`: authorize, then the transport), all under the
 * attempt's deadline — credentials, headers and the whole body included; then it reads the body. Network
 * failures and timeouts get their own errors.
 */
export const send =
  (client: ClientContext, exchange: Exchange): Handler =>
  async (call) => {
    call.signal?.throwIfAborted();
    call.attempts++;
    call.sent = undefined;
    const deadline = attemptDeadline(call.signal, call.timeoutMs ?? client.timeoutMs);
    // Given to the steps and the transport through the call, not on the Request (see Call.attemptSignal).
    call.attemptSignal = deadline.signal;
    const request = client.http().request as unknown as RawRequest;
    try {
      const { data, error, response } = await request(call.operation.method, call.operation.path, {
        ...call.parts,
        bodySerializer: sendAsIs,
        // Parsed by classify rather than by openapi-fetch, so a malformed 2xx body becomes a typed error.
        parseAs: readsBytes(call.operation) ? "arrayBuffer" : "text",
        fetch: (built: Request) => exchange(built, call),
      });
      call.response = response;
      return {
        response,
        ...(data instanceof ArrayBuffer ? { bytes: new Uint8Array(data) } : { text: data }),
        errorBody: error,
      };
    } catch (error) {
      const context = { attempts: call.attempts };
      // Checked before anything else: a token provider that never settles ends here too, before sending.
      deadline.throwIfEnded(call.operation.operationId, context);
      // Failures before sending (a token provider that threw, say) are not network errors: pass them on.
      // Neither are errors a request step raised on purpose (they are already typed).
      // (call.sent is set by authorize during the await; TypeScript still sees the undefined assigned above.)
      const sent = call.sent as Request | undefined;
      if (sent === undefined || error instanceof HuaweiCloudSdkError) throw error;
      throw new NetworkError(call.operation.operationId, error, { ...context, host: new URL(sent.url).host });
    } finally {
      deadline.dispose();
    }
  };
