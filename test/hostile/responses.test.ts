import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InvalidResponseError, type TimeoutError } from "../../src/index.js";
import { parseRetryAfter } from "../../src/core/retry-policy.js";
import { hssOn, json, rejection, useHostileServer } from "./servers.js";

// Issue 11 items 5 and 8, and what the review of the response path found: size, stalled bodies, compression.

const api = useHostileServer();

const statistics = (options = {}) => hssOn(api, options).showTaskStatistics({ task_type: "iac_scan" });

describe("a 2xx body must be the documented top-level type (item 5)", () => {
  it.each([
    ["an empty body", "", "empty", "nothing"],
    ["null", "null", "wrong-type", "null"],
    ["an array", "[1,2]", "wrong-type", "an array"],
    ["a string", '"data_list"', "wrong-type", "a string"],
    ["a number", "42", "wrong-type", "an integer"],
  ])(
    "%s is an InvalidResponseError with status, request id and operation, not retried",
    async (_, body, reason, got) => {
      api.handler = (_, response) => json(response, 200, body);
      const error: InvalidResponseError = await rejection(statistics());
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({
        status: 200,
        reason,
        requestId: "hostile-req",
        operation: "ShowTaskStatistics",
        attempts: 1,
        contentType: "application/json",
      });
      expect(error.message).toContain(`expected an object, got ${got}`);
      expect(api.requests).toHaveLength(1);
    },
  );

  it("an HTML page with 200 (a proxy's) is not-json, and says its Content-Type", async () => {
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.end("<html><body>Please log in</body></html>");
    };
    await expect(statistics()).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "not-json",
      contentType: "text/html",
      message: expect.stringContaining("Content-Type text/html"),
    });
  });

  it("truncated JSON is not-json", async () => {
    api.handler = (_, response) => json(response, 200, '{"total_num": 1, "data_li');
    await expect(statistics()).rejects.toMatchObject({ reason: "not-json" });
  });

  it("response enums stay open: a task type or status the spec does not list passes through", async () => {
    const page = {
      total_num: 1,
      data_list: [{ task_id: "t1", task_type: "a_type_from_next_year", task_status: "paused" }],
    };
    api.handler = (_, response) => json(response, 200, page);
    await expect(hssOn(api).listTasks({ task_type: "iac_scan" })).resolves.toEqual(page);
  });
});

describe("response size is bounded (found in review)", () => {
  it("a declared Content-Length above maxResponseBytes is refused before reading", async () => {
    api.handler = (_, response) => json(response, 200, JSON.stringify({ pad: "x".repeat(2_000) }));
    await expect(statistics({ maxResponseBytes: 1_000 })).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "too-large",
      status: 200,
      attempts: 1,
    });
  });

  it("an endless chunked body is cut off at the limit, well before the deadline", async () => {
    let written = 0;
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    };
    const started = performance.now();
    await expect(statistics({ maxResponseBytes: 1_000_000, timeoutMs: 20_000 })).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "too-large",
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(written).toBeLessThan(100_000_000);
  });

  it("a small gzip body that inflates past the limit is cut off (Content-Length counts compressed bytes)", async () => {
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    api.handler = (_, response) => {
      response.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        "Content-Length": String(bomb.length),
      });
      response.end(bomb);
    };
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(statistics({ maxResponseBytes: 1_000_000 })).rejects.toMatchObject({ reason: "too-large" });
  });

  it("a body that stalls after the headers is ended by the attempt's deadline, retried, then a TimeoutError", async () => {
    api.handler = (_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"total_num":');
    };
    const started = performance.now();
    const error: TimeoutError = await rejection(
      statistics({ timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } }),
    );
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 100, attempts: 2 });
    expect(error.message).toContain("after 2 attempts");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(api.requests).toHaveLength(2);
  });
});

describe("Retry-After: delta-seconds or an HTTP-date, nothing else (item 8)", () => {
  it.each(["-1", "-5", "1.5", "5, 10", "soon", "0x10", "1e3", "Sun, 06 Nov 1994 08:49:37"])(
    "%j is unreadable: the backoff applies",
    (value) => {
      expect(parseRetryAfter(value)).toBeUndefined();
    },
  );

  it("the three HTTP-date forms are read as GMT, and seconds as seconds", () => {
    const now = Date.parse("1994-11-06T08:49:30Z");
    for (const date of [
      "Sun, 06 Nov 1994 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37 GMT",
      "Sun Nov  6 08:49:37 1994",
    ]) {
      expect(parseRetryAfter(date, now)).toBe(7_000);
    }
    expect(parseRetryAfter(" 3 ")).toBe(3_000);
  });

  it("against a server: garbage Retry-After is retried with the backoff; a wait longer than maxDelayMs returns at once", async () => {
    let seen = 0;
    api.handler = (_, response) =>
      ++seen < 4
        ? json(response, 503, {}, { "Retry-After": ["-1", "1.5", "5, 10"][seen - 1]! })
        : json(response, 200, { total_num: 0 });
    await expect(statistics()).resolves.toEqual({ total_num: 0 });
    expect(api.requests).toHaveLength(4);

    api.requests.length = 0;
    api.handler = (_, response) => json(response, 503, {}, { "Retry-After": "99999999999999999999" });
    await expect(statistics()).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(api.requests).toHaveLength(1);
  });
});
