/**
 * `huaweicloud-task-client/testing` under a runtime without the `node` export condition (a browser bundle,
 * Deno without npm compatibility): the stand-in server is a node:http server, so importing it fails at once
 * with a message that says so, not with a missing `node:http` module deep in a bundler's output.
 */
throw new Error(
  "huaweicloud-task-client/testing (the stand-in server) runs on Node.js only (it is a node:http server); " +
    "start it in your Node test process and point the client at its url",
);

export {};
