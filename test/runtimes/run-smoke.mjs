/**
 * Command-line entry of the smoke test for server-side runtimes (Node, Bun, Deno):
 *
 *   <runtime> test/runtimes/run-smoke.mjs <library module URL or specifier> '<config JSON>'
 *
 * Prints `SMOKE-RESULT {...}` and exits 0, or exits non-zero with the error (an uncaught rejection) on failure.
 * Arguments come from Deno.args under Deno and from process.argv elsewhere; nothing else runtime-specific.
 */
import { RESULT_PREFIX, smoke } from "./smoke.mjs";

const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const [library, configJson] = args;
if (!library || !configJson) throw new Error("usage: run-smoke.mjs <library> <config JSON>");

const lib = await import(library);
const summary = await smoke(lib, JSON.parse(configJson));
console.log(RESULT_PREFIX + JSON.stringify({ runtime: runtimeName(), summary }));

function runtimeName() {
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  return `node ${globalThis.process.version}`;
}
