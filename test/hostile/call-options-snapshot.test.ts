import { describe, expect, it } from "vitest";
import type { CallOptions } from "../../src/index.js";
import { hssOn, json, useHostileServer } from "./servers.js";

const api = useHostileServer();

describe("a call's options are read once, when it starts", () => {
  it("an options object changed while the call waits to retry: every attempt keeps the timeout that was checked", async () => {
    const options: { timeoutMs: unknown } = { timeoutMs: 10_000 };
    api.handler = (_, response) => {
      if (api.requests.length === 1) {
        // The caller reuses its options object for something else (here: a value no check would let through).
        options.timeoutMs = -1;
        return json(response, 503, { error_code: "HSS.503", error_msg: "busy" });
      }
      // The retry is answered, though not within the 1 ms that timer would fire after.
      setTimeout(() => json(response, 200, { total_num: 0, data_list: [] }), 200);
    };
    const result = await hssOn(api).listTasks.withResponse({ task_type: "iac_scan" }, options as CallOptions);
    expect(result).toMatchObject({ status: 200, attempts: 2, data: { total_num: 0, data_list: [] } });
  });

  it("a timeoutMs getter is read once: the value checked is the value used", async () => {
    let reads = 0;
    const options = {
      get timeoutMs() {
        return ++reads === 1 ? 10_000 : 0;
      },
    };
    api.handler = (_, response) => {
      setTimeout(() => json(response, 200, { total_num: 0, data_list: [] }), 200);
    };
    await expect(hssOn(api).listTasks({ task_type: "iac_scan" }, options)).resolves.toEqual({
      total_num: 0,
      data_list: [],
    });
    expect(reads).toBe(1);
  });
});
