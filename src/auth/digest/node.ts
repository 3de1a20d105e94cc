// The one module of the library that uses a Node API: only this file gets Node's types.
/// <reference types="node" />
import * as crypto from "node:crypto";
import type { Digest } from "./types.js";

// node:crypto, for Node, Bun and Deno (the "node" condition of "#digest"): synchronous, a few µs a call, where
// each Web Crypto call on Node is an asynchronous thread-pool job of ~50 µs. Strings are hashed as UTF-8, lone
// surrogates becoming U+FFFD, as TextEncoder does in web.ts.

// The one-shot crypto.hash (Node 20.12+) takes half the time of createHash().update().digest() on the short
// inputs signing hashes (measured: ~0.8 against ~1.8 µs); runtimes without it get createHash.
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array | string, encoding: "hex") => string }).hash;

export const sha256Hex: Digest["sha256Hex"] =
  typeof oneShot === "function"
    ? (data): string => oneShot("sha256", data, "hex")
    : (data): string => crypto.createHash("sha256").update(data).digest("hex");

export const hmacSha256Hex: Digest["hmacSha256Hex"] = (key, data): string =>
  crypto.createHmac("sha256", key).update(data).digest("hex");
