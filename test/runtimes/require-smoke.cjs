/**
 * The smoke test through `require()`, as a CommonJS project would load the package:
 *
 *   node require-smoke.cjs <package name> '<config JSON>'
 *
 * The library is loaded with require() (Node 20.19+ and 22.12+ load an ES module this way, without a flag,
 * when its graph has no top-level await); smoke.mjs itself is ESM, so it is imported. Prints the same
 * `SMOKE-RESULT {...}` line as run-smoke.mjs.
 */
"use strict";

const [library, configJson] = process.argv.slice(2);
if (!library || !configJson) throw new Error("usage: require-smoke.cjs <package name> <config JSON>");

const lib = require(library);
if (typeof lib.createHssClient !== "function") throw new Error(`require("${library}") gave no createHssClient`);

import("./smoke.mjs").then(async ({ RESULT_PREFIX, smoke }) => {
  const summary = await smoke(lib, JSON.parse(configJson));
  console.log(RESULT_PREFIX + JSON.stringify({ runtime: `node ${process.version}`, summary }));
});
