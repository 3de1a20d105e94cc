/**
 * The default chain in a browser: there is no environment, no profile file and no ECS metadata service, so
 * it fails at once and says to pass credentials explicitly. The package's "#default-chain" import picks this
 * file under the `browser` condition; it imports nothing else of the credential helpers, so a browser bundle
 * of the root entry carries none of them.
 */
import type { CredentialProvider } from "./credentials.js";
import { CredentialsError } from "./errors.js";

export const BROWSER_DEFAULT_CHAIN_MESSAGE =
  "in a browser only explicit credentials exist (no environment variables, profile file or ECS metadata): " +
  "pass auth: { ak, sk } or { token }, or a credential provider";

export function defaultChain(): CredentialProvider {
  return async () => {
    throw new CredentialsError("default credential chain", BROWSER_DEFAULT_CHAIN_MESSAGE);
  };
}
