/**
 * The benchmarks' lean loopback server, run as its own process (`tsx bench/server.ts`) so that its work does
 * not share the measured process's event loop. It prints `LISTENING <port>` and answers:
 *
 * - GET  /v5/{project_id}/common/task-statistics — a fixed JSON body (pre-serialized);
 * - POST /v5/{project_id}/common/tasks/batch-query?offset=&limit= — a page of TASK_COUNT tasks (pre-serialized
 *   once, so a page costs a string join);
 * - GET  /v2/manage/namespaces — a fixed JSON body of the same size class, for the official SDK's SWR client
 *   (ListNamespaces), which has no HSS task API to compare with;
 * - GET  /__requests — the number of requests answered since the last call (and resets it).
 *
 * No authentication and no validation: it is there to cost as little as possible, not to check the client
 * (the tests do that against the stand-in server).
 */
import { createServer } from "node:http";

export const TASK_COUNT = 100_000;

const STATISTICS = JSON.stringify({ total_num: 120, running_num: 6, last_task_start_time: 1754005140000 });
const NAMESPACES = JSON.stringify({ namespaces: [{ id: 1, name: "bench", creator_name: "bench", auth: 7 }] });

const tasks: string[] = Array.from({ length: TASK_COUNT }, (_, i) =>
  JSON.stringify({
    task_id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    task_type: "cluster_scan",
    task_name: `cluster-scan-${String(i + 1).padStart(6, "0")}`,
    trigger_type: "manual",
    task_status: "finished",
    start_time: 1754000000000 - i * 420_000,
    end_time: 1754000000000 - i * 420_000 + 600_000,
    estimated_time: 0,
    cluster_scan_info: {
      scan_type_list: ["cluster_vul"],
      scanning_cluster_num: 0,
      success_cluster_num: 3,
      failed_cluster_num: 0,
    },
  }),
);

let requests = 0;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bench.invalid");
  if (url.pathname === "/__requests") {
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ requests }));
    requests = 0;
    return;
  }
  requests++;
  req.resume(); // drain any body
  req.on("end", () => {
    if (req.method === "GET" && url.pathname.endsWith("/common/task-statistics")) {
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "bench" }).end(STATISTICS);
      return;
    }
    if (req.method === "GET" && url.pathname === "/v2/manage/namespaces") {
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "bench" }).end(NAMESPACES);
      return;
    }
    if (req.method === "POST" && url.pathname.endsWith("/common/tasks/batch-query")) {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 10);
      const page = tasks.slice(offset, offset + limit).join(",");
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "bench" });
      res.end(`{"total_num":${TASK_COUNT},"data_list":[${page}]}`);
      return;
    }
    res
      .writeHead(404, { "Content-Type": "application/json" })
      .end('{"error_code":"APIGW.0101","error_msg":"no such API"}');
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.stdin.on("end", () => process.exit(0)); // exits with its parent
process.stdin.resume();
