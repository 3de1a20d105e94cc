/**
 * The per-call measurement of `npm run bench` (section 1), in a process of its own that imports the package as a
 * Node user does (its "node" export, the bundle in dist/node) — not the sources through tsx, whose transform adds
 * a call per closure created — with no resolver condition:
 *
 *   tsx bench/overhead.ts <server origin> <calls per round> <rounds>
 *
 * Prints one JSON line: by variant, wall and CPU µs per sequential call, one figure per round.
 */
import core from "@huaweicloud/huaweicloud-sdk-core";
import swr from "@huaweicloud/huaweicloud-sdk-swr";
import createClient from "openapi-fetch";
import { createHssClient } from "huaweicloud-task-client"; // the package as Node resolves it (dist/node)

const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
const TOKEN = "bench-token";
const AK = "BENCHAK0000000000001";
const SK = "bench-secret-key";

const [origin, calls, rounds] = process.argv.slice(2);
if (!origin) throw new Error("usage: overhead.ts <origin> <calls per round> <rounds>");
const CALLS = Number(calls);
const ROUNDS = Number(rounds);

const url = `${origin}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan`;
const hssToken = createHssClient({ projectId: PROJECT_ID, endpoint: origin, auth: { token: TOKEN } });
const hssAkSk = createHssClient({ projectId: PROJECT_ID, endpoint: origin, auth: { ak: AK, sk: SK } });
// The same client sending through the global fetch (the `fetch` option), as openapi-fetch does: the client's
// own work on the transport the baseline uses, so the runtime's transport is not what the ratio measures.
const viaFetch = (request: Request) => fetch(request);
const hssTokenFetch = createHssClient({
  projectId: PROJECT_ID,
  endpoint: origin,
  auth: { token: TOKEN },
  fetch: viaFetch,
});
// openapi-fetch alone, with the per-call timeout a client needs (a controller and a timer, as the client's).
const bare = createClient<any>({ baseUrl: origin });
const withTimeout = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const { data } = await bare.GET("/v5/{project_id}/common/task-statistics", {
      params: { path: { project_id: PROJECT_ID }, query: { task_type: "cluster_scan" } },
      headers: { "X-Auth-Token": TOKEN },
      signal: controller.signal,
    });
    return data;
  } finally {
    clearTimeout(timer);
  }
};
// The official SDK's SWR client (axios, its AKSKSigner) on a GET it has, against the same server; the
// project id is given, so it asks IAM nothing.
const officialCredentials = new core.BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
const official = swr.SwrClient.newBuilder().withCredential(officialCredentials).withEndpoint(origin).build();
const variants = {
  fetch: async () => (await fetch(url, { headers: { "X-Auth-Token": TOKEN } })).json(),
  openapiFetch: withTimeout,
  token: () => hssToken.showTaskStatistics({ task_type: "cluster_scan" }),
  tokenFetch: () => hssTokenFetch.showTaskStatistics({ task_type: "cluster_scan" }),
  aksk: () => hssAkSk.showTaskStatistics({ task_type: "cluster_scan" }),
  official: () => official.listNamespaces(new swr.ListNamespacesRequest()),
};
type Name = keyof typeof variants;
const names = Object.keys(variants) as Name[];
const run = async (call: () => Promise<unknown>, n: number) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) await call();
  const wall = ((performance.now() - start) / n) * 1000; // µs per call
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / n };
};
for (const call of Object.values(variants)) await run(call, 300); // warm-up: JIT, connection pool
const wall = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
const cpu = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order, so drift in the machine's load does not favour one variant.
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length]!;
    const result = await run(variants[name], CALLS);
    wall[name].push(result.wall);
    cpu[name].push(result.cpu);
  }
}

console.log(JSON.stringify({ wall, cpu }));
