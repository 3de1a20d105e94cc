import { CLIENT_OPTION } from "./client-option.js";
import { PAGINATION } from "./pagination-shape.js";
import { RETRY_SAFE } from "./retry-safe.js";
import { extensionProblem, type ExtensionSite } from "./site.js";
import { SOURCE_DOC } from "./source-doc.js";

/** The `x-` extensions the generator reads on an operation, and on a parameter. */
export const OPERATION_EXTENSIONS = [SOURCE_DOC, RETRY_SAFE, PAGINATION] as const;
export const PARAMETER_EXTENSIONS = [CLIENT_OPTION] as const;

/**
 * Refuses an `x-` key of the owner that the generator does not read: a misspelt optional extension
 * (`x-paginaton`) would otherwise be ignored, and the operation generated without the fact it states.
 */
export function refuseUnknownExtensions(site: ExtensionSite, known: readonly string[]): void {
  for (const key of Object.keys(site.owner.value)) {
    if (key.startsWith("x-") && !known.includes(key))
      extensionProblem(site, key, `${key} is not an extension the generator knows here (known: ${known.join(", ")})`);
  }
}
