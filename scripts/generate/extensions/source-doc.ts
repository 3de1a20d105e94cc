/**
 * `x-source-doc` on every operation: the page it was transcribed from, as a path into docs/pages/, or an
 * `https://` URL where no page is kept. The rule is the reader's `classifySourceDoc`, shared with docs:check;
 * whether the page exists is docs:check's business, not the generator's.
 */
import { classifySourceDoc } from "../../openapi/index.js";
import { extensionProblem, requiredString, type ExtensionSite } from "./site.js";

export const SOURCE_DOC = "x-source-doc";

export function readSourceDoc(site: ExtensionSite): string {
  const value = requiredString(site, SOURCE_DOC, site.owner.value[SOURCE_DOC]);
  const source = classifySourceDoc(value);
  if (source.kind === "invalid") extensionProblem(site, SOURCE_DOC, `${SOURCE_DOC}: ${source.reason}`);
  return value;
}
