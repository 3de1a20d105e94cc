/**
 * RFC 3986 percent-encoding as the SDK-HMAC-SHA256 signing guide defines it: the unreserved characters
 * `A–Z a–z 0–9 - . _ ~` stay as they are, every other UTF-8 byte becomes `%XY` with upper-case hex.
 *
 * This one function produces both the canonical form that is signed and the form that is sent, so the two
 * cannot drift apart. It differs from `encodeURIComponent`, which leaves `! ' ( ) *` unencoded.
 * Lone surrogates are encoded as U+FFFD, as `TextEncoder`, `URL` and `URLSearchParams` do.
 */
export function encodeRfc3986(value: string): string {
  // Names, ids and numbers are mostly unreserved characters already: nothing to encode.
  if (UNRESERVED.test(value)) return value;
  let out = "";
  for (const byte of utf8.encode(value)) out += ENCODED_BYTE[byte];
  return out;
}

/**
 * Decodes every valid `%XY` sequence and leaves anything else (a lone `%`, `%zz`) as it is, like the WHATWG
 * URL standard's percent-decode. `+` is not special here: this is for path segments. Bytes that are not
 * valid UTF-8 become U+FFFD; a leading byte-order mark is kept.
 */
export function percentDecode(value: string): string {
  if (!value.includes("%")) return value;
  const bytes = utf8.encode(value);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const high = hexValue(bytes[i + 1]);
    const low = hexValue(bytes[i + 2]);
    if (bytes[i] === PERCENT && high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else {
      out[length++] = bytes[i]!;
    }
  }
  return utf8Decoder.decode(out.subarray(0, length));
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const PERCENT = 0x25;
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
// Each byte as it is written: an unreserved ASCII character as itself, any other byte as %XY.
const ENCODED_BYTE = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  return UNRESERVED.test(char) ? char : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
});

/** The value of an ASCII hex digit, or -1 (also for a missing byte past the end). */
function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}
