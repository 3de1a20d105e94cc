// The interface both digest modules implement (node.ts with node:crypto, web.ts with Web Crypto). The signer
// imports one of them as "#digest": package.json "imports" picks it by resolver condition, so a browser bundle
// never contains node:crypto and nothing probes the runtime. Results are hex strings, or promises of them where
// the runtime only hashes asynchronously. The signer has one code path for both and awaits a result only when
// it is a promise: an await of a plain string still costs a promise and a microtask turn, on a signature that
// now takes a few µs.

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>;

export interface Digest {
  /** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
  sha256Hex(data: Uint8Array | string): MaybePromise<string>;
  /** Lower-case hex HMAC-SHA256 of a string's UTF-8 bytes, keyed with the UTF-8 bytes of `key` (no key derivation). */
  hmacSha256Hex(key: string, data: string): MaybePromise<string>;
}

/** SHA-256 of zero bytes: the payload hash of every request without a body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
