/**
 * Credential providers that run everywhere (standard `fetch` only): the shape, chains, caching with renewal,
 * and the ECS metadata provider. The Node-only sources (environment, profile file) and the default chain
 * are in `./node.js`; `./browser.js` has the browser's default chain, which says none exists there.
 */
export { createCredentials, type CredentialProvider, type Credentials, type CredentialsInit } from "./credentials.js";
export { CredentialsChainError, CredentialsError } from "./errors.js";
export { chain } from "./chain.js";
export { cached, DEFAULT_REFRESH_BEFORE_MS, type CacheOptions } from "./cache.js";
export { DEFAULT_METADATA_ENDPOINT, fromEcsMetadata, type EcsMetadataOptions } from "./ecs-metadata.js";
