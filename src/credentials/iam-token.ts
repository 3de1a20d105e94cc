import { cached, type CacheOptions } from "./cache.js";
import type { CredentialProvider } from "./credentials.js";
import { CredentialsError } from "./errors.js";
import { DEFAULT_IAM_ENDPOINT } from "./project-id.js";

export interface IamAgencyTokenOptions {
  /** The IAM endpoint; default the global one, https://iam.myhuaweicloud.com. */
  readonly iamEndpoint?: string | undefined;
  /** The keys that sign the token request (AK/SK), e.g. `defaultChain()` or `fromEnv()`. */
  readonly credentials: CredentialProvider;
  /** The agency to assume: its name and the account that created it (by name or id). */
  readonly agency: {
    readonly name: string;
    readonly domainName?: string | undefined;
    readonly domainId?: string | undefined;
  };
  /** The project the token is for, by name (a region id such as `ap-southeast-1`) or id. */
  readonly project: { readonly name?: string | undefined; readonly id?: string | undefined };
  /** Renewal ahead of expiry (default 40 minutes; half the remaining life for shorter-lived tokens). */
  readonly cache?: CacheOptions | undefined;
  /** A fetch implementation (tests: the stand-in's). */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
}

interface HeldToken {
  readonly token: string;
  readonly expiresAt: Date;
  readonly source: string;
  readonly what: string;
}

/**
 * An IAM agency token for token auth (`auth: { token: iamAgencyToken(…) }`): `POST /v3/auth/tokens` with
 * `identity.methods: ["assume_role"]` through the generated IAM client (`KeystoneCreateToken`), signed with the
 * given keys; the token is the `X-Subject-Token` header (read with `withResponse`), valid until the body's
 * `token.expires_at`. Kept and renewed ahead of expiry with `cached()`, one request shared by concurrent callers;
 * a 401 to a request carrying it makes the client ask again. The token never appears in errors or output.
 */
export function iamAgencyToken(options: IamAgencyTokenOptions): () => Promise<string> {
  const endpoint = options.iamEndpoint ?? DEFAULT_IAM_ENDPOINT;
  const source = `IAM agency token (KeystoneCreateToken on ${endpoint})`;
  const { agency, project } = options;
  const fetchToken = async (): Promise<HeldToken> => {
    const { createIamClient } = await import("../../generated/iam/client.js");
    const { ak, sk, securityToken } = await options.credentials();
    const iam = createIamClient({
      endpoint,
      auth: securityToken === undefined ? { ak, sk } : { ak, sk, securityToken },
      fetch: options.fetch,
    });
    const { data, headers } = await iam.keystoneCreateToken.withResponse({
      nocatalog: "true",
      auth: {
        identity: {
          methods: ["assume_role"],
          assume_role: {
            agency_name: agency.name,
            ...defined({ domain_name: agency.domainName, domain_id: agency.domainId }),
          },
        },
        scope: { project: defined({ name: project.name, id: project.id }) },
      },
    });
    const token = headers["x-subject-token"];
    if (token === undefined || token === "")
      throw new CredentialsError(source, "IAM answered no X-Subject-Token header");
    const expiresAt = new Date(data.token.expires_at);
    if (!Number.isFinite(expiresAt.getTime()))
      throw new CredentialsError(source, "IAM answered a token.expires_at that is not a time");
    const held = { expiresAt, source, what: "a token" };
    // Not enumerable: printing or serializing what is kept never shows the token.
    return Object.defineProperty(held, "token", { value: token, enumerable: false }) as HeldToken;
  };
  const provider = cached(fetchToken, options.cache);
  return async () => (await provider()).token;
}

function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string;
  };
}
