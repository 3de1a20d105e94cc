import { transport as runtimeTransport } from "#transport";
import type { ClientContext, Exchange } from "./types.js";

/**
 * The end of the request stack: the caller's fetch when given (it always wins), else the runtime's transport —
 * node:http on Node, the global fetch (looked up at each call) elsewhere; package.json "imports" picks it.
 */
export const transport = (client: ClientContext): Exchange => {
  const fetch = client.fetch;
  // The caller's fetch takes one argument, so the attempt's signal goes on a Request it receives (fetch itself
  // makes such a copy of every Request it is given).
  if (fetch !== undefined)
    return (request, call) =>
      fetch(call.attemptSignal === undefined ? request : new Request(request, { signal: call.attemptSignal }));
  return (request, call) => runtimeTransport(request, call, client);
};
