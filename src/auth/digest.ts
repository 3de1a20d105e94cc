import { toHex } from "./hex.js";

// Web Crypto only, so the signer runs unchanged in Node, Deno, Bun, browsers and workers.

const utf8 = new TextEncoder();

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const bytes = typeof data === "string" ? utf8.encode(data) : data;
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Lower-case hex HMAC-SHA256 of a string, keyed with the UTF-8 bytes of `key` (no key derivation). */
export async function hmacSha256Hex(key: string, data: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey("raw", utf8.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", cryptoKey, utf8.encode(data)));
}
