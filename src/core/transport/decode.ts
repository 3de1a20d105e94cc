// Content-Encoding for the Node transport (node.ts), in a module of its own so that node:zlib loads only when an
// answer is encoded.
/// <reference types="node" />
import * as zlib from "node:zlib";

// Decoding as fetch does, though no Accept-Encoding is sent: codings are undone last first; an unknown one leaves
// the body as it came. Truncated streams are accepted (sync flush), as undici does. Output is bounded by the limit
// (`maxOutputLength`): a small gzip must not inflate to gigabytes.
const SYNC = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_SYNC = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};
type Decoder = (bytes: Buffer, maxOutputLength: number) => Promise<Buffer>;
const zlibDecoder =
  (
    decode: (bytes: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions, done: zlib.CompressCallback) => void,
    options: zlib.ZlibOptions | zlib.BrotliOptions,
  ): Decoder =>
  (bytes, maxOutputLength) =>
    new Promise((resolve, reject) =>
      decode(bytes, { ...options, maxOutputLength }, (error, result) => (error ? reject(error) : resolve(result))),
    );
const gunzip = zlibDecoder(zlib.gunzip, SYNC);
const inflate = zlibDecoder(zlib.inflate, SYNC);
const inflateRaw = zlibDecoder(zlib.inflateRaw, SYNC);
const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: gunzip,
  "x-gzip": gunzip,
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the first byte tells (RFC 1950).
  deflate: (bytes, max) => ((bytes[0]! & 0x0f) === 0x08 ? inflate : inflateRaw)(bytes, max),
  br: zlibDecoder(zlib.brotliDecompress, BROTLI_SYNC),
};

export async function decode(bytes: Buffer, encoding: string, max: number): Promise<Buffer> {
  const decoders: Decoder[] = [];
  for (const coding of encoding.split(",").reverse()) {
    const decoder = DECODERS[coding.trim().toLowerCase()];
    if (decoder === undefined) return bytes;
    decoders.push(decoder);
  }
  let decoded = bytes;
  for (const decoder of decoders) decoded = await decoder(decoded, Math.max(1, max));
  if (decoded.byteLength > max) throw new RangeError("the decoded body is above the limit");
  return decoded;
}
