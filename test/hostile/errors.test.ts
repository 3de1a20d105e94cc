import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type HuaweiCloudError, NetworkError, type TimeoutError } from "../../src/index.js";
import { expectNoSecret, hssOn, json, rejection, TOKEN, useHostileServer } from "./servers.js";

// Issue 16 items 1 and 2: errors say why (the root cause, with the host) and how many attempts were made.

const api = useHostileServer();

/** A loopback port with nothing listening on it (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("network errors carry the root cause and the host, never a credential", () => {
  it("a refused connection: code ECONNREFUSED, host and address in the message, attempts counted", async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const error: NetworkError = await rejection(
      hssOn(api, { endpoint, auth: { token: TOKEN } }).showTaskStatistics({ task_type: "iac_scan" }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", host: `127.0.0.1:${port}`, attempts: 4 });
    expect(error.message).toBe(
      `ShowTaskStatistics failed after 4 attempts: network error reaching 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    for (const text of [error.message, inspect(error, { depth: 10 }), JSON.stringify(error)]) expectNoSecret(text);
  });

  it("a DNS failure (fetch's own error shape, raised by a stub fetch: the tests resolve no names)", async () => {
    const fetch = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("getaddrinfo ENOTFOUND hss.example"), { code: "ENOTFOUND" }),
      });
    };
    const error: NetworkError = await rejection(
      hssOn(api, { endpoint: "https://hss.example", fetch, retry: false }).showTaskStatistics({
        task_type: "iac_scan",
      }),
    );
    expect(error).toMatchObject({ name: "NetworkError", code: "ENOTFOUND", host: "hss.example", attempts: 1 });
    expect(error.message).toBe(
      "ShowTaskStatistics failed: network error reaching hss.example: getaddrinfo ENOTFOUND hss.example",
    );
  });

  it("a reset connection names the socket error", async () => {
    api.handler = (_, response) => void response.socket?.destroy();
    const error: NetworkError = await rejection(
      hssOn(api, { retry: false }).showTaskStatistics({ task_type: "iac_scan" }),
    );
    expect(error).toMatchObject({ name: "NetworkError", host: new URL(api.url).host, attempts: 1 });
    expect(error.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect(error.message).toMatch(/network error reaching 127\.0\.0\.1:\d+: \S/);
  });
});

describe("every error after retries says how many attempts were made", () => {
  it("a 503 four times: HuaweiCloudError after 4 attempts", async () => {
    api.handler = (_, response) => json(response, 503, { error_code: "HSS.503", error_msg: "busy" });
    const error: HuaweiCloudError = await rejection(hssOn(api).showTaskStatistics({ task_type: "iac_scan" }));
    expect(error).toMatchObject({ status: 503, attempts: 4, errorCode: "HSS.503" });
    expect(error.message).toBe(
      "ShowTaskStatistics failed with HTTP 503 after 4 attempts: HSS.503: busy (request id hostile-req)",
    );
  });

  it("a timeout on every attempt: TimeoutError says the per-attempt timeout and the attempts", async () => {
    api.handler = () => {};
    const error: TimeoutError = await rejection(
      hssOn(api, { timeoutMs: 50 }).showTaskStatistics({ task_type: "iac_scan" }),
    );
    expect(error).toMatchObject({ timeoutMs: 50, attempts: 4 });
    expect(error.message).toBe("ShowTaskStatistics timed out after 50 ms (each) after 4 attempts");
  });

  it("a single attempt keeps the short message", async () => {
    api.handler = (_, response) => json(response, 400, { error_code: "HSS.400", error_msg: "bad" });
    await expect(hssOn(api).showTaskStatistics({ task_type: "iac_scan" })).rejects.toThrow(
      /^ShowTaskStatistics failed with HTTP 400: HSS\.400: bad/,
    );
  });

  it("a server's huge error_msg and request id are cut in the message, kept whole in the fields", async () => {
    const long = "m".repeat(100_000);
    api.handler = (_, response) =>
      json(response, 400, { error_code: "HSS.400", error_msg: long }, { "X-Request-Id": "r".repeat(5_000) });
    const error: HuaweiCloudError = await rejection(hssOn(api).showTaskStatistics({ task_type: "iac_scan" }));
    expect(error.message.length).toBeLessThan(700);
    expect(error.errorMsg).toBe(long);
  });
});
