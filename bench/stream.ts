/**
 * One pagination-streaming run, in a process of its own so its heap is its own:
 *
 *   tsx bench/stream.ts <client|fetch> <server origin>
 *   tsx bench/stream.ts concurrency
 *
 * Streams every task of the lean bench server (bench/server.ts) item by item — through `paginate(hss.listTasks)`
 * or through a hand-written fetch loop at the same page size — and prints one JSON line: items, milliseconds,
 * and the heap (heapUsed before the walk, and its peak during it, sampled every few milliseconds and at each
 * page boundary), and the CPU time of the walk.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
// The built library as Node resolves the package (dist/node; the bench builds dist/ first); no resolver condition.
import { createHssClient, paginate, type PaginateOptions } from "huaweicloud-task-client";

const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
const TOKEN = "bench-token";
const PAGE_SIZE = 200; // ListTasks' maximum, which paginate picks by default

const [mode, origin] = process.argv.slice(2);
if (mode === "concurrency") {
  console.log(JSON.stringify(await concurrency()));
  process.exit(0);
}
if ((mode !== "client" && mode !== "fetch") || !origin)
  throw new Error("usage: stream.ts <client|fetch> <origin> | stream.ts concurrency");

interface Task {
  task_id: string;
}

async function* fetchLoop(): AsyncGenerator<Task> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const response = await fetch(
      `${origin}/v5/${PROJECT_ID}/common/tasks/batch-query?offset=${offset}&limit=${PAGE_SIZE}`,
      {
        method: "POST",
        headers: { "X-Auth-Token": TOKEN, "Content-Type": "application/json" },
        body: JSON.stringify({ task_type: "cluster_scan" }),
      },
    );
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = (await response.json()) as { data_list: Task[]; total_num: number };
    yield* page.data_list;
    if (page.data_list.length < PAGE_SIZE || offset + PAGE_SIZE >= page.total_num) return;
  }
}

function clientLoop(): AsyncIterable<Partial<Task>> {
  const hss = createHssClient({ projectId: PROJECT_ID, endpoint: origin!, auth: { token: TOKEN } });
  return paginate(hss.listTasks, { task_type: "cluster_scan" });
}

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
const sample = () => {
  const used = process.memoryUsage().heapUsed;
  if (used > peak) peak = used;
};
const sampler = setInterval(sample, 2);

const started = performance.now();
const cpuBefore = process.cpuUsage();
let items = 0;
for await (const task of mode === "client" ? clientLoop() : fetchLoop()) {
  items++;
  if (items % PAGE_SIZE === 0) sample();
  if (typeof task.task_id !== "string") throw new Error(`item ${items} has no task_id`); // touch every item
}
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000; // steadier than wall time on a loaded machine
clearInterval(sampler);
sample();

console.log(JSON.stringify({ mode, items, elapsedMs, cpuMs, heapBefore, heapPeak: peak }));

/**
 * `concurrency`: a latency-bound walk — a loopback server (in this process: it only waits) answering each page
 * after 20 ms — streamed sequentially and with `concurrency: 4`; prints both times (best of two each). The same
 * 100,000 items as the throughput walk (500 pages of 200), so the first page, fetched alone before the total is
 * known, weighs what it would in a real walk of that size.
 */
async function concurrency(): Promise<{ items: number; sequentialMs: number; concurrentMs: number }> {
  const ITEMS = 100_000;
  const LATENCY_MS = 20;
  const tasks = Array.from(
    { length: ITEMS },
    (_, i) => `{"task_id":"t-${i}","task_type":"cluster_scan","task_status":"finished"}`,
  ); // serialized once
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://bench.invalid");
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const page = tasks.slice(offset, offset + Number(url.searchParams.get("limit") ?? 10)).join(",");
    request.resume();
    setTimeout(
      () =>
        response
          .writeHead(200, { "Content-Type": "application/json" })
          .end(`{"total_num":${ITEMS},"data_list":[${page}]}`),
      LATENCY_MS,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hss = createHssClient({
    projectId: PROJECT_ID,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    auth: { token: TOKEN },
  });
  const time = async (options: PaginateOptions) => {
    let best = Infinity;
    for (let round = 0; round < 2; round++) {
      const started = performance.now();
      let items = 0;
      for await (const _ of paginate(hss.listTasks, { task_type: "cluster_scan" }, options)) items++;
      if (items !== ITEMS) throw new Error(`walked ${items} items, expected ${ITEMS}`);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  try {
    return { items: ITEMS, sequentialMs: await time({}), concurrentMs: await time({ concurrency: 4 }) };
  } finally {
    server.close();
  }
}
