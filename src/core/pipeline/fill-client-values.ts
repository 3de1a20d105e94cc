import { operationFacts } from "../operation-facts.js";
import { attemptDeadline } from "./deadline.js";
import type { Call, ClientContext, Handler, Step } from "./types.js";

/**
 * Fills the client values an operation needs but the client was not given (today: `projectId`), from the
 * client's lookup — the credentials' project id, or IAM's answer for the region. The lookup shares and keeps
 * its answer, so only the first calls wait. Without a lookup, or when it has no value, build says what is missing.
 * A call with nothing to fill (the client was given every value it takes) goes on at once, with no promise of
 * its own; a client without a lookup leaves the step out of the stack.
 */
export const fillClientValues: Step = (next, client) => {
  const lookup = client.lookupClientValue;
  if (lookup === undefined) return next;
  return (call) => {
    for (const name of operationFacts(call.operation).clientOptions) {
      if (client.clientValues[name] === undefined) return lookUp(next, client, lookup, call);
    }
    return next(call);
  };
};

async function lookUp(
  next: Handler,
  client: ClientContext,
  lookup: (name: string, signal: AbortSignal) => Promise<unknown>,
  call: Call,
): ReturnType<Handler> {
  // The lookup waits for keys (a credential provider may never settle) and for IAM: bounded as an attempt is,
  // by the call's timeout and signal.
  const deadline = attemptDeadline(call.signal, call.timeoutMs ?? client.timeoutMs);
  try {
    for (const name of operationFacts(call.operation).clientOptions) {
      if (client.clientValues[name] !== undefined || call.clientValues?.[name] !== undefined) continue;
      const value = await lookup(name, deadline.signal);
      if (value !== undefined) call.clientValues = { ...client.clientValues, ...call.clientValues, [name]: value };
    }
  } catch (error) {
    deadline.throwIfEnded(call.operation.operationId, { attempts: 0 });
    throw error;
  } finally {
    deadline.dispose();
  }
  return next(call);
}
