// Cold start reference: Node loading its own fetch implementation (undici loads on first touch), nothing else.
if (typeof globalThis.fetch !== "function" || typeof globalThis.Request !== "function") throw new Error("no fetch");
