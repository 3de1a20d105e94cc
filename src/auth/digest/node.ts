// The one module of the library that uses a Node API: only this file gets Node's types.
/// <reference types="node" />
import { createHash, createHmac } from "node:crypto";
import type { Digest } from "./types.js";

// node:crypto, for Node, Bun and Deno (the "node" condition of "#digest"): synchronous, a few µs a call, where
// each Web Crypto call on Node is an asynchronous thread-pool job of ~50 µs. Strings are hashed as UTF-8, lone
// surrogates becoming U+FFFD, as TextEncoder does in web.ts.

export const sha256Hex: Digest["sha256Hex"] = (data): string => createHash("sha256").update(data).digest("hex");

export const hmacSha256Hex: Digest["hmacSha256Hex"] = (key, data): string => createHmac("sha256", key).update(data).digest("hex");
