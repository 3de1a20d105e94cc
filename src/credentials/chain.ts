import type { CredentialProvider, Credentials } from "./credentials.js";
import { CredentialsChainError, CredentialsError, reasonOf } from "./errors.js";

/**
 * A provider that asks `providers` in order and answers the first one's credentials (as the official SDKs'
 * `CredentialProviderChain` does). When every one fails it rejects with a {@link CredentialsChainError} that
 * lists each source and why it gave nothing. Nothing is cached here: wrap the chain in `cached()`.
 */
export function chain(...providers: CredentialProvider[]): CredentialProvider {
  if (providers.length === 0) throw new TypeError("chain: expected at least one credential provider");
  providers.forEach((provider, index) => {
    if (typeof provider !== "function") throw new TypeError(`chain: provider ${index + 1} is not a function`);
  });
  return async (): Promise<Credentials> => {
    const tried: { source: string; reason: string }[] = [];
    for (const [index, provider] of providers.entries()) {
      try {
        return await provider();
      } catch (error) {
        tried.push({ source: sourceOf(error, provider, index), reason: reasonOf(error) });
      }
    }
    throw new CredentialsChainError(tried);
  };
}

function sourceOf(error: unknown, provider: CredentialProvider, index: number): string {
  if (error instanceof CredentialsError) return error.source;
  return provider.name ? `provider ${index + 1} (${provider.name})` : `provider ${index + 1}`;
}
