import type { AuthStrategy } from "../auth/strategy.js";
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
): ((name: string) => Promise<unknown>) | undefined {
  const credentials = auth.credentials;
  if (credentials === undefined) return undefined;
  const lookup = region === undefined ? undefined : projectIdLookup({ region, fetch });
  return async (name) => {
    if (name !== "projectId") return undefined;
    const keys = await credentials();
    return keys.projectId ?? lookup?.(keys);
  };
}
