// TypeDoc for `npm run docs:build` (scripts/docs-build.ts): the package root's exports, into site/api.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  entryPoints: ["src/index.ts"],
  tsconfig: "tsconfig.json",
  name: "huaweicloud-task-client",
  readme: "none",
  excludePrivate: true,
  excludeInternal: true,
  // Links to source lines would point at a repository; the package ships src/ and its maps instead.
  disableSources: true,
  // openapi-typescript writes these tags into generated/<service>/types.ts.
  blockTags: [...OptionDefaults.blockTags, "@description", "@enum"],
  // Internal helpers named in public signatures (paths, components, MethodArgs…) are documented by their
  // expansion where used; listing each as "not exported" would only be noise.
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  logLevel: "Warn",
};
