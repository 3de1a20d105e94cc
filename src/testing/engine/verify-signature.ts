/// <reference types="node" />
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { utcDate } from "../../wire/utc-date.js";

// An SDK-HMAC-SHA256 verifier for the test servers, written from the signing guide
// (docs/notes/huaweicloud-apig-signing.en.md) independently of src/auth, so that it checks the
// signer rather than repeating it. It works from what a server really receives: the raw request target as
// node:http gives it (path plus raw query), the headers and the raw body bytes.

export interface ReceivedRequest {
  readonly method: string;
  /** The request target as received (`req.url` in node:http): path and raw query. */
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

export type VerifyResult = { ok: true; ak: string } | { ok: false; reason: string };

/** How far X-Sdk-Date may be from the server's clock, as the gateway allows. */
const MAX_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION =
  /^SDK-HMAC-SHA256 Access=([^\s,]+), SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function verifySignature(
  req: ReceivedRequest,
  lookupSecret: (ak: string) => string | undefined,
  now: Date = new Date(),
): VerifyResult {
  const authorization = header(req.headers, "authorization");
  if (authorization === undefined) return { ok: false, reason: "missing Authorization header" };
  const match = AUTHORIZATION.exec(authorization);
  if (match === null) return { ok: false, reason: "malformed Authorization header" };
  const [, ak, signedHeaderList, signature] = match as unknown as [string, string, string, string];

  const signedHeaders = signedHeaderList.split(";");
  if (signedHeaders.join(";") !== [...new Set(signedHeaders)].sort().join(";")) {
    return { ok: false, reason: "SignedHeaders is not sorted and unique" };
  }
  for (const required of ["host", "x-sdk-date"]) {
    if (!signedHeaders.includes(required)) return { ok: false, reason: `${required} is not signed` };
  }

  const sdkDate = header(req.headers, "x-sdk-date") ?? "";
  const date = parseSdkDate(sdkDate);
  if (date === undefined) return { ok: false, reason: "malformed X-Sdk-Date" };
  if (Math.abs(date.getTime() - now.getTime()) > MAX_SKEW_MS)
    return { ok: false, reason: "X-Sdk-Date is more than 15 minutes off" };

  const secret = lookupSecret(ak);
  if (secret === undefined) return { ok: false, reason: "unknown access key" };

  const canonicalHeaders: string[] = [];
  for (const name of signedHeaders) {
    const value = header(req.headers, name);
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    canonicalHeaders.push(`${name}:${value.trim()}\n`);
  }

  const queryStart = req.rawUrl.indexOf("?");
  const rawPath = queryStart < 0 ? req.rawUrl : req.rawUrl.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? "" : req.rawUrl.slice(queryStart + 1);

  const canonicalRequest = [
    req.method,
    canonicalUri(rawPath),
    canonicalQuery(rawQuery),
    canonicalHeaders.join(""),
    signedHeaders.join(";"),
    sha256(req.body),
  ].join("\n");
  const stringToSign = `SDK-HMAC-SHA256\n${sdkDate}\n${sha256(Buffer.from(canonicalRequest, "utf8"))}`;
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(stringToSign, "utf8").digest();

  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return { ok: false, reason: "signature mismatch" };
  return { ok: true, ak };
}

function header(headers: ReceivedRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function parseSdkDate(value: string): Date | undefined {
  const parts = SDK_DATE.exec(value);
  if (parts === null) return undefined;
  return utcDate(parts.slice(1).map(Number));
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Each path segment percent-decoded to bytes and encoded again; a trailing `/` added. */
function canonicalUri(rawPath: string): string {
  const uri = rawPath
    .split("/")
    .map((segment) => encode(unescapeBytes(segment)))
    .join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/**
 * Pairs decoded (`+` as a space), sorted by decoded name then value, re-encoded. A pair without `=` has an
 * empty value.
 */
function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs = rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      const [name, value] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return [decodeFormComponent(name), decodeFormComponent(value)];
    });
  pairs.sort(([n1, v1], [n2, v2]) => (n1 < n2 ? -1 : n1 > n2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0));
  return pairs
    .map(([name, value]) => `${encode(Buffer.from(name, "utf8"))}=${encode(Buffer.from(value, "utf8"))}`)
    .join("&");
}

function decodeFormComponent(raw: string): string {
  return unescapeBytes(raw.replace(/\+/g, " ")).toString("utf8");
}

/** Valid `%XY` escapes become bytes; anything else is kept as its UTF-8 bytes. */
function unescapeBytes(raw: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw.slice(i + 1, i + 3);
    if (raw[i] === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const codePoint = raw.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      bytes.push(...Buffer.from(String.fromCodePoint(codePoint), "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 3986: unreserved ASCII as is, every other byte as `%XY`, upper-case. */
function encode(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
