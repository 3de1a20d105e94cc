/**
 * The credential pieces that run everywhere: the shape, chains, caching with renewal. The sources of
 * Node, Bun and Deno (environment, profile file, ECS metadata) and their default chain are in `./node.js`;
 * `./browser.js` has the browser's default chain, which says that only explicit credentials exist there.
 */
export { createCredentials, type CredentialProvider, type Credentials, type CredentialsInit } from "./credentials.js";
export { CredentialsChainError, CredentialsError } from "./errors.js";
export { chain } from "./chain.js";
export { cached, DEFAULT_REFRESH_BEFORE_MS, type CacheOptions, type CachedProvider } from "./cache.js";
export { DEFAULT_IAM_ENDPOINT, projectIdLookup, type ProjectIdLookupOptions } from "./project-id.js";
export {
  iamAgencyToken,
  iamPasswordToken,
  type IamAgencyTokenOptions,
  type IamPasswordTokenOptions,
  type IamTokenProvider,
} from "./iam-token.js";
