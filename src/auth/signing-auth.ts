import { createCredentials } from "../credentials/credentials.js";
import { providerAuth } from "../credentials/provider-auth.js";
import { signOutgoing } from "./sign.js";
import type { AkSkAuthOptions, AuthStrategy } from "./strategy.js";

/**
 * The strategies that sign with AK/SK, with the signer and the credential cache they need. Loaded by
 * src/auth/strategy.ts on a client's first signed request (a dynamic import), so a browser app that
 * authenticates with a token never downloads the signer.
 */
export { providerAuth };

/** Keys given in `auth: { ak, sk, securityToken }`, checked by createAuthStrategy. */
export function akSkAuth(credentials: AkSkAuthOptions): AuthStrategy {
  const { ak, sk, securityToken } = credentials;
  const keys = createCredentials({ ak, sk, securityToken, source: "auth option" });
  return {
    authorize: (request, body) => signOutgoing(request, body, credentials),
    refresh: () => false,
    credentials: async () => keys,
  };
}
