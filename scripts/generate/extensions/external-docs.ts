/**
 * `externalDocs.url` on every operation (standard OpenAPI): the public URL of the operation's Huawei Cloud
 * documentation page, which the method's doc comment links with `@see` (docs/pages/README.md lists the URL of
 * each source page). Required, so that every method's hover leads to its documentation.
 */
import { extensionProblem, requiredString, type ExtensionSite } from "./site.js";

export const EXTERNAL_DOCS = "externalDocs";

export function readExternalDocsUrl(site: ExtensionSite): string {
  const value = site.owner.value[EXTERNAL_DOCS];
  const given = typeof value === "object" && value !== null ? (value as Record<string, unknown>).url : undefined;
  const url = requiredString(site, EXTERNAL_DOCS, given, ["url"]);
  if (!isHttpsUrl(url))
    extensionProblem(
      site,
      EXTERNAL_DOCS,
      `${EXTERNAL_DOCS}.url must be an https:// URL (the public documentation page)`,
      ["url"],
    );
  return url;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:" && !/\s/.test(text);
  } catch {
    return false;
  }
}
