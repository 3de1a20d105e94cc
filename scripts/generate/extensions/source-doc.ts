/**
 * `x-source-doc` on every operation: the page it was transcribed from — a path relative to the repository root
 * (`docs/pages/…`, or a bare page file name) or an `https://` URL where no page is kept. Whether the file
 * exists is docs:check's business, not the generator's.
 */
import { extensionProblem, requiredString, type ExtensionSite } from "./site.js";

export const SOURCE_DOC = "x-source-doc";

export function readSourceDoc(site: ExtensionSite): string {
  const value = requiredString(site, SOURCE_DOC, site.owner.value[SOURCE_DOC]);
  if (!isHttpsUrl(value) && !isRepositoryPath(value)) {
    extensionProblem(site, SOURCE_DOC, `${SOURCE_DOC} must be a repository-relative path or an https:// URL; found ${JSON.stringify(value)}`);
  }
  return value;
}

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === "https:";
}

/** Forward slashes, no leading slash, no scheme, no `.`/`..` or empty segments: it stays inside the repository. */
function isRepositoryPath(value: string): boolean {
  if (value.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  return value.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
