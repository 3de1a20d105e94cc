/**
 * `huaweicloud-task-client/testing` under a runtime without the `node` export condition (a browser bundle,
 * Deno without npm compatibility): the stand-in server is a node:http server, so importing it fails at once
 * with a message that says so, not with a missing `node:http` module deep in a bundler's output. Listed in
 * package.json "sideEffects" so bundlers keep the throw; `startStandInServer` is here only so that bundlers
 * resolve the named import and reach it.
 */
const NODE_ONLY =
  "huaweicloud-task-client/testing (the stand-in server) runs on Node.js only (it is a node:http server); " +
  "start it in your Node test process and point the client at its url";

throw new Error(NODE_ONLY);

export function startStandInServer(): never {
  throw new Error(NODE_ONLY);
}
