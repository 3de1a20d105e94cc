import { createCredentials, type CredentialProvider, type Credentials } from "./credentials.js";
import { CredentialsError } from "./errors.js";

/** The ECS metadata service's address, as in the official SDKs (`MetadataEndpoint`, `_METADATA_ENDPOINT`). */
export const DEFAULT_METADATA_ENDPOINT = "http://169.254.169.254";
const TOKEN_PATH = "/meta-data/latest/api/token";
const SECURITY_KEY_PATH = "/openstack/latest/securitykey";
/** The metadata service's answer when the instance has no agency: retrying with a new token will not help. */
const NO_AGENCY = "Please configure Cloud Service Agency first";

export interface EcsMetadataOptions {
  /** Where the metadata service is. Default `http://169.254.169.254`; tests point it at a loopback stand-in. */
  endpoint?: string;
  /**
   * Limit for the session-token request, which the metadata service answers itself (no IAM call behind it),
   * so it doubles as the reachability probe: off ECS, the chain fails over after at most this long.
   * `fetch` cannot time the TCP connect alone. Default 500 ms.
   */
  connectTimeoutMs?: number;
  /** Limit for the securitykey request, which may wait on IAM. Default 3000 ms, the official SDKs' timeout. */
  timeoutMs?: number;
  /** Lifetime asked for the session token (`X-Metadata-Token-Ttl-Seconds`). Default 21600 (6 h), as official. */
  tokenTtlSeconds?: number;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
  /** The clock, in ms since the epoch; injectable for tests. */
  now?: () => number;
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
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const source = `ECS metadata ${endpoint}`;
  const fail = (message: string, cause?: unknown) => new CredentialsError(source, message, { cause });

  /** The session token (undefined: the service has none) and until when it is good. */
  let session: { token: string | undefined; until: number } | undefined;

  const request = async (method: string, path: string, headers: Record<string, string>, limitMs: number) => {
    try {
      const response = await doFetch(`${endpoint}${path}`, { method, headers, signal: AbortSignal.timeout(limitMs) });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const why = timedOut ? `no answer within ${limitMs} ms` : describeNetworkError(error);
      throw fail(`${method} ${path}: not reachable (${why}); not on ECS?`, error);
    }
  };

  /** `strict`: a service that answers the token request 404/405/503 is an error (we know it wants tokens). */
  const fetchSessionToken = async (strict: boolean): Promise<string | undefined> => {
    const asked = now();
    const { status, body } = await request("PUT", TOKEN_PATH, { "X-Metadata-Token-Ttl-Seconds": String(tokenTtlSeconds) }, connectTimeoutMs);
    let token: string | undefined;
    if (status === 200 && body !== "") token = body;
    else if (!strict && (status === 404 || status === 405 || status === 503)) token = undefined;
    else throw fail(`PUT ${TOKEN_PATH} answered HTTP ${status}${status === 200 ? " with an empty token" : ""}`);
    // Renew the session token a minute before the service drops it.
    session = { token, until: asked + tokenTtlSeconds * 1000 - 60_000 };
    return token;
  };

  const getSecurityKey = (token: string | undefined) =>
    request("GET", SECURITY_KEY_PATH, token === undefined ? {} : { "X-Metadata-Token": token }, timeoutMs);

  return async (): Promise<Credentials> => {
    const token = session !== undefined && now() < session.until ? session.token : await fetchSessionToken(false);
    let answer = await getSecurityKey(token);
    if (answer.status === 401 && !answer.body.includes(NO_AGENCY)) answer = await getSecurityKey(await fetchSessionToken(true));
    if (answer.body.includes(NO_AGENCY)) throw fail(`no agency is configured for this ECS instance (HTTP ${answer.status})`);
    if (answer.status !== 200) throw fail(`GET ${SECURITY_KEY_PATH} answered HTTP ${answer.status}`);
    return parseSecurityKey(answer.body, fail, source);
  };
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
  if (missing.length > 0) throw fail(`GET ${SECURITY_KEY_PATH} answered without ${missing.map((field) => `credential.${field}`).join(", ")}`);
  const expiresAt = parseTimestamp(credential["expires_at"] as string);
  if (expiresAt === undefined) throw fail(`GET ${SECURITY_KEY_PATH} answered an expires_at that is not a UTC timestamp`);
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
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((match[7] ?? "0").slice(0, 3).padEnd(3, "0"));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 2024-02-30 over to March: refuse what does not read back the same.
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 && date.getUTCHours() === hour ? date : undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
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
    throw new TypeError("fromEcsMetadata: endpoint: expected an http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("fromEcsMetadata: endpoint: expected an http(s) URL");
  return value.replace(/\/+$/, "");
}

function msOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // AbortSignal.timeout takes whole milliseconds up to what a timer holds.
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new TypeError(`fromEcsMetadata: ${name}: expected a whole number of milliseconds from 1 to 2147483647`);
  }
  return value;
}
