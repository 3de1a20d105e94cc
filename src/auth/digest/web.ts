import { toHex } from "../hex.js";
import type { Digest } from "./types.js";

// Web Crypto, for browsers, workers and edge runtimes (the "default" condition of "#digest"). Each call is an
// asynchronous job (about 50 µs on Node 20), so the signer makes as few as it can: the empty body's hash is a
// constant, and the imported HMAC key is kept per secret key.

const utf8 = new TextEncoder();

export const sha256Hex: Digest["sha256Hex"] = async (data) => {
  // (Declared as plain Uint8Array, which TypeScript before 5.7 reads as non-generic; Web Crypto takes bytes.)
  const bytes = typeof data === "string" ? utf8.encode(data) : (data as Uint8Array<ArrayBuffer>);
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
};

export const hmacSha256Hex: Digest["hmacSha256Hex"] = async (key, data) =>
  toHex(await crypto.subtle.sign("HMAC", await hmacKey(key), utf8.encode(data)));

// Imported keys are non-extractable CryptoKeys; a few are kept, for the few credentials a process signs with.
const MAX_CACHED_KEYS = 8;
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A failed import is not kept: the next call tries again.
    key.catch(() => keys.delete(secret));
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(secret, key);
  }
  return key;
}
