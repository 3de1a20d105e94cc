/**
 * `npm run build`, last step: the Node entries as one module graph of a few files (dist/node/), bundled from the
 * modules tsc wrote to dist/src. Why: Node resolves, reads and compiles each ES module of a graph on its own, and
 * the ~60 modules of dist/src cost a first call ~50 ms of loading (profiled: a third of its CPU); bundled, a
 * first call is ~30 ms faster. The entries are bundled together, with their shared code in chunks, so the root
 * and `./credentials` share one copy of every class (`instanceof` holds across them). The package imports
 * (`#transport`, `#digest`, …) are resolved here for Node; Bun, Deno and browsers keep dist/src, where they
 * resolve by runtime. openapi-fetch stays a dependency, imported as is. Source maps chain through dist/src to src/.
 */
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

await build({
  absWorkingDir: ROOT,
  entryPoints: { index: "dist/src/index.js", credentials: "dist/src/credentials/node.js" },
  outdir: join(ROOT, "dist/node"),
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
});
