/// <reference types="node" />
import { request as httpRequest } from "node:http";
import { createCredentials, type CredentialProvider, type Credentials } from "./credentials.js";
import { boundedBody } from "../core/transport/bounded-body.js";
import { utcDate } from "../wire/utc-date.js";
import { CredentialsError } from "./errors.js";

/** The ECS metadata service's address, as in the official SDKs (`MetadataEndpoint`, `_METADATA_ENDPOINT`). */
export const DEFAULT_METADATA_ENDPOINT = "http://169.254.169.254";
const TOKEN_PATH = "/meta-data/latest/api/token";
const SECURITY_KEY_PATH = "/openstack/latest/securitykey";
/** The metadata service's answer when the instance has no agency: retrying with a new token will not help. */
const NO_AGENCY = "Please configure Cloud Service Agency first";
/**
 * The most of an answer read (64 KiB). The real answers — a session token, a small JSON of temporary keys, a short
 * error — are well under 4 KiB; without a bound, an endpoint that streams an endless body fills the memory within
 * the request's timeout (the client's `maxResponseBytes` bounds the service answers the same way).
 */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface EcsMetadataOptions {
  /** Where the metadata service is. Default `http://169.254.169.254`; tests point it at a loopback stand-in. */
  endpoint?: string | undefined;
  /**
   * Limit for the TCP connect alone. The service is link-local, so on ECS it connects at once; off ECS the
   * chain fails over after at most this long (at once where the address has no route). Default 500 ms.
   */
  connectTimeoutMs?: number | undefined;
  /** Limit for each whole request, which may wait on IAM. Default 3000 ms, the official SDKs' timeout. */
  timeoutMs?: number | undefined;
  /** Lifetime asked for the session token (`X-Metadata-Token-Ttl-Seconds`). Default 21600 (6 h), as official. */
  tokenTtlSeconds?: number | undefined;
  /** The clock, in ms since the epoch; injectable for tests. */
  now?: (() => number) | undefined;
}

/**
 * Temporary AK/SK and security token of the ECS instance's agency, from the metadata service: `PUT
 * {endpoint}/meta-data/latest/api/token` (header `X-Metadata-Token-Ttl-Seconds`) for a session token, then
 * `GET {endpoint}/openstack/latest/securitykey` with `X-Metadata-Token`, answering `{ credential: { access,
 * secret, securitytoken, expires_at } }`. As in the official SDKs, a token request answered 404, 405 or 503
 * means a service without session tokens (the keys are asked without one), and a 401 on the keys fetches a
 * new token and asks once more, unless the service says no agency is configured. The session token is
 * kept for its lifetime. Wrap in `cached()` to keep the keys until shortly before `expires_at`.
 */
export function fromEcsMetadata(options: EcsMetadataOptions = {}): CredentialProvider {
  const endpoint = endpointOption(options.endpoint);
  const connectTimeoutMs = msOption("connectTimeoutMs", options.connectTimeoutMs, 500);
  const timeoutMs = msOption("timeoutMs", options.timeoutMs, 3000);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 6 * 60 * 60;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1) {
    throw new TypeError("fromEcsMetadata: tokenTtlSeconds: expected a whole number ≥ 1");
  }
  const now = options.now ?? Date.now;
  const source = `ECS metadata ${endpoint}`;
  const fail = (message: string, cause?: unknown) => new CredentialsError(source, message, { cause });

  /** The session token (undefined: the service has none) and until when it is good. */
  let session: { token: string | undefined; until: number } | undefined;

  const request = async (method: string, path: string, headers: Record<string, string>) => {
    try {
      return await send(`${endpoint}${path}`, method, headers, connectTimeoutMs, timeoutMs);
    } catch (error) {
      if (error instanceof NoAnswer) throw fail(`${method} ${path}: ${error.message}`);
      throw fail(`${method} ${path}: not reachable (${describeNetworkError(error)}); not on ECS?`, error);
    }
  };

  /** `strict`: a service that answers the token request 404/405/503 is an error (we know it wants tokens). */
  const fetchSessionToken = async (strict: boolean): Promise<string | undefined> => {
    const asked = now();
    const { status, body } = await request("PUT", TOKEN_PATH, {
      "X-Metadata-Token-Ttl-Seconds": String(tokenTtlSeconds),
    });
    let token: string | undefined;
    if (status === 200 && body !== "") token = body;
    else if (!strict && (status === 404 || status === 405 || status === 503)) token = undefined;
    else throw fail(`PUT ${TOKEN_PATH} answered HTTP ${status}${status === 200 ? " with an empty token" : ""}`);
    // Renew the session token a minute before the service drops it.
    session = { token, until: asked + tokenTtlSeconds * 1000 - 60_000 };
    return token;
  };

  const getSecurityKey = (token: string | undefined) =>
    request("GET", SECURITY_KEY_PATH, token === undefined ? {} : { "X-Metadata-Token": token });

  return async (): Promise<Credentials> => {
    const token = session !== undefined && now() < session.until ? session.token : await fetchSessionToken(false);
    let answer = await getSecurityKey(token);
    if (answer.status === 401 && !answer.body.includes(NO_AGENCY))
      answer = await getSecurityKey(await fetchSessionToken(true));
    if (answer.body.includes(NO_AGENCY))
      throw fail(`no agency is configured for this ECS instance (HTTP ${answer.status})`);
    if (answer.status !== 200) throw fail(`GET ${SECURITY_KEY_PATH} answered HTTP ${answer.status}`);
    return parseSecurityKey(answer.body, fail, source);
  };
}

/** The service connected but did not answer in time, or answered more than an answer can be. */
class NoAnswer extends Error {}

/**
 * One HTTP request with node:http — not fetch, whose single timeout cannot tell a connect that never
 * happens (off ECS) from an answer that takes a while (IAM behind the service), and whose first call in a
 * process can spend longer than the connect limit just loading. A fresh connection each time (`agent:
 * false`): calls are rare, and no idle socket holds the process open.
 */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  connectTimeoutMs: number,
  timeoutMs: number,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false });
    const stop = (error: Error) => request.destroy(error);
    const connectTimer = setTimeout(
      () => stop(new Error(`no connection within ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
    const answerTimer = setTimeout(() => stop(new NoAnswer(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const done = () => {
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
    };
    request.on("socket", (socket) => socket.once("connect", () => clearTimeout(connectTimer)));
    request.on("error", (error) => {
      done();
      reject(error);
    });
    request.on("response", (response) => {
      // Past the cap nothing more is read: the socket is destroyed, and the body, which may hold keys, not shown.
      const tooLarge = () => stop(new NoAnswer(`the answer was too large (over ${MAX_ANSWER_BYTES} bytes)`));
      if (Number(response.headers["content-length"] ?? NaN) > MAX_ANSWER_BYTES) return tooLarge();
      const body = boundedBody(response, MAX_ANSWER_BYTES, tooLarge);
      response.on("error", (error) => {
        done();
        reject(error);
      });
      response.on("end", () => {
        done();
        resolve({ status: response.statusCode ?? 0, body: body().toString("utf8") });
      });
    });
    request.end();
  });
}

function parseSecurityKey(body: string, fail: (message: string) => CredentialsError, source: string): Credentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw fail(`GET ${SECURITY_KEY_PATH} answered a body that is not JSON`);
  }
  const credential = isRecord(parsed) ? parsed["credential"] : undefined;
  if (!isRecord(credential)) throw fail(`GET ${SECURITY_KEY_PATH} answered no "credential" object`);
  const fields = ["access", "secret", "securitytoken", "expires_at"] as const;
  const missing = fields.filter((field) => typeof credential[field] !== "string" || credential[field] === "");
  if (missing.length > 0)
    throw fail(`GET ${SECURITY_KEY_PATH} answered without ${missing.map((field) => `credential.${field}`).join(", ")}`);
  const expiresAt = parseTimestamp(credential["expires_at"] as string);
  if (expiresAt === undefined)
    throw fail(`GET ${SECURITY_KEY_PATH} answered an expires_at that is not a UTC timestamp`);
  return createCredentials({
    ak: credential["access"] as string,
    sk: credential["secret"] as string,
    securityToken: credential["securitytoken"] as string,
    expiresAt,
    source,
  });
}

/** `2024-05-01T12:00:00Z` or with a fraction of any length (the service sends microseconds). */
export function parseTimestamp(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(text);
  if (!match) return undefined;
  const ms = Number((match[7] ?? "0").slice(0, 3).padEnd(3, "0"));
  return utcDate(match.slice(1, 7).map(Number), ms);
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  // Node's messages already start with the code ("connect ECONNREFUSED 127.0.0.1:80").
  return typeof code === "string" && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function endpointOption(value: string | undefined): string {
  if (value === undefined) return DEFAULT_METADATA_ENDPOINT;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("fromEcsMetadata: endpoint: expected an http:// URL");
  }
  // The metadata service speaks plain HTTP on a link-local address.
  if (url.protocol !== "http:") throw new TypeError("fromEcsMetadata: endpoint: expected an http:// URL");
  return value.replace(/\/+$/, "");
}

function msOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Whole milliseconds up to what a timer holds (a larger value would fire at once).
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new TypeError(`fromEcsMetadata: ${name}: expected a whole number of milliseconds from 1 to 2147483647`);
  }
  return value;
}
