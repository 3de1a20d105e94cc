import type { AuthStrategy } from "../auth/strategy.js";
import type { Credentials } from "./credentials.js";

/**
 * How a client finds the values it was not given: `projectId` from the credentials (`HUAWEICLOUD_SDK_PROJECT_ID`,
 * the profile's `project_id`), else from IAM for `region`. Undefined when the auth has no keys to look with
 * (token auth): a call that needs the value then fails naming the option. The lookup's module (and through it
 * the IAM client) is loaded when a call first needs it, not when a client is created.
 */
export function clientValueLookup(
  auth: AuthStrategy,
  region: string | undefined,
  fetch: ((request: Request) => Promise<Response>) | undefined,
): ((name: string) => Promise<unknown>) | undefined {
  const credentials = auth.credentials;
  if (credentials === undefined) return undefined;
  let lookup: Promise<(credentials: Credentials) => Promise<string>> | undefined;
  return async (name) => {
    if (name !== "projectId") return undefined;
    const keys = await credentials();
    if (keys.projectId !== undefined || region === undefined) return keys.projectId;
    lookup ??= import("./project-id.js").then(({ projectIdLookup }) => projectIdLookup({ region, fetch }));
    return (await lookup)(keys);
  };
}
