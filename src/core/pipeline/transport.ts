import type { ClientContext, Exchange } from "./types.js";

/** The end of the request stack: the caller's fetch, or the global one (looked up now, not at start-up). */
export const transport =
  (client: ClientContext): Exchange =>
  (request) =>
    (client.fetch ?? globalThis.fetch)(request);
