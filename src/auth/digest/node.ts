// The one module of the library that uses a Node API: only this file gets Node's types.
/// <reference types="node" />
import * as crypto from "node:crypto";
import { cachedKeys } from "./key-cache.js";
import type { Digest } from "./types.js";

// node:crypto, for Node, Bun and Deno (the "node" condition of "#digest"): synchronous, a few µs a call, where
// each Web Crypto call on Node is an asynchronous thread-pool job of ~50 µs. Strings are hashed as UTF-8, lone
// surrogates becoming U+FFFD, as TextEncoder does in web.ts.

// The one-shot crypto.hash (Node 20.12+) takes half the time of createHash().update().digest() on the short
// inputs signing hashes (measured: ~0.8 against ~1.8 µs); runtimes without it get createHash and createHmac.
type OneShot = (algorithm: string, data: Uint8Array | string, encoding: "hex" | "latin1") => string;
const oneShot = (crypto as { hash?: OneShot }).hash;

export const sha256Hex: Digest["sha256Hex"] =
  typeof oneShot === "function"
    ? (data): string => oneShot("sha256", data, "hex")
    : (data): string => crypto.createHash("sha256").update(data).digest("hex");

export const hmacSha256Hex: Digest["hmacSha256Hex"] =
  typeof oneShot === "function"
    ? hmacFromHashes(oneShot)
    : (key, data): string => crypto.createHmac("sha256", key).update(data).digest("hex");

/** SHA-256's block size: HMAC pads its key to this length. */
const BLOCK = 64;
/**
 * Room for the data after the inner pad: a string to sign is 97 characters (291 bytes at most, as far as the
 * check below knows). Longer data takes a buffer of its own.
 */
const ROOM = 512;

/** A secret key's HMAC pads (RFC 2104), made once, with room for the data each hash covers after them. */
interface Pads {
  /** K ^ ipad (0x36 bytes), then room for the data. */
  readonly inner: Buffer;
  /** K ^ opad (0x5c bytes), then the 32 bytes of the inner hash. */
  readonly outer: Buffer;
  /** The last view of `inner` hashed: kept, as the string to sign has the same length every time. */
  view: Buffer;
}

/**
 * HMAC-SHA256 (RFC 2104) as two one-shot hashes, H((K ^ opad) ‖ H((K ^ ipad) ‖ data)), the pads made once per
 * secret key: half the time of createHmac (measured: ~1.0 against ~1.9 µs, with a cached KeyObject), which
 * builds a native HMAC context and a stream object per call. The buffers are reused: the hashes are synchronous.
 */
function hmacFromHashes(hash: OneShot): Digest["hmacSha256Hex"] {
  const pads = cachedKeys((secret): Pads => {
    let key = Buffer.from(secret, "utf8");
    // A key longer than a block is hashed first (RFC 2104 §2).
    if (key.length > BLOCK) key = Buffer.from(hash("sha256", key, "latin1"), "latin1");
    const inner = Buffer.alloc(BLOCK + ROOM);
    const outer = Buffer.alloc(BLOCK + 32);
    for (let i = 0; i < BLOCK; i++) {
      inner[i] = (key[i] ?? 0) ^ 0x36;
      outer[i] = (key[i] ?? 0) ^ 0x5c;
    }
    key.fill(0);
    return { inner, outer, view: inner.subarray(0, BLOCK) };
  });
  return (key, data): string => {
    const pad = pads(key);
    let message: Buffer;
    if (data.length * 3 <= ROOM) {
      // (Three UTF-8 bytes at most per UTF-16 unit: the data fits.)
      const length = BLOCK + pad.inner.write(data, BLOCK, "utf8");
      if (pad.view.length !== length) pad.view = pad.inner.subarray(0, length);
      message = pad.view;
    } else {
      message = Buffer.concat([pad.inner.subarray(0, BLOCK), Buffer.from(data, "utf8")]);
    }
    // The inner hash as latin1: one character per byte, written back as those bytes.
    pad.outer.write(hash("sha256", message, "latin1"), BLOCK, "latin1");
    return hash("sha256", pad.outer, "hex");
  };
}
