/**
 * Authentication as the API Gateway does it: an `Authorization` header means an AK/SK-signed request (checked
 * by verify-signature.ts against the known credentials); otherwise `X-Auth-Token` must be one of the accepted
 * tokens. Failure reasons follow the gateway's wording and never contain the token, SK or signature.
 */
import { verifySignature } from "./verify-signature.js";

export interface AuthConfig {
  tokens: ReadonlySet<string>;
  /** AK → SK. */
  credentials: ReadonlyMap<string, string>;
}

export interface SignedRequest {
  method: string;
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export type Principal = { kind: "token" } | { kind: "aksk"; ak: string } | { kind: "anonymous" };

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string };

/**
 * `anonymous`: the operation may be called without credentials (the spec's `security: []`, IAM's password
 * token request); a request to it that carries none passes, one that carries some is checked as usual.
 */
export function authenticate(req: SignedRequest, config: AuthConfig, anonymous = false): AuthResult {
  if (anonymous && req.headers["authorization"] === undefined && req.headers["x-auth-token"] === undefined)
    return { ok: true, principal: { kind: "anonymous" } };
  if (req.headers["authorization"] !== undefined) {
    const verdict = verifySignature(req, (ak) => config.credentials.get(ak));
    return verdict.ok ? { ok: true, principal: { kind: "aksk", ak: verdict.ak } } : verdict;
  }
  const token = req.headers["x-auth-token"];
  if (token === undefined || token === "") return { ok: false, reason: "x-auth-token not found" };
  if (typeof token !== "string" || !config.tokens.has(token)) return { ok: false, reason: "decrypt token fail" };
  return { ok: true, principal: { kind: "token" } };
}
