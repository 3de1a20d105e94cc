import { toHex } from "../hex.js";
import { cachedKeys } from "./key-cache.js";
import type { Digest } from "./types.js";

// Web Crypto, for browsers, workers and edge runtimes (the "default" condition of "#digest"). Each call is an
// asynchronous job (about 50 µs on Node 20), so the signer makes as few as it can: the empty body's hash is a
// constant, and the imported HMAC key is kept per secret key (key-cache.ts).

const utf8 = new TextEncoder();

export const sha256Hex: Digest["sha256Hex"] = async (data) => {
  // The cast: TypeScript 5.7+ types a Uint8Array over a SharedArrayBuffer as no BufferSource; the interface stays
  // plain `Uint8Array` so that consumers on TypeScript 5.4 can read it, and callers never pass shared memory.
  const bytes = typeof data === "string" ? utf8.encode(data) : (data as Uint8Array<ArrayBuffer>);
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
};

export const hmacSha256Hex: Digest["hmacSha256Hex"] = async (key, data) =>
  toHex(await crypto.subtle.sign("HMAC", await hmacKey(key), utf8.encode(data)));

// Non-extractable CryptoKeys, kept per secret key.
const hmacKey = cachedKeys((secret) =>
  crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
);
