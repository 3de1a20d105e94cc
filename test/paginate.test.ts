import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createHssClient,
  createSwrClient,
  InvalidInputError,
  InvalidPageError,
  paginate,
  type HssClient,
  type SwrClient,
} from "../src/index.js";
import { DEFAULT_TOKEN, startStandInServer, type StandInServer } from "./server/index.js";

let server: StandInServer;
let hss: HssClient;
let swr: SwrClient;

beforeAll(async () => {
  server = await startStandInServer({ seed: { tasks: 10_000, imageScanTasks: 450, jobs: 250 } });
  const options = {
    projectId: server.projectId,
    endpoint: server.url,
    auth: { token: DEFAULT_TOKEN },
    retry: false as const,
  };
  hss = createHssClient(options);
  swr = createSwrClient(options);
}, 60_000);
afterAll(() => server.close());
beforeEach(() => server.reset());

const requestsTo = (operation: string) => server.requests.filter((request) => request.operation === operation);
const taskIds = (type: string) =>
  server.store.tasks
    .filter((task) => task.data.task_type === type && task.enterpriseProjectId === "0")
    .map((task) => task.data.task_id);
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("paginate", () => {
  it("yields each of thousands of tasks exactly once, in order, with the fewest requests", async () => {
    const expected = taskIds("cluster_scan");
    expect(expected.length).toBeGreaterThan(4000);
    const seen = (await collect(paginate(hss.listTasks, { task_type: "cluster_scan" }))).map((task) => task.task_id);
    expect(seen).toEqual(expected);
    // The largest page ListTasks allows is 200: ceil(n / 200) requests; the last page is short, or the
    // offset reaches the reported total, so no empty trailing request is made.
    expect(requestsTo("ListTasks")).toHaveLength(Math.ceil(expected.length / 200));
    expect(requestsTo("ListTasks").every((request) => request.query["limit"] === "200")).toBe(true);
  });

  it("walks all 10,000 tasks of both types", async () => {
    const seen = [
      ...(await collect(
        paginate(hss.listTasks, { task_type: "cluster_scan", enterprise_project_id: "all_granted_eps" }),
      )),
      ...(await collect(paginate(hss.listTasks, { task_type: "iac_scan", enterprise_project_id: "all_granted_eps" }))),
    ].map((task) => task.task_id);
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
    const ofType = (type: string) => server.store.tasks.filter((task) => task.data.task_type === type).length;
    expect(requestsTo("ListTasks")).toHaveLength(
      Math.ceil(ofType("cluster_scan") / 200) + Math.ceil(ofType("iac_scan") / 200),
    );
  });

  it("stops on a total that is an exact multiple of the page size without an extra request", async () => {
    server.store.jobs.splice(200);
    const jobs = await paginate.all(swr.listInstanceJobs);
    expect(jobs).toHaveLength(200);
    expect(requestsTo("ListInstanceJobs")).toHaveLength(2); // SWR's largest page is 100
  });

  it("pages: yields whole responses", async () => {
    const pages = await collect(paginate.pages(swr.listInstanceJobs, { status: "Failed" }));
    const failed = server.store.jobs.filter((job) => job.status === "Failed");
    expect(pages.length).toBe(Math.ceil(failed.length / 100));
    expect(pages.every((page) => page.total === failed.length)).toBe(true);
    expect(pages.flatMap((page) => page.jobs ?? []).map((job) => job.id)).toEqual(failed.map((job) => job.id));
  });

  it("all: respects maxItems, asking for no more than needed", async () => {
    const tasks = await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { maxItems: 250 });
    expect(tasks.map((task) => task.task_id)).toEqual(taskIds("iac_scan").slice(0, 250));
    expect(requestsTo("ListTasks").map((request) => request.query["limit"])).toEqual(["200", "50"]);
    const images = await paginate.all(hss.listImageScanTask, { type: "image_scan" }, { maxItems: 15 });
    expect(images).toHaveLength(15);
    expect(requestsTo("ListImageScanTask").map((request) => request.query["limit"])).toEqual(["15"]);
    server.reset();
    // Fewer than the smallest page allowed: ask for the smallest page, yield only what was asked for.
    expect(await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { maxItems: 3 })).toHaveLength(3);
    expect(requestsTo("ListTasks").map((request) => request.query["limit"])).toEqual(["10"]);
  });

  it("refuses a maxItems that is not a whole number, before any request", async () => {
    await expect(paginate.all(swr.listInstanceJobs, {}, { maxItems: -1 })).rejects.toThrow(
      "paginate: maxItems: expected a whole number ≥ 0, got -1",
    );
    await expect(paginate.all(swr.listInstanceJobs, {}, { maxItems: Number.NaN })).rejects.toThrow(/maxItems/);
    expect(server.requests).toHaveLength(0);
  });

  it("uses the caller's page size, starting offset and filters", async () => {
    const jobs = await paginate.all(swr.listInstanceJobs, { limit: 30, offset: 20 });
    expect(jobs.map((job) => job.id)).toEqual(server.store.jobs.slice(20).map((job) => job.id));
    expect(requestsTo("ListInstanceJobs").map((request) => request.query["offset"])).toEqual(
      Array.from({ length: Math.ceil((server.store.jobs.length - 20) / 30) }, (_, page) => String(20 + page * 30)),
    );
  });

  it("checks the page size against the operation's bounds before any request", async () => {
    await expect(paginate.all(hss.listTasks, { task_type: "iac_scan", limit: 500 })).rejects.toThrow(InvalidInputError);
    await expect(paginate.all(swr.listInstanceJobs, { limit: 101 })).rejects.toThrow(/limit/);
    expect(server.requests).toHaveLength(0);
  });

  it("stops fetching when the loop breaks", async () => {
    let count = 0;
    for await (const _ of paginate(hss.listTasks, { task_type: "iac_scan" })) {
      if (++count === 250) break;
    }
    expect(requestsTo("ListTasks")).toHaveLength(2);
  });

  it("stops on an aborted signal", async () => {
    const controller = new AbortController();
    const walk = async () => {
      for await (const _ of paginate(hss.listTasks, { task_type: "iac_scan" }, { signal: controller.signal })) {
        controller.abort(new Error("enough"));
      }
    };
    await expect(walk()).rejects.toThrow("enough");
    expect(requestsTo("ListTasks")).toHaveLength(1);
  });

  it("stops on an empty page", async () => {
    const jobs = await paginate.all(swr.listInstanceJobs, { status: "Creating", offset: 100_000 });
    expect(jobs).toEqual([]);
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });

  it("rejects a method that does not paginate", async () => {
    // @ts-expect-error showTaskStatistics is not a list operation
    await expect(paginate.all(hss.showTaskStatistics, { task_type: "iac_scan" })).rejects.toThrow(
      /expected a paginated method/,
    );
  });
});

describe("paginate against a misbehaving server", () => {
  it("a total that grows on every page does not extend the walk", async () => {
    server.misbehave = { totalDrift: 300 };
    const ids = (await collect(paginate(swr.listInstanceJobs))).map((job) => job.id);
    expect(ids).toEqual(server.store.jobs.map((job) => job.id));
    expect(requestsTo("ListInstanceJobs")).toHaveLength(Math.ceil(server.store.jobs.length / 100));
  });

  it("a total that changes after the first page neither extends nor cuts the walk: the first valid total bounds it", async () => {
    server.misbehave = { totalDrift: -60 };
    const ids = (await collect(paginate(swr.listInstanceJobs))).map((job) => job.id);
    // Page 2 reports 250 - 60 = 190; the first page's 250 stands, and the short third page ends the walk.
    expect(ids).toEqual(server.store.jobs.map((job) => job.id));
    expect(requestsTo("ListInstanceJobs")).toHaveLength(3);
  });

  it("a server that ignores the offset (the same page again): the first page once, then InvalidPageError", async () => {
    server.misbehave = { ignoreOffset: true };
    const ids: string[] = [];
    const error = await (async () => {
      for await (const task of paginate(hss.listTasks, { task_type: "cluster_scan" })) ids.push(task.task_id!);
    })().catch((caught: unknown) => caught);
    expect(ids).toEqual(taskIds("cluster_scan").slice(0, 200));
    expect(error).toBeInstanceOf(InvalidPageError);
    expect(error).toMatchObject({
      name: "InvalidResponseError",
      behaviour: "repeated-page",
      operation: "ListTasks",
      status: 200,
    });
    expect(requestsTo("ListTasks")).toHaveLength(2);
  });

  it.each([1, 3])("%i item(s) inserted at the head while paging are not yielded twice", async (inserted) => {
    const before = server.store.jobs.map((job) => job.id);
    const seen: string[] = [];
    for await (const job of paginate(swr.listInstanceJobs)) {
      seen.push(job.id!);
      if (seen.length === 1) {
        // New jobs appear at the head: every later item shifts, so the next page starts with repeats.
        for (let n = 0; n < inserted; n++)
          server.store.jobs.unshift({ ...server.store.jobs[0]!, id: `job-inserted-${n}` });
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before);
  });

  it("pages shorter than asked end the walk (documented: a short page is the last)", async () => {
    server.misbehave = { maxPageSize: 40 };
    const jobs = await paginate.all(swr.listInstanceJobs);
    expect(jobs).toHaveLength(40);
    expect(requestsTo("ListInstanceJobs")).toHaveLength(1);
  });
});

describe("paginate types", () => {
  it("infers item types from the method", async () => {
    for await (const job of paginate(swr.listInstanceJobs, {}, { maxItems: 1 })) {
      const status: string | undefined = job.status;
      // @ts-expect-error jobs have no task_type
      expect(job.task_type).toBeUndefined();
      expect(typeof status).toBe("string");
    }
  });
});
