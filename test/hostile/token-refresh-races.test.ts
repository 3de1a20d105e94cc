import { describe, expect, it } from "vitest";
import { hssOn, json, rejection, useHostileServer } from "./servers.js";

// Token auth after a 401, with a provider that keeps its token until told (as iamPasswordToken and
// iamAgencyToken do): the refused token is dropped and the provider told once, whichever fetch answered it.

let refusedTokens = new Set<string>();
const api = useHostileServer((request, response) =>
  refusedTokens.has(String(request.headers["x-auth-token"]))
    ? json(response, 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" })
    : json(response, 200, { total_num: 0 }),
);
const statistics = { task_type: "iac_scan" } as const;

/** Keeps T1, T2, … one at a time until `invalidate` names the kept one; answers after `delayMs`. */
function keepingProvider(delayMs = 0) {
  const log: string[] = [];
  let kept: string | undefined;
  let issued = 0;
  const provider = async () => {
    log.push("fetch");
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return (kept ??= `T${++issued}`);
  };
  const invalidate = (token: string) => {
    log.push(`invalidate ${token}`);
    if (token === kept) kept = undefined;
  };
  return { log, provider: Object.assign(provider, { invalidate }) };
}

describe("a 401 for a token answered by a fetch one caller abandoned", () => {
  it("drops it and tells the provider, so the caller still waiting gets a new token on its retry", async () => {
    refusedTokens = new Set(["T1"]);
    const { log, provider } = keepingProvider(200);
    const hss = hssOn(api, { auth: { token: provider }, retry: false });
    // The first call gives up on the shared fetch; the second waits it out and is sent T1, which is refused.
    const abandoned = rejection(hss.showTaskStatistics(statistics, { timeoutMs: 50 }));
    const waited = hss.showTaskStatistics(statistics, { timeoutMs: 10_000 });
    await abandoned;
    await expect(waited).resolves.toEqual({ total_num: 0 });
    expect(api.requests.map((request) => request.headers["x-auth-token"])).toEqual(["T1", "T2"]);
    expect(log).toEqual(["fetch", "invalidate T1", "fetch"]);
  });
});

describe("a 401 storm", () => {
  it("50 concurrent 401s for the kept token, some late: one invalidate, one new fetch, every call sent again", async () => {
    refusedTokens = new Set();
    const { log, provider } = keepingProvider();
    const hss = hssOn(api, { auth: { token: provider }, retry: false });
    await hss.showTaskStatistics(statistics);
    refusedTokens = new Set(["T1"]);
    // The 401s come back spread out, so some arrive after T2 is kept: they must not drop it.
    let refusals = 0;
    api.handler = async (request, response) => {
      if (request.headers["x-auth-token"] === "T1")
        await new Promise((resolve) => setTimeout(resolve, 5 * (refusals++ % 10)));
      json(response, request.headers["x-auth-token"] === "T1" ? 401 : 200, { total_num: 0 });
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => hss.showTaskStatistics(statistics)));
    expect(answers).toHaveLength(50);
    expect(log).toEqual(["fetch", "invalidate T1", "fetch"]);
    const sent = api.requests.map((request) => request.headers["x-auth-token"]);
    expect([sent.filter((token) => token === "T1").length, sent.filter((token) => token === "T2").length]).toEqual([
      51, 50,
    ]);
  });
});
