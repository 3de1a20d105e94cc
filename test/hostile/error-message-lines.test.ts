import { describe, expect, it } from "vitest";
import type { HuaweiCloudError, RedirectError } from "../../src/index.js";
import { hssOn, json, rejection, useHostileServer } from "./servers.js";

const api = useHostileServer();

// Server text that would forge a log entry of its own and colour a terminal.
const FORGED = "denied\r\n2026-11-26T17:00:00Z INFO ListTasks 200 ok\u001b[2K\u0085\u2028";
// Any line break, C0/C1 control, DEL or Unicode line/paragraph separator left raw in a message.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe("server text quoted in an error message stays on one line, its controls escaped", () => {
  it("error_code and error_msg of a JSON error body (the fields keep them as sent)", async () => {
    api.handler = (_, response) => json(response, 403, { error_code: `HSS.\n403`, error_msg: FORGED });
    const error: HuaweiCloudError = await rejection(hssOn(api).listTasks({ task_type: "iac_scan" }));
    expect(error.message).not.toMatch(RAW_CONTROL);
    expect(error.message).toBe(
      "ListTasks failed with HTTP 403: HSS.\\n403: denied\\r\\n2026-11-26T17:00:00Z INFO ListTasks 200 ok\\u001b[2K\\u0085\\u2028 (request id hostile-req)",
    );
    expect(error.errorMsg).toBe(FORGED);
  });

  it("a surrogate without its other half (a JSON \\ud800 escape) is escaped too; a whole pair is kept", async () => {
    const text = "x\ud800y\udc00z \u{1f600}";
    api.handler = (_, response) => json(response, 403, { error_code: "HSS.403", error_msg: text });
    const error: HuaweiCloudError = await rejection(hssOn(api).listTasks({ task_type: "iac_scan" }));
    expect(error.message).toBe(
      "ListTasks failed with HTTP 403: HSS.403: x\\ud800y\\udc00z \u{1f600} (request id hostile-req)",
    );
    expect(error.errorMsg).toBe(text);
  });

  it("an error body that is not JSON (a proxy's page)", async () => {
    api.handler = (_, response) => {
      response.writeHead(502, { "Content-Type": "text/plain" });
      response.end(`bad gateway\n${FORGED}`);
    };
    const error: HuaweiCloudError = await rejection(hssOn(api, { retry: false }).listTasks({ task_type: "iac_scan" }));
    expect(error.message).toMatch(/^ListTasks failed with HTTP 502: bad gateway\\ndenied\\r\\n/);
    expect(error.message).not.toMatch(RAW_CONTROL);
    expect(error.body).toBe(`bad gateway\n${FORGED}`);
  });

  it("a redirect's Location with a C1 control (obs-text a header may carry)", async () => {
    api.handler = (_, response) => {
      response.writeHead(307, { Location: "http://127.0.0.1:1/\u009b31m" });
      response.end();
    };
    const error: RedirectError = await rejection(hssOn(api).listTasks({ task_type: "iac_scan" }));
    expect(error.message).toContain('to "http://127.0.0.1:1/\\u009b31m"');
    expect(error.message).not.toMatch(RAW_CONTROL);
  });
});
