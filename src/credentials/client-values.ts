import type { AuthStrategy } from "../auth/strategy.js";
import { untilAborted } from "../core/until-aborted.js";
import { projectIdLookup } from "./project-id.js";

/**
 * How a client finds the values it was not given: `projectId` from the credentials (`HUAWEICLOUD_SDK_PROJECT_ID`,
 * the profile's `project_id`), else from IAM for `region`. Undefined when the auth has no keys to look with
 * (token auth): a call that needs the value then fails naming the option.
 */
export function clientValueLookup(
  auth: AuthStrategy,
  region: string | undefined,
  fetch: ((request: Request) => Promise<Response>) | undefined,
): ((name: string, signal: AbortSignal) => Promise<unknown>) | undefined {
  const credentials = auth.credentials;
  if (credentials === undefined) return undefined;
  const lookup = region === undefined ? undefined : projectIdLookup({ region, fetch });
  // `signal` bounds this caller's wait for keys and for IAM's answer, both shared with other calls.
  return async (name, signal) => {
    if (name !== "projectId") return undefined;
    const keys = await credentials(signal);
    return keys.projectId ?? (lookup && untilAborted(lookup(keys), signal));
  };
}
