import type { KeystoneCreateTokenInput } from "../../generated/iam/operations.js";
import type { AuthOptions, RenewableTokenProvider } from "../auth/strategy.js";
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
 * a 401 to a request carrying it makes the client drop it (`invalidate`) and fetch a new one. The token never
 * appears in errors or output.
 */
export function iamAgencyToken(options: IamAgencyTokenOptions): IamTokenProvider {
  const { agency, project } = options;
  return iamToken(options, `IAM agency token (KeystoneCreateToken on ${iamEndpointOf(options)})`, async () => {
    const { ak, sk, securityToken } = await options.credentials();
    return {
      auth: securityToken === undefined ? { ak, sk } : { ak, sk, securityToken },
      identity: {
        methods: ["assume_role"],
        assume_role: {
          agency_name: agency.name,
          ...defined({ domain_name: agency.domainName, domain_id: agency.domainId }),
        },
      },
      scope: { project: defined({ name: project.name, id: project.id }) },
    };
  });
}

export interface IamPasswordTokenOptions {
  /** The IAM endpoint; default the global one, https://iam.myhuaweicloud.com. */
  readonly iamEndpoint?: string | undefined;
  /** The account (domain) the IAM user belongs to, by name. */
  readonly domainName: string;
  readonly userName: string;
  /** The user's password: sent in the request body only, never shown in errors or output. */
  readonly password: string;
  /** The project the token is for, by name (a region id such as `ap-southeast-1`); or give `projectId`. */
  readonly projectName?: string | undefined;
  readonly projectId?: string | undefined;
  /** Renewal ahead of expiry (default 40 minutes; half the remaining life for shorter-lived tokens). */
  readonly cache?: CacheOptions | undefined;
  /** A fetch implementation (tests: the stand-in's). */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
}

/**
 * An IAM user token for token auth (`auth: { token: iamPasswordToken(…) }`): `POST /v3/auth/tokens` with
 * `identity.methods: ["password"]` (KeystoneCreateUserTokenByPassword in the official SDKs), sent without
 * credentials — the spec lets KeystoneCreateToken be called so (`security: [{}, …]`), and the IAM client here is
 * created with `auth: "none"`. Kept and renewed as `iamAgencyToken` does; neither the password nor the token
 * appears in errors or output (the options object is not kept: only the fields the request needs).
 */
export function iamPasswordToken(options: IamPasswordTokenOptions): IamTokenProvider {
  const source = `IAM user token of ${options.userName} (KeystoneCreateToken on ${iamEndpointOf(options)})`;
  if (typeof options.password !== "string" || options.password === "")
    throw new TypeError("iamPasswordToken: password: expected a non-empty string; the value is not shown");
  if ((options.projectName === undefined) === (options.projectId === undefined))
    throw new TypeError("iamPasswordToken: expected one of projectName and projectId");
  const { domainName, userName, password, projectName, projectId } = options;
  return iamToken(options, source, async () => ({
    auth: "none",
    identity: {
      methods: ["password"],
      password: { user: { domain: { name: domainName }, name: userName, password } },
    },
    scope: { project: defined({ name: projectName, id: projectId }) },
  }));
}

/**
 * A kept IAM token: call it for the token; `invalidate(token)` (the client calls it after a 401 to a request
 * carrying that token) drops it if it is still the kept one, so the next call asks IAM for a new one.
 */
export interface IamTokenProvider extends RenewableTokenProvider {
  (): Promise<string>;
}

type TokenRequest = KeystoneCreateTokenInput["auth"];

/** What one token request sends: the IAM client's auth and the body's identity and scope. */
interface TokenRequestParts {
  readonly auth: AuthOptions;
  readonly identity: TokenRequest["identity"];
  readonly scope: NonNullable<TokenRequest["scope"]>;
}

/** The shared part of both variants: one KeystoneCreateToken call, its X-Subject-Token, kept with `cached()`. */
function iamToken(
  options: Pick<IamPasswordTokenOptions, "iamEndpoint" | "cache" | "fetch">,
  source: string,
  request: () => Promise<TokenRequestParts>,
): IamTokenProvider {
  const endpoint = iamEndpointOf(options);
  const fetch = options.fetch;
  const fetchToken = async (): Promise<HeldToken> => {
    const { createIamClient } = await import("../../generated/iam/client.js");
    const { auth, identity, scope } = await request();
    const iam = createIamClient({ endpoint, auth, fetch });
    const { data, headers } = await iam.keystoneCreateToken.withResponse({
      nocatalog: "true",
      auth: { identity, scope },
    });
    const token = headers["x-subject-token"];
    if (token === undefined || token === "")
      throw new CredentialsError(source, "IAM answered no X-Subject-Token header");
    // The body is checked to be an object, not its fields: a `token` left out (or null, or expires_at not a
    // string: `[2099]` reads as a year) is refused here rather than failing as a bare TypeError.
    const expiresText: unknown = (data as { token?: { expires_at?: unknown } | null }).token?.expires_at;
    const expiresAt = new Date(typeof expiresText === "string" ? expiresText : NaN);
    if (!Number.isFinite(expiresAt.getTime()))
      throw new CredentialsError(source, "IAM answered a token.expires_at that is not a time");
    const held = { expiresAt, source, what: "a token" };
    // Not enumerable: printing or serializing what is kept never shows the token.
    return Object.defineProperty(held, "token", { value: token, enumerable: false }) as HeldToken;
  };
  const provider = cached(fetchToken, options.cache);
  // The last token answered, to find what `cached()` keeps from the token string a 401 names.
  let latest: HeldToken | undefined;
  const token = async () => (latest = await provider()).token;
  const invalidate = (rejected: string): void => {
    if (latest !== undefined && latest.token === rejected) provider.invalidate(latest);
  };
  return Object.assign(token, { invalidate });
}

function iamEndpointOf(options: { readonly iamEndpoint?: string | undefined }): string {
  return options.iamEndpoint ?? DEFAULT_IAM_ENDPOINT;
}

function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string;
  };
}
