// paginate() over SWR ListReposDetails on the stand-in: offset/limit as strings, the body an array, the total in
// Content-Range; the walk is checked against the server's store and request log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSwrClient, paginate, type SwrClient } from "../src/index.js";
import { DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
let swr: SwrClient;

beforeAll(async () => {
  server = await startStandInServer({ seed: { repos: 57 } });
  swr = createSwrClient({ endpoint: server.url, projectId: server.projectId, auth: { token: DEFAULT_TOKEN } });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const listed = () => server.requests.filter((request) => request.operation === "ListReposDetails");

describe("paginate(swr.listReposDetails)", () => {
  it("walks every repository once, in order, at the largest page size, stopping at the Content-Range total", async () => {
    const paths = (await paginate.all(swr.listReposDetails, {})).map((repo) => repo.path);
    expect(paths).toEqual(server.store.repos.map((repo) => repo.path));
    expect(new Set(paths).size).toBe(57);
    // 57 repositories at 100 a page: one request, offset and limit sent as strings.
    expect(listed().map((request) => request.query)).toEqual([{ offset: "0", limit: "100" }]);
  });

  it("pages with a given limit and a filter, each page's offset following the last", async () => {
    const namespace = server.store.repos[0]!.namespace;
    const expected = server.store.repos.filter((repo) => repo.namespace === namespace).map((repo) => repo.name);
    expect(expected.length).toBeGreaterThan(10);
    const pages: number[] = [];
    for await (const page of paginate.pages(swr.listReposDetails, { namespace, limit: "10" })) pages.push(page.length);
    const names = (await paginate.all(swr.listReposDetails, { namespace, limit: "10" })).map((repo) => repo.name);
    expect(names).toEqual(expected);
    expect(pages.reduce((sum, n) => sum + n, 0)).toBe(expected.length);
    expect(pages.slice(0, -1).every((n) => n === 10)).toBe(true);
    const offsets = listed()
      .slice(0, pages.length)
      .map((request) => request.query["offset"]);
    expect(offsets).toEqual(pages.map((_, i) => String(i * 10)));
  });
});
