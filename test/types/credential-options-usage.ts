// Type-level tests of the credential helpers' options (huaweicloud-task-client/credentials): compiled by
// test/types/types.test.ts with exactOptionalPropertyTypes off and on, as the client and helper options are.
// Found by a review from outside: a caller forwarding its own optional values (`timeoutMs: config.timeoutMs`,
// typed `number | undefined`) could not, under exactOptionalPropertyTypes, though the client options take them.
// Nothing here runs (the functions are only compiled). Each `@ts-expect-error` line must hit a real type error
// under both settings.
import {
  cached,
  defaultChain,
  fromEcsMetadata,
  fromEnv,
  fromProfile,
  iamAgencyToken,
  iamPasswordToken,
  type CacheOptions,
  type DefaultChainOptions,
  type EcsMetadataOptions,
  type EnvOptions,
  type Environment,
  type IamAgencyTokenOptions,
  type IamPasswordTokenOptions,
  type ProfileOptions,
  type ProjectIdLookupOptions,
} from "../../src/credentials/node.js";

/** What a caller's own configuration looks like: every field may be absent, so each reads as `T | undefined`. */
interface CallerConfig {
  readonly env?: Environment;
  readonly metadataEndpoint?: string;
  readonly timeoutMs?: number;
  readonly refreshBeforeMs?: number;
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function forwardedOptions(config: CallerConfig): void {
  const env: EnvOptions = { env: config.env };
  fromEnv(env);
  const profile: ProfileOptions = { env: config.env, homeDir: undefined, readFile: undefined };
  fromProfile(profile);
  const metadata: EcsMetadataOptions = {
    endpoint: config.metadataEndpoint,
    connectTimeoutMs: undefined,
    timeoutMs: config.timeoutMs,
    tokenTtlSeconds: undefined,
    now: undefined,
  };
  fromEcsMetadata(metadata);
  const cache: CacheOptions = {
    refreshBeforeMs: config.refreshBeforeMs,
    retryAfterFailureMs: undefined,
    now: undefined,
  };
  cached(fromEnv(), cache);
  const chain: DefaultChainOptions = { ...profile, metadata: config.metadataEndpoint ? metadata : undefined, cache };
  defaultChain(chain);
  defaultChain({ env: undefined, metadata: undefined, cache: undefined });

  const lookup: ProjectIdLookupOptions = { region: "ap-southeast-1", fetch: config.fetch };
  void lookup;
  const password: IamPasswordTokenOptions = {
    iamEndpoint: undefined,
    domainName: "d",
    userName: "u",
    password: "p",
    projectName: "ap-southeast-1",
    projectId: undefined,
    cache: undefined,
    fetch: config.fetch,
  };
  iamPasswordToken(password);
  const agency: IamAgencyTokenOptions = {
    iamEndpoint: undefined,
    credentials: fromEnv(),
    agency: { name: "a", domainName: undefined, domainId: "d" },
    project: { name: "ap-southeast-1", id: undefined },
    cache: undefined,
    fetch: undefined,
  };
  iamAgencyToken(agency);
}

export function misuse(): void {
  // @ts-expect-error env is a record of variables
  fromEnv({ env: "HUAWEICLOUD_SDK_AK=x" });
  // @ts-expect-error homeDir is a function
  fromProfile({ homeDir: "/home/me" });
  // @ts-expect-error timeoutMs is a number
  fromEcsMetadata({ timeoutMs: "3000" });
  // @ts-expect-error the clock is a function
  cached(fromEnv(), { now: 5 });
  // @ts-expect-error the metadata options are an object
  defaultChain({ metadata: "http://127.0.0.1:1" });
  // @ts-expect-error password is required, undefined is not a password
  iamPasswordToken({ domainName: "d", userName: "u", password: undefined, projectName: "p" });
}
