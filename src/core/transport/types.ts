import type { Call, ClientContext } from "../pipeline/types.js";

// The interface both transport modules implement (node.ts over node:http, fetch.ts over the runtime's fetch).
// The pipeline's last step imports one of them as "#transport": package.json "imports" picks it by resolver
// condition ("deno" and "bun" → fetch, "node" → node:http, anything else → fetch), so a browser bundle never
// contains node:http and nothing probes the runtime.

/**
 * Sends one request and answers its response. `call` is the call it belongs to (`call.sent` and `call.parts` tell
 * whether the request is the one build serialized and authorize signed); `client` gives the limits.
 */
export type Transport = (request: Request, call: Call, client: ClientContext) => Promise<Response>;
