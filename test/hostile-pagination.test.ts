// Hostile pagination (issue 11, item 6): servers that lie about the total, ignore the offset, shuffle repeats,
// go round in marker circles or send something else where the list should be. Every walk ends, yields no item
// twice, and ends with an InvalidPageError (an InvalidResponseError) naming what the server did, with the
// page's status, request id and operation — and the server saw exactly the requests listed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createHssClient,
  InvalidInputError,
  InvalidPageError,
  InvalidResponseError,
  paginate,
  type HssClient,
} from "../src/index.js";
import {
  honest,
  pagingClient,
  startPagingServer,
  widgets,
  type PagingMethods,
  type PagingServer,
} from "./fixtures/pagination/service.js";

let server: PagingServer;
let hss: HssClient;
let fixture: PagingMethods;

beforeAll(async () => {
  server = await startPagingServer();
  hss = createHssClient({ projectId: "p1", endpoint: server.url, auth: { token: "t" }, retry: false });
  fixture = pagingClient(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Full pages of fresh tasks at any offset (the list never ends), with `total_num` as given. */
function endlessTasks(totalNum: unknown) {
  return ({ query }: { query: URLSearchParams }) => {
    const offset = Number(query.get("offset"));
    const limit = Number(query.get("limit"));
    return {
      body: {
        total_num: totalNum,
        data_list: Array.from({ length: limit }, (_, index) => ({ task_id: `t-${offset + index}` })),
      },
    };
  };
}

/** Runs a walk to its end; returns the items yielded and what it threw. */
async function walk<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

function expectPageError(error: unknown, fields: { behaviour: string; operation: string; requestId: string }): void {
  expect(error).toBeInstanceOf(InvalidPageError);
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect(error).toMatchObject({ name: "InvalidResponseError", status: 200, ...fields });
  expect((error as Error).message).toContain(`${fields.operation}: the server`);
}

describe("a walk that always ends", () => {
  it('total_num "400" (a string) with endless full pages: refused at the first page (was: 531 requests in 3 s)', async () => {
    server.handler = endlessTasks("400");
    const { items, error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "invalid-total", operation: "ListTasks", requestId: "req-1" });
    expect((error as Error).message).toContain(
      'sent the string "400" as the total ("total_num"), not a whole number ≥ 0',
    );
    expect(items).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it.each([-1, 1.5, 2 ** 53])("total_num %s: refused at the first page", async (total) => {
    server.handler = endlessTasks(total);
    const { error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "invalid-total", operation: "ListTasks", requestId: "req-1" });
    expect(server.requests).toHaveLength(1);
  });

  it("total_num 1e12, beyond ListTasks' offset maximum: refused at the first page, blaming the server (was: 10,001 requests, then InvalidInputError on the caller's offset)", async () => {
    server.handler = endlessTasks(1e12);
    const { items, error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "total-beyond-reach", operation: "ListTasks", requestId: "req-1" });
    expect((error as Error).message).toContain(
      "reports a total of 1000000000000 items, more than ListTasks can page through (offset at most 2000000)",
    );
    expect(items).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it("total_num 1e12 with maxItems within reach: walks what was asked for", async () => {
    server.handler = endlessTasks(1e12);
    expect(await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { maxItems: 500 })).toHaveLength(500);
    expect(server.requests.map((request) => request.query.get("limit"))).toEqual(["200", "200", "100"]);
  });

  it("no total and endless full pages: ends at the operation's offset maximum", async () => {
    // ListNoTotal: offset at most 1000, pages of 50 → offsets 0, 50, …, 1000 (21 requests), then the error.
    server.handler = ({ query }) => ({
      body: { widgets: widgets(2000).slice(Number(query.get("offset")), Number(query.get("offset")) + 50) },
    });
    const { items, error } = await walk(paginate(fixture.listNoTotal));
    expectPageError(error, { behaviour: "past-offset-maximum", operation: "ListNoTotal", requestId: "req-21" });
    expect(items).toHaveLength(1050);
    expect(new Set(items.map((item) => item.id)).size).toBe(1050);
    expect(server.requests).toHaveLength(21);
  });
});

describe("no item twice", () => {
  it("the same page re-sent in shuffled order: 200 distinct items, then the error (was: 1,991 items, 200 distinct)", async () => {
    const page = Array.from({ length: 200 }, (_, index) => ({ task_id: `t-${index}` }));
    server.handler = () => ({ body: { total_num: 2000, data_list: [...page].sort(() => Math.random() - 0.5) } });
    const { items, error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expect(items).toHaveLength(200);
    expect(new Set(items.map((task) => task.task_id)).size).toBe(200);
    expectPageError(error, { behaviour: "repeated-page", operation: "ListTasks", requestId: "req-2" });
    expect(server.requests).toHaveLength(2);
  });

  it("repeats of the page before, reordered, at the start or anywhere on the next page are dropped by key", async () => {
    const tasks = Array.from({ length: 500 }, (_, index) => ({ task_id: `t-${index}`, n: index }));
    server.handler = ({ query }) => {
      const offset = Number(query.get("offset"));
      const slice = tasks.slice(offset, offset + 200);
      // Each later page carries five items of the page before, shuffled in among its own.
      const repeats = offset === 0 ? [] : tasks.slice(offset - 5, offset).reverse();
      return { body: { total_num: 500, data_list: [...slice.slice(0, 100), ...repeats, ...slice.slice(100)] } };
    };
    const seen = (await paginate.all(hss.listTasks, { task_type: "iac_scan" })).map((task) => task.task_id);
    expect(seen).toEqual(tasks.map((task) => task.task_id));
    expect(server.requests).toHaveLength(3);
  });

  it("a marker that repeats: the walk ends with the error instead of going round", async () => {
    // page_info.next_marker alternates between two values: m-1, m-2, m-1 …
    server.handler = () => {
      const n = server.requests.length;
      return {
        body: { widgets: widgets(50 * n).slice(50 * (n - 1)), page_info: { next_marker: `m-${((n - 1) % 2) + 1}` } },
      };
    };
    const { items, error } = await walk(paginate(fixture.listMarkerBody));
    expectPageError(error, { behaviour: "repeated-marker", operation: "ListMarkerBody", requestId: "req-3" });
    expect((error as Error).message).toContain('answered with the marker "m-1" a second time');
    expect(items).toHaveLength(150);
    expect(server.requests.map((request) => request.query.get("marker"))).toEqual([null, "m-1", "m-2"]);
  });

  it("a marker that does not move (the same page again): the page error at the second request", async () => {
    server.handler = () => ({ body: widgets(50) });
    const { items, error } = await walk(paginate(fixture.listMarkerLastItem));
    expectPageError(error, { behaviour: "repeated-page", operation: "ListMarkerLastItem", requestId: "req-2" });
    expect(items).toHaveLength(50);
    expect(server.requests).toHaveLength(2);
  });
});

describe("the list must be a list, the total a number", () => {
  it("a string where the list should be (was: its characters iterated)", async () => {
    server.handler = () => ({ body: { total_num: 3, data_list: "abc" } });
    const { items, error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "items-not-array", operation: "ListTasks", requestId: "req-1" });
    expect((error as Error).message).toContain('sent the string "abc" where the list "data_list" was documented');
    expect(items).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it("a string quoted in the message is cut as other server text is, its controls escaped (one line)", async () => {
    const text = `x\u2028\u0085\u007f${"y".repeat(100)}`;
    server.handler = () => ({ body: { total_num: text, data_list: [] } });
    const { error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "invalid-total", operation: "ListTasks", requestId: "req-1" });
    expect((error as Error).message).toContain(
      `sent the string "x\\u2028\\u0085\\u007f${"y".repeat(36)}… (64 more characters)" as the total`,
    );
  });

  it("an object where an array body should be: the response check refuses it before the walk reads it", async () => {
    server.handler = () => ({ body: { widgets: [] } });
    const { error } = await walk(paginate(fixture.listMarkerLastItem));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: "wrong-type", operation: "ListMarkerLastItem", requestId: "req-1" });
    expect(server.requests).toHaveLength(1);
  });

  it("a Content-Range that is not one, and a marker that is neither a string nor a number", async () => {
    server.handler = (page) => ({ ...honest(widgets(100))(page), headers: { "Content-Range": "lots" } });
    expectPageError((await walk(paginate(fixture.listHeaderTotal))).error, {
      behaviour: "invalid-total",
      operation: "ListHeaderTotal",
      requestId: "req-1",
    });
    server.reset();
    server.handler = () => ({ body: { widgets: widgets(50), page_info: { next_marker: { id: 1 } } } });
    expectPageError((await walk(paginate(fixture.listMarkerBody))).error, {
      behaviour: "invalid-marker",
      operation: "ListMarkerBody",
      requestId: "req-1",
    });
  });
});

describe("a next marker the operation's spec refuses (ListMarkerBody: at most 64 characters)", () => {
  it("is the server's doing: InvalidPageError about the page that sent it, the marker quoted cut (was: InvalidInputError on a field the caller never set)", async () => {
    const huge = `m${"x".repeat(1_000_000)}`;
    server.handler = () => ({ body: { widgets: widgets(50), page_info: { next_marker: huge } } });
    const { items, error } = await walk(paginate(fixture.listMarkerBody));
    expectPageError(error, { behaviour: "invalid-marker", operation: "ListMarkerBody", requestId: "req-1" });
    expect((error as Error).message).toContain(
      "sent a next marker ListMarkerBody does not take (a string of at most 64",
    );
    expect((error as Error).message).toContain("… (999901 more characters)");
    expect((error as Error).message.length).toBeLessThan(500);
    expect(items).toHaveLength(50);
    expect(server.requests).toHaveLength(1);
  });

  it("a marker the caller passes is still the caller's: InvalidInputError, nothing sent", async () => {
    const { error } = await walk(paginate(fixture.listMarkerBody, { marker: "x".repeat(65) }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: "marker", attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });
});

describe("a page error's request id in its message", () => {
  it("is cut as other server text is: a 10 000-character X-Request-Id does not make a 10 000-character message", async () => {
    const requestId = "r".repeat(10_000);
    server.handler = () => ({ body: { total_num: "400", data_list: [] }, headers: { "X-Request-Id": requestId } });
    const { error } = await walk(paginate(hss.listTasks, { task_type: "iac_scan" }));
    expectPageError(error, { behaviour: "invalid-total", operation: "ListTasks", requestId });
    expect((error as Error).message.length).toBeLessThan(400);
    expect((error as Error).message).toContain("(9900 more characters)");
  });
});
