import { transport as runtimeTransport } from "#transport";
import { withValidStatus } from "../transport/status.js";
import type { ClientContext, Exchange } from "./types.js";

/**
 * The end of the request stack: the caller's fetch when given (it always wins), else the runtime's transport —
 * node:http on Node, the global fetch (looked up at each call) elsewhere; package.json "imports" picks it.
 */
export const transport = (client: ClientContext): Exchange => {
  const fetch = client.fetch;
  // The caller's fetch takes one argument, so the attempt's signal goes on a Request it receives (fetch itself
  // makes such a copy of every Request it is given).
  const exchange: Exchange =
    fetch !== undefined
      ? (request, call) =>
          fetch(call.attemptSignal === undefined ? request : new Request(request, { signal: call.attemptSignal }))
      : (request, call) => runtimeTransport(request, call, client);
  // A status outside 200-599 is a network error whichever sent the request (fetch answers one; node.ts refuses it).
  return (request, call) => exchange(request, call).then(withValidStatus);
};
