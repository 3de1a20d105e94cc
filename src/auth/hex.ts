/** Lower-case hex of some bytes, the form every hash and signature takes in SDK-HMAC-SHA256. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  let out = "";
  for (const byte of bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) {
    out += byte.toString(16).padStart(2, "0");
  }
  return out;
}
