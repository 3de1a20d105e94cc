/** Lower-case hex of a digest, the form every hash and signature takes in SDK-HMAC-SHA256. */
export function toHex(bytes: ArrayBuffer): string {
  let out = "";
  for (const byte of new Uint8Array(bytes)) out += byte.toString(16).padStart(2, "0");
  return out;
}
