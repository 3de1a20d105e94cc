import type { Transport } from "./types.js";

/**
 * The transport for browsers, Deno and Bun (whose fetch is native and fast): the global fetch, looked up at each
 * call rather than at import, so that a test or polyfill that replaces it is used, and so that importing the
 * library on a runtime that loads fetch lazily costs nothing until the first call. The attempt's signal goes with
 * it: the Request the pipeline built carries none (see Call.attemptSignal).
 */
export const transport: Transport = (request, call) => globalThis.fetch(request, { signal: call.attemptSignal });
