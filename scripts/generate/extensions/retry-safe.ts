/**
 * `x-retry-safe: true | false` on every operation: whether the facade may resend it after a network error or a
 * retryable status. Required, so that a new operation cannot be retried (or not) by accident.
 */
import type { ExtensionSite } from "./site.js";
import { extensionProblem } from "./site.js";

export const RETRY_SAFE = "x-retry-safe";

export function readRetrySafe(site: ExtensionSite): boolean {
  const value = site.owner.value[RETRY_SAFE];
  if (typeof value !== "boolean")
    extensionProblem(site, RETRY_SAFE, `${RETRY_SAFE} is required and must be true or false`);
  return value;
}
