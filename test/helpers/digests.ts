import * as nodeDigest from "../../src/auth/digest/node.js";
import type { Digest } from "../../src/auth/digest/types.js";
import * as webDigest from "../../src/auth/digest/web.js";
import { createSigner, type Signer } from "../../src/auth/sign.js";

/**
 * Both digest modules, each with the signer built on it, for tests that must hold for either: the resolver
 * picks one per runtime (package.json "imports"), so each must sign exactly like the other.
 */
export const DIGESTS: readonly (Digest & { readonly implementation: string; readonly signRequest: Signer })[] = [
  { implementation: "node:crypto", digest: nodeDigest },
  { implementation: "web-crypto", digest: webDigest },
].map(({ implementation, digest }) => ({
  implementation,
  sha256Hex: digest.sha256Hex,
  hmacSha256Hex: digest.hmacSha256Hex,
  signRequest: createSigner(digest),
}));
