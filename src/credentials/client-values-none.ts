import type { AuthStrategy } from "../auth/strategy.js";

/**
 * Browsers look nothing up: the project id lookup asks IAM (with the IAM client), which a browser bundle leaves
 * out (package.json "#client-values", `browser` condition). A call that needs `projectId` then fails naming
 * the option, as with token auth.
 */
export function clientValueLookup(
  _auth: AuthStrategy,
  _region: string | undefined,
  _fetch: ((request: Request) => Promise<Response>) | undefined,
): ((name: string, signal: AbortSignal) => Promise<unknown>) | undefined {
  return undefined;
}
