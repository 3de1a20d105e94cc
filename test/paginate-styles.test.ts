// Every x-pagination style of the paging fixture (test/fixtures/pagination/paging.v1.yaml) against a loopback
// server: the items, in order, once each, with the requests each style should make; the generator's checks of
// each style's facts; concurrency for offset paging; timeoutMs and signal.
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { HuaweiCloudError, paginate, TimeoutError, type ItemOf, type OutputOf } from "../src/index.js";
import {
  FIXTURE_FILE,
  FIXTURE_SOURCE,
  honest,
  pagingClient,
  pagingTable,
  startPagingServer,
  widgets,
  type PagingMethods,
  type PagingServer,
  type Widget,
} from "./fixtures/pagination/service.js";

let server: PagingServer;
let client: PagingMethods;
const WIDGETS = widgets(437);
const ids = (items: readonly { id?: string }[]) => items.map((item) => item.id);
const queries = (name: string) => server.requests.map((request) => request.query.get(name));

beforeAll(async () => {
  server = await startPagingServer(honest(WIDGETS));
  client = pagingClient(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const EMPTY_HEADERS: Record<string, string> = {};

describe("each paging style walks the whole list once, in order", () => {
  it("offset, total in the body", async () => {
    expect(ids(await paginate.all(client.listBodyTotal))).toEqual(ids(WIDGETS));
    expect(queries("offset")).toEqual(["0", "50", "100", "150", "200", "250", "300", "350", "400"]);
    expect(queries("limit").every((limit) => limit === "50")).toBe(true);
  });

  it("offset, total in Content-Range, string offset/limit, the body an array", async () => {
    expect(ids(await paginate.all(client.listHeaderTotal))).toEqual(ids(WIDGETS));
    expect(server.requests).toHaveLength(9);
    server.reset();
    // A total that is a multiple of the page size: the header's total ends the walk without an empty page.
    server.handler = honest(WIDGETS.slice(0, 400));
    expect(await paginate.all(client.listHeaderTotal)).toHaveLength(400);
    expect(queries("offset")).toEqual(["0", "50", "100", "150", "200", "250", "300", "350"]);
  });

  it("offset, total in Content-Range: the caller's string limit and offset are used, and pages() yields the arrays", async () => {
    const pages: Widget[][] = [];
    for await (const page of paginate.pages(client.listHeaderTotal, { limit: "20", offset: "400" })) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([20, 17]);
    expect(queries("limit")).toEqual(["20", "20"]);
    expect(queries("offset")).toEqual(["400", "420"]);
  });

  it("offset, total in Content-Range: `*/*` or a missing header means no total; the short page ends the walk", async () => {
    server.handler = (page) => ({
      ...honest(WIDGETS)(page),
      headers: page.query.get("offset") === "0" ? { "Content-Range": "*/*" } : EMPTY_HEADERS,
    });
    expect(await paginate.all(client.listHeaderTotal)).toHaveLength(437);
  });

  it("offset, no total: the short (or empty) page ends the walk", async () => {
    expect(ids(await paginate.all(client.listNoTotal))).toEqual(ids(WIDGETS));
    expect(server.requests).toHaveLength(9);
    server.reset();
    server.handler = honest(WIDGETS.slice(0, 100));
    expect(await paginate.all(client.listNoTotal)).toHaveLength(100);
    expect(queries("offset")).toEqual(["0", "50", "100"]); // nothing says the list ended but an empty page
  });

  it("marker from the last item's id", async () => {
    expect(ids(await paginate.all(client.listMarkerLastItem))).toEqual(ids(WIDGETS));
    expect(queries("marker")).toEqual([
      null,
      "w-0050",
      "w-0100",
      "w-0150",
      "w-0200",
      "w-0250",
      "w-0300",
      "w-0350",
      "w-0400",
    ]);
  });

  it("marker from page_info.next_marker: the last page has none", async () => {
    server.handler = honest(WIDGETS.slice(0, 400));
    expect(ids(await paginate.all(client.listMarkerBody))).toEqual(ids(WIDGETS.slice(0, 400)));
    expect(server.requests).toHaveLength(8);
    server.reset();
    // Starting after a caller's marker, with maxItems: asks for no more than still wanted.
    expect(ids(await paginate.all(client.listMarkerBody, { marker: "w-0100" }, { maxItems: 60 }))).toEqual(
      ids(WIDGETS.slice(100, 160)),
    );
    expect(queries("limit")).toEqual(["50", "10"]);
  });

  it("types: items inferred from a field or from an array body", () => {
    expectTypeOf<ItemOf<PagingMethods["listHeaderTotal"]>>().toEqualTypeOf<Widget>();
    expectTypeOf<ItemOf<PagingMethods["listMarkerBody"]>>().toEqualTypeOf<Widget>();
    expectTypeOf<OutputOf<PagingMethods["listHeaderTotal"]>>().toEqualTypeOf<Widget[]>();
  });
});

describe("concurrency (offset paging, once the first page told the total)", () => {
  it("fetches up to `concurrency` pages at a time and yields every item in order, once", async () => {
    server.handler = honest(WIDGETS, 15);
    expect(ids(await paginate.all(client.listBodyTotal, {}, { concurrency: 4 }))).toEqual(ids(WIDGETS));
    expect(server.maxInFlight).toBe(4);
    expect(server.requests).toHaveLength(9);
    expect(new Set(queries("offset")).size).toBe(9);
  });

  it("is off by default, and has nothing to fetch ahead of without a total", async () => {
    server.handler = honest(WIDGETS, 5);
    await paginate.all(client.listBodyTotal);
    expect(server.maxInFlight).toBe(1);
    server.reset();
    server.handler = honest(WIDGETS, 5);
    expect(await paginate.all(client.listNoTotal, {}, { concurrency: 4 })).toHaveLength(437);
    expect(server.maxInFlight).toBe(1);
  });

  it("leaving the loop aborts the requests in flight and sends no more", async () => {
    // Pages after the second answer slowly, so they are still in flight when the loop leaves.
    server.handler = (page) => ({
      ...honest(WIDGETS)(page),
      delayMs: Number(page.query.get("offset")) >= 100 ? 2000 : 0,
    });
    let seen = 0;
    for await (const _ of paginate(client.listBodyTotal, {}, { concurrency: 4 })) if (++seen === 60) break;
    // Page 1, then pages 2–5 fetched ahead; the loop left during page 2, so 3–5 were cancelled.
    expect(server.requests).toHaveLength(5);
    await vi.waitFor(() => expect(server.aborted).toBe(3)); // the server sees the three connections close
    expect(server.requests).toHaveLength(5);
  });

  it("an error on a page ahead surfaces in turn, after the items before it", async () => {
    server.handler = (page) =>
      page.query.get("offset") === "150"
        ? { status: 500, body: { error_code: "E500", error_msg: "boom" } }
        : honest(WIDGETS)(page);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const widget of paginate(client.listBodyTotal, {}, { concurrency: 3 })) seen.push(widget.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 500, errorCode: "E500", operation: "ListBodyTotal" });
    expect(seen).toEqual(ids(WIDGETS.slice(0, 150)));
  });

  it("refuses a concurrency that is not a whole number from 1 to 64, before any request", async () => {
    for (const concurrency of [0, 1.5, 65, Number.NaN]) {
      await expect(paginate.all(client.listBodyTotal, {}, { concurrency })).rejects.toThrow(
        /paginate: concurrency: expected a whole number from 1 to 64/,
      );
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("timeoutMs and signal", () => {
  it("passes timeoutMs to each page's call", async () => {
    server.handler = (page) => ({ ...honest(WIDGETS)(page), delayMs: page.query.get("offset") === "50" ? 300 : 0 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const widget of paginate(client.listBodyTotal, {}, { timeoutMs: 100 })) seen.push(widget.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, operation: "ListBodyTotal" });
    expect(seen).toHaveLength(50);
  });

  it("the signal aborts the walk, the request in flight included", async () => {
    server.handler = honest(WIDGETS, 200);
    const controller = new AbortController();
    const walk = paginate.all(client.listMarkerBody, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(walk).rejects.toThrow("stop");
    expect(server.requests).toHaveLength(1);
  });
});

describe("the generator checks each style's facts, naming the operation at file:line:col", () => {
  function problem(from: string, to: string): string {
    expect(FIXTURE_SOURCE).toContain(from);
    try {
      pagingTable(FIXTURE_SOURCE.replace(from, to));
    } catch (error) {
      return ((error as { problems?: readonly string[] }).problems ?? [String(error)]).join("\n");
    }
    throw new Error("generation passed");
  }
  const lineOf = (text: string) => FIXTURE_SOURCE.slice(0, FIXTURE_SOURCE.indexOf(text)).split("\n").length;

  it("the fixture itself is accepted, one style per operation", () => {
    const { operations } = pagingTable();
    expect(Object.values(operations).map((op) => op.pagination)).toEqual([
      {
        style: "offset",
        offset: "offset",
        limit: "limit",
        numbersAs: "integer",
        minLimit: 1,
        maxLimit: 50,
        items: "widgets",
        key: "id",
        maxOffset: 2000000,
        total: { in: "body", field: "count" },
      },
      {
        style: "offset",
        offset: "offset",
        limit: "limit",
        numbersAs: "string",
        minLimit: 1,
        maxLimit: 50,
        items: null,
        key: "id",
        maxOffset: 100000,
        total: { in: "header", name: "content-range", format: "content-range" },
      },
      {
        style: "offset",
        offset: "offset",
        limit: "limit",
        numbersAs: "integer",
        minLimit: 1,
        maxLimit: 50,
        items: "widgets",
        key: "id",
        maxOffset: 1000,
        total: null,
      },
      {
        style: "marker",
        marker: "marker",
        limit: "limit",
        numbersAs: "integer",
        minLimit: 1,
        maxLimit: 50,
        items: null,
        key: "id",
        next: { from: "last-item", field: "id" },
      },
      {
        style: "marker",
        marker: "marker",
        limit: "limit",
        numbersAs: "integer",
        minLimit: 1,
        maxLimit: 50,
        items: "widgets",
        key: "id",
        next: { from: "body", path: ["page_info", "next_marker"] },
      },
    ]);
  });

  it("a key that is not a field of the items", () => {
    const line = lineOf("        total: count\n        key: id") + 1;
    expect(problem("        total: count\n        key: id", "        total: count\n        key: uid")).toBe(
      `${FIXTURE_FILE}:${line}:14 ListBodyTotal: x-pagination.key names "uid", which is not a string or integer field of the items`,
    );
  });

  it("a total header that no 2xx response declares", () => {
    const line = lineOf("          header: Content-Range");
    expect(problem("          header: Content-Range", "          header: X-Total")).toBe(
      `${FIXTURE_FILE}:${line}:19 ListHeaderTotal: x-pagination.total.header "x-total" is not a header of any 2xx response`,
    );
  });

  it("a body total on an array body, and no items key on an object body", () => {
    expect(
      problem("          header: Content-Range\n", "          header: Content-Range\n        items: rows\n"),
    ).toMatch(/ListHeaderTotal: x-pagination.items names "rows", which is not a field of the success response/);
    expect(problem("        items: widgets\n        key: id\n", "        key: id\n")).toMatch(
      /:\d+:\d+ ListNoTotal: x-pagination.items is required unless the success response body is an array/,
    );
  });

  it("page size bounds: from the schema for integers, from the extension for strings, never both", () => {
    expect(problem("        minLimit: 1\n", "")).toMatch(
      /ListHeaderTotal: x-pagination.limit "limit" needs x-pagination.minLimit ≥ 1 and maxLimit \(a string parameter\)/,
    );
    expect(
      problem(
        "        items: widgets\n        key: id\n      parameters:\n        - name: offset",
        "        items: widgets\n        key: id\n        maxOffset: 5\n      parameters:\n        - name: offset",
      ),
    ).toMatch(
      /ListNoTotal: x-pagination.maxOffset is only for string parameters; "offset" is an integer: use its schema's maximum/,
    );
  });

  it("a marker's next field that is not in the response, or not a string", () => {
    expect(problem("          field: page_info.next_marker", "          field: page_info.next")).toMatch(
      /ListMarkerBody: x-pagination.next.field "page_info.next": "page_info.next" is not a string or integer field of the success response/,
    );
    expect(problem("          lastItem: id", "          lastItem: colour")).toMatch(
      /ListMarkerLastItem: x-pagination.next.lastItem names "colour", which is not a string or integer field of the items/,
    );
  });
});
