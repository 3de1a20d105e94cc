/**
 * `x-client-option: <option>` on a parameter: its value comes from the client's options (e.g. `project_id` ←
 * `projectId`), so it is not part of the method's input.
 */
import { extensionProblem, type ExtensionSite } from "./site.js";

export const CLIENT_OPTION = "x-client-option";

/** The client option a parameter (the site's owner) takes its value from, if any. */
export function readClientOption(site: ExtensionSite): string | undefined {
  const value = site.owner.value[CLIENT_OPTION];
  if (value !== undefined && (typeof value !== "string" || value === "")) extensionProblem(site, CLIENT_OPTION, `${CLIENT_OPTION} must be a string`);
  return value;
}
