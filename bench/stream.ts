/**
 * One pagination-streaming run, in a process of its own so its heap is its own:
 *
 *   tsx bench/stream.ts <client|fetch> <server origin>
 *
 * Streams every task of the lean bench server (bench/server.ts) item by item — through `paginate(hss.listTasks)`
 * or through a hand-written fetch loop at the same page size — and prints one JSON line: items, milliseconds,
 * and the heap (heapUsed before the walk, and its peak during it, sampled every few milliseconds and at each
 * page boundary).
 */
import { createHssClient, paginate } from "../src/index.js";

const [mode, origin] = process.argv.slice(2);
if ((mode !== "client" && mode !== "fetch") || !origin) throw new Error("usage: stream.ts <client|fetch> <origin>");

const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
const TOKEN = "bench-token";
const PAGE_SIZE = 200; // ListTasks' maximum, which paginate picks by default

interface Task {
  task_id: string;
}


async function* fetchLoop(): AsyncGenerator<Task> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const response = await fetch(`${origin}/v5/${PROJECT_ID}/common/tasks/batch-query?offset=${offset}&limit=${PAGE_SIZE}`, {
      method: "POST",
      headers: { "X-Auth-Token": TOKEN, "Content-Type": "application/json" },
      body: JSON.stringify({ task_type: "cluster_scan" }),
    });
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
let items = 0;
for await (const task of mode === "client" ? clientLoop() : fetchLoop()) {
  items++;
  if (items % PAGE_SIZE === 0) sample();
  if (typeof task.task_id !== "string") throw new Error(`item ${items} has no task_id`); // touch every item
}
const elapsedMs = performance.now() - started;
clearInterval(sampler);
sample();

console.log(JSON.stringify({ mode, items, elapsedMs, heapBefore, heapPeak: peak }));
