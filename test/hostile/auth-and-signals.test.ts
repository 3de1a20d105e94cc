import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { hssOn, json, rejection, TOKEN, useHostileServer } from "./servers.js";

// Issue 11 items 3 and 9: a hung token provider is bounded by the call; a client signal costs one listener.

const api = useHostileServer((_, response) => json(response, 200, { total_num: 0 }));

const never = () => new Promise<string>(() => {});

describe("token providers are bounded by the call (item 3)", () => {
  it("a provider that never settles fails the call with a TimeoutError; the next call asks the provider again", async () => {
    let asked = 0;
    const provider = () => (++asked === 1 ? never() : Promise.resolve(TOKEN));
    const hss = hssOn(api, { auth: { token: provider }, timeoutMs: 100, retry: false });
    const started = performance.now();
    const error: TimeoutError = await rejection(hss.showTaskStatistics({ task_type: "iac_scan" }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, attempts: 1 });
    expect(api.requests).toHaveLength(0);
    // The second call gets room to answer on a busy machine: what it shows is that the provider is asked again.
    await expect(hss.showTaskStatistics({ task_type: "iac_scan" }, { timeoutMs: 10_000 })).resolves.toEqual({
      total_num: 0,
    });
    expect(asked).toBe(2);
    expect(api.requests.map((request) => request.headers["x-auth-token"])).toEqual([TOKEN]);
  });

  it("with retries, each attempt asks again: a provider hung once is recovered from within the call", async () => {
    let asked = 0;
    const provider = () => (++asked === 1 ? never() : Promise.resolve(TOKEN));
    // 1 s per attempt: long enough for the recovered attempt on a busy machine, short enough to end the hung one.
    await expect(
      hssOn(api, { auth: { token: provider }, timeoutMs: 1_000 }).showTaskStatistics({ task_type: "iac_scan" }),
    ).resolves.toEqual({ total_num: 0 });
    expect(asked).toBe(2);
  });

  it("the caller's signal ends the wait with its reason", async () => {
    const controller = new AbortController();
    const pending = hssOn(api, { auth: { token: never } }).showTaskStatistics(
      { task_type: "iac_scan" },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("caller stopped")), 20);
    await expect(pending).rejects.toThrow("caller stopped");
    expect(api.requests).toHaveLength(0);
  });

  it("a slow provider does not stretch the timeout by its own time", async () => {
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve(TOKEN), 3_000));
    const started = performance.now();
    await expect(
      hssOn(api, { auth: { token: slow }, timeoutMs: 100, retry: false }).showTaskStatistics({ task_type: "iac_scan" }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_500);
  });
});

describe("one abort listener per client signal (item 9)", () => {
  it("50 concurrent calls on a client signal: one listener, no MaxListenersExceededWarning, all aborted with its reason", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const hss = hssOn(api, { signal: controller.signal });
      await Promise.all(Array.from({ length: 50 }, () => hss.showTaskStatistics({ task_type: "iac_scan" })));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);

      api.handler = () => {}; // never answers
      const pending = Array.from({ length: 50 }, () => rejection(hss.showTaskStatistics({ task_type: "iac_scan" })));
      while (api.requests.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort(new Error("shutdown"));
      const errors = await Promise.all(pending);
      expect(errors.every((error) => error.message === "shutdown")).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
