/// <reference types="node" />
/**
 * The credential sources of Node, Bun and Deno, and the default chain the official SDKs use:
 * environment → profile file → ECS metadata. Kept out of the core entry: it imports `node:fs`, `node:os`,
 * `node:path` and `node:http`.
 */
import type { CacheOptions, CachedProvider } from "./cache.js";
import { cached } from "./cache.js";
import { chain } from "./chain.js";
import { createCredentials, type Credentials } from "./credentials.js";
import { fromEcsMetadata, type EcsMetadataOptions } from "./ecs-metadata.js";
import { ENV, fromEnv, processEnv, variable, type Environment } from "./env.js";
import { fromProfile, type ProfileOptions } from "./profile.js";

export * from "./index.js";
export { ENV, fromEnv, type EnvOptions, type Environment } from "./env.js";
export { fromProfile, PROFILE, type ProfileOptions } from "./profile.js";
export { DEFAULT_METADATA_ENDPOINT, fromEcsMetadata, type EcsMetadataOptions } from "./ecs-metadata.js";

export interface DefaultChainOptions extends ProfileOptions {
  /** Options for the ECS metadata source, e.g. `{ endpoint }` to point it at a stand-in. */
  metadata?: EcsMetadataOptions | undefined;
  /** Options for the cache around the chain (renewal ahead of expiry). */
  cache?: CacheOptions | undefined;
}

/**
 * The official SDKs' default chain — `fromEnv()`, then `fromProfile()`, then `fromEcsMetadata()` — cached,
 * so it runs once and again only to renew temporary keys. `HUAWEICLOUD_SDK_IAM_ENDPOINT` applies, as in
 * the official SDKs, to credentials from any source that name no IAM endpoint of their own.
 */
export function defaultChain(options: DefaultChainOptions = {}): CachedProvider {
  const env: Environment | undefined = options.env;
  const sources = chain(fromEnv(env ? { env } : {}), fromProfile(options), fromEcsMetadata(options.metadata));
  return cached(async () => withIamEndpointFrom(env ?? processEnv("environment"), await sources()), options.cache);
}

function withIamEndpointFrom(env: Environment, credentials: Credentials): Credentials {
  const iamEndpoint = variable(env, ENV.iamEndpoint);
  if (credentials.iamEndpoint !== undefined || iamEndpoint === undefined) return credentials;
  const { ak, sk, securityToken, projectId, expiresAt, source } = credentials;
  return createCredentials({ ak, sk, securityToken, projectId, expiresAt, source, iamEndpoint });
}
