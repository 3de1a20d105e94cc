/**
 * `x-client-option: <option>` on a parameter: its value comes from the client's options (e.g. `project_id` ←
 * `projectId`), so it is not part of the method's input. Only the options a client knows (`CLIENT_OPTION_NAMES`,
 * shared with the client) are accepted: any other name would send the path with its placeholder unreplaced.
 */
import { CLIENT_OPTION_NAMES, type ClientOptionName } from "../../../src/core/options.js";
import { extensionProblem, type ExtensionSite } from "./site.js";

export const CLIENT_OPTION = "x-client-option";

/** The client option a parameter (the site's owner) takes its value from, if any. */
export function readClientOption(site: ExtensionSite): ClientOptionName | undefined {
  const value = site.owner.value[CLIENT_OPTION];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(CLIENT_OPTION_NAMES as readonly string[]).includes(value)) {
    extensionProblem(
      site,
      CLIENT_OPTION,
      `${CLIENT_OPTION} ${JSON.stringify(value)} is not an option a client knows (known: ${CLIENT_OPTION_NAMES.join(", ")})`,
    );
  }
  return value as ClientOptionName;
}
