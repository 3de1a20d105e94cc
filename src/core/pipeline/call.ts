import type { CallOptions } from "../method.js";
import type { OperationSpec } from "../operation.js";
import type { Call, ClientContext } from "./types.js";

/** A new call, before any step ran. */
export function newCall(client: ClientContext, operation: OperationSpec, input: unknown, options: CallOptions | undefined): Call {
  return {
    operation,
    input,
    options: options ?? {},
    signal: anySignal(client.signal, options?.signal),
    parts: undefined,
    attempts: 0,
    response: undefined,
    sent: undefined,
    authRefreshed: false,
  };
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
