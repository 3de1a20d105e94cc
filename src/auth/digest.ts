import { toHex } from "./hex.js";

// Web Crypto only, so the signer runs unchanged in Node, Deno, Bun, browsers and workers. Each Web Crypto call
// is an asynchronous job (about 50 µs on Node 20), so the signer makes as few as it can: the empty body's hash
// is a constant, and the imported HMAC key is kept per secret key.

const utf8 = new TextEncoder();

/** SHA-256 of zero bytes: the payload hash of every request without a body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const bytes = typeof data === "string" ? utf8.encode(data) : data;
  if (bytes.byteLength === 0) return EMPTY_SHA256;
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Lower-case hex HMAC-SHA256 of a string, keyed with the UTF-8 bytes of `key` (no key derivation). */
export async function hmacSha256Hex(key: string, data: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await hmacKey(key), utf8.encode(data)));
}

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
