import type { CallOptions } from "../method.js";
import type { OperationSpec } from "../operation.js";
import type { ClientSignal } from "./client-signal.js";
import type { Call, ClientContext } from "./types.js";

const NOTHING_TO_RELEASE = () => {};
const NO_OPTIONS: CallOptions = Object.freeze({});

/** A new call, before any step ran. The caller runs `call.release()` once the call settles. */
export function newCall(
  client: ClientContext,
  operation: OperationSpec,
  input: unknown,
  options: CallOptions | undefined,
): Call {
  // Without a client signal the call's signal is the caller's: no object, no listener.
  const { signal, release } =
    client.signal === undefined
      ? { signal: options?.signal, release: NOTHING_TO_RELEASE }
      : callSignal(client.signal, options?.signal);
  return {
    operation,
    input,
    options: options ?? NO_OPTIONS,
    timeoutMs: undefined,
    signal,
    release,
    checked: undefined,
    clientValues: undefined,
    parts: undefined,
    attempts: 0,
    response: undefined,
    sent: undefined,
    attemptSignal: undefined,
    authRefreshed: false,
  };
}

/**
 * The call's signal: the caller's, or — when the client has one — a signal of the call's own that follows the
 * client's (through its single listener) and the caller's, so the steps add their listeners to this one.
 */
function callSignal(client: ClientSignal, own: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const unsubscribe = client.subscribe(() => controller.abort(client.signal.reason));
  if (own === undefined) return { signal: controller.signal, release: unsubscribe };
  const follow = () => controller.abort(own.reason);
  if (own.aborted) follow();
  else own.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    release() {
      unsubscribe();
      own.removeEventListener("abort", follow);
    },
  };
}
