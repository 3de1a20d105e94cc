/**
 * `npx tsx bench/metadata.ts` — what response metadata costs per call: `hss.showTaskStatistics.withResponse(…)`
 * (body + status, typed headers, request id, attempts) vs the plain method (body only) vs a plain fetch, each
 * the median of several rounds of sequential calls against the lean loopback server (bench/server.ts, in its
 * own process). Prints one Markdown row per variant, as ratios measured in the same run.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createHssClient } from "../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
const CALLS = 1500;
const ROUNDS = 7;

const server = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench/server.ts")], {
  cwd: ROOT,
  stdio: ["pipe", "pipe", "inherit"],
});
try {
  const lines = createInterface({ input: server.stdout });
  const [line] = (await Promise.race([once(lines, "line"), once(server, "exit").then(() => [""])])) as [string];
  const port = /LISTENING (\d+)/.exec(line)?.[1];
  if (port === undefined) throw new Error("the bench server did not start");
  const origin = `http://127.0.0.1:${port}`;
  const hss = createHssClient({ projectId: PROJECT_ID, endpoint: origin, auth: { token: "bench-token" } });
  const input = { task_type: "cluster_scan" } as const;
  const url = `${origin}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan`;
  const variants: Record<string, () => Promise<unknown>> = {
    fetch: async () => (await fetch(url, { headers: { "X-Auth-Token": "bench-token" } })).json(),
    plain: () => hss.showTaskStatistics(input),
    withResponse: () => hss.showTaskStatistics.withResponse(input),
  };
  const timeCalls = async (call: () => Promise<unknown>, n: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await call();
    return ((performance.now() - start) / n) * 1000; // µs per call
  };
  for (const call of Object.values(variants)) await timeCalls(call, 300); // warm-up: JIT, connection pool
  const names = Object.keys(variants);
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order, so drift in the machine's load does not favour one variant.
    for (let k = 0; k < names.length; k++)
      perRound[names[(round + k) % names.length]!]!.push(
        await timeCalls(variants[names[(round + k) % names.length]!]!, CALLS),
      );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const ratio = (name: string, base: string) => median(perRound[name]!.map((us, i) => us / perRound[base]![i]!));
  console.log(
    `| measure (${CALLS} sequential showTaskStatistics × ${ROUNDS} rounds) | µs/call | vs plain fetch | vs plain method |`,
  );
  console.log("|---|---|---|---|");
  for (const name of names) {
    console.log(
      `| ${name} | ${median(perRound[name]!).toFixed(1)} | ${ratio(name, "fetch").toFixed(3)}× | ${ratio(name, "plain").toFixed(3)}× |`,
    );
  }
} finally {
  server.kill();
}
