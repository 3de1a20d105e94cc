import { describe, expect, it, vi } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { verifySignature } from "../../src/testing/engine/verify-signature.js";
import { hssOn, json, rejection, SK, useHostileServer } from "./servers.js";

// The AK/SK signer (src/auth/signing-auth.ts) is imported on a client's first signed request. Here its import
// is held open until the test lets it finish, as a browser's chunk load on a slow network would be: calls
// waiting for it still end with their signal or deadline, and calls that wait it out are all signed.

const loading = vi.hoisted(() => {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
});
vi.mock("../../src/auth/signing-auth.js", async (importOriginal) => {
  await loading.done;
  return importOriginal();
});

const api = useHostileServer((_, response) => json(response, 200, { total_num: 0 }));
const AK = "LAZYSIGNINGAK";
const statistics = { task_type: "iac_scan" } as const;

describe("while the signing module loads", () => {
  it("the caller's signal and the attempt's deadline end the wait; 50 calls that wait it out are each signed", async () => {
    const hss = hssOn(api, { auth: { ak: AK, sk: SK }, retry: false });
    const controller = new AbortController();
    const aborted = rejection(hss.showTaskStatistics(statistics, { signal: controller.signal }));
    const timedOut = rejection(hss.showTaskStatistics(statistics, { timeoutMs: 50 }));
    const waiting = Array.from({ length: 50 }, () => hss.showTaskStatistics(statistics, { timeoutMs: 60_000 }));
    controller.abort(new Error("caller stopped"));
    // Both end while the import is still held open.
    expect(await aborted).toMatchObject({ message: "caller stopped" });
    expect(await timedOut).toBeInstanceOf(TimeoutError);
    expect(api.requests).toHaveLength(0);
    loading.finish();
    expect(await Promise.all(waiting)).toHaveLength(50);
    expect(api.requests).toHaveLength(50);
    for (const seen of api.requests) {
      const received = { method: seen.method, rawUrl: seen.url, headers: seen.headers, body: Buffer.from(seen.body) };
      expect(verifySignature(received, (ak) => (ak === AK ? SK : undefined))).toMatchObject({ ok: true });
    }
  });
});
