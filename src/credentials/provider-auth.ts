import type { AuthStrategy } from "../auth/strategy.js";
import { signOutgoing } from "../auth/sign.js";
import { untilAborted } from "../core/until-aborted.js";
import { cached, type CachedProvider } from "./cache.js";
import type { CredentialProvider, Credentials } from "./credentials.js";

/**
 * AK/SK signing with keys from a provider: `auth` given as a provider (or chain), or omitted (the default
 * chain, loaded on first use). The provider is wrapped in `cached()` once per client, so concurrent calls share
 * one fetch and temporary keys are renewed ahead of expiry. A 401 to a request signed with temporary keys (a
 * security token or an expiry) drops them and the call is sent once more with fresh ones; permanent keys that
 * are refused stay refused. Waiting for keys is bounded by the attempt's signal, as for a token provider: a
 * provider that never settles fails the attempt (TimeoutError, or the signal's reason), and the next call asks it
 * again.
 */
export function providerAuth(load: () => CredentialProvider | Promise<CredentialProvider>): AuthStrategy {
  let pending: Promise<CachedProvider> | undefined;
  let provider: CachedProvider | undefined;
  // `signal` bounds the wait (the attempt's, in `authorize`): see CachedProvider.
  const credentials = async (signal?: AbortSignal): Promise<Credentials> => {
    // A failed load (say, the default chain's module) is not kept: the next call loads again.
    if (pending === undefined) {
      const loading = Promise.resolve()
        .then(load)
        .then((loaded) => (provider = isCached(loaded) ? loaded : cached(loaded)));
      loading.catch(() => (pending = pending === loading ? undefined : pending));
      pending = loading;
    }
    return (await (signal === undefined ? pending : untilAborted(pending, signal)))(signal);
  };
  // Which keys signed which request, so that a 401 drops exactly those (and only once).
  const signedWith = new WeakMap<Request, Credentials>();
  return {
    credentials,
    async authorize(request, body, signal = request.signal) {
      const keys = await credentials(signal);
      const { ak, sk, securityToken } = keys;
      const signed = await signOutgoing(
        request,
        body,
        securityToken === undefined ? { ak, sk } : { ak, sk, securityToken },
      );
      signedWith.set(signed, keys);
      return signed;
    },
    refresh(rejected) {
      const keys = signedWith.get(rejected);
      if (
        keys === undefined ||
        provider === undefined ||
        (keys.securityToken === undefined && keys.expiresAt === undefined)
      )
        return false;
      provider.invalidate(keys);
      return true;
    },
  };
}

function isCached(provider: CredentialProvider): provider is CachedProvider {
  return typeof (provider as Partial<CachedProvider>).invalidate === "function";
}
