/**
 * The default chain in a browser: there is no environment, no profile file and no ECS metadata service, so
 * it fails at once and says to pass credentials explicitly. Bundlers pick this file through the `browser`
 * condition; everything else of `./index.js` works in browsers too.
 */
import type { CredentialProvider } from "./credentials.js";
import { CredentialsError } from "./errors.js";

export * from "./index.js";

export const BROWSER_DEFAULT_CHAIN_MESSAGE =
  "in a browser only explicit credentials exist (no environment variables, profile file or ECS metadata): " +
  "pass auth: { ak, sk } or { token }, or a credential provider";

export function defaultChain(): CredentialProvider {
  return async () => {
    throw new CredentialsError("default credential chain", BROWSER_DEFAULT_CHAIN_MESSAGE);
  };
}
