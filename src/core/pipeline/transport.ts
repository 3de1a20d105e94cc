import { transport as runtimeTransport } from "#transport";
import type { ClientContext, Exchange } from "./types.js";

/**
 * The end of the request stack: the caller's fetch when given (it always wins), else the runtime's transport —
 * node:http on Node, the global fetch (looked up at each call) elsewhere; package.json "imports" picks it.
 */
export const transport = (client: ClientContext): Exchange => {
  const fetch = client.fetch;
  if (fetch !== undefined) return (request) => fetch(request);
  return (request, call) => runtimeTransport(request, call, client);
};
