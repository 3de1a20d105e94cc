/**
 * `npm run bench` — performance and reach figures, each a ratio against a baseline measured in the same run,
 * the median of several rounds. Prints a Markdown table (copy it into bench/RESULTS.md).
 *
 *   npm run bench                 # every section
 *   npm run bench -- overhead size  # some sections: overhead, signing, cold, size, stream, generate
 *
 * Builds dist/ first (cold start imports it). Sections:
 * 1. overhead — sequential showTaskStatistics calls through the client (token; AK/SK) vs a plain fetch of the
 *    same URL, against the lean loopback server (bench/server.ts, its own process).
 * 2. signing — signRequest vs the official AKSKSigner on the same requests (a GET with a query; a POST with a
 *    query and a JSON body).
 * 3. cold — a fresh Node importing the built library and building a client, vs bare Node; for reference,
 *    Node that only touches its (lazily loaded) fetch, and the official SDK core + SWR package building an
 *    SWR client.
 * 4. size — esbuild bundle, minified, gzip -9: the library vs openapi-fetch alone vs the official core.
 * 5. stream — 100,000 items through paginate(hss.listTasks) vs a hand-written fetch loop (bench/stream.ts,
 *    one process per run): requests, items/s, peak heap.
 * 6. generate — wall time of `npm run generate` (into a scratch --out-dir, so generated/ is left alone) and of
 *    `npm run generate -- --check`, vs npm + tsx starting an empty script.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { build } from "esbuild";
import { createHssClient, signRequest } from "../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
const TOKEN = "bench-token";
const AK = "BENCHAK0000000000001";
const SK = "bench-secret-key";

interface Row {
  section: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}
const rows: Row[] = [];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Starts the lean bench server in its own process; resolves with its origin. */
async function startBenchServer(): Promise<{ origin: string; child: ChildProcess; requests(): Promise<number> }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench/server.ts")], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (match) done(match[1]!);
    });
    child.once("exit", (code) => fail(new Error(`bench server exited (${code})`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    child,
    requests: async () => ((await (await fetch(`${origin}/__requests`)).json()) as { requests: number }).requests,
  };
}

// ─── 1. per-request overhead ────────────────────────────────────────────────────────────────────────────────
async function overhead(): Promise<void> {
  const CALLS = 1500;
  const ROUNDS = 7;
  const server = await startBenchServer();
  try {
    const url = `${server.origin}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan`;
    const hssToken = createHssClient({ projectId: PROJECT_ID, endpoint: server.origin, auth: { token: TOKEN } });
    const hssAkSk = createHssClient({ projectId: PROJECT_ID, endpoint: server.origin, auth: { ak: AK, sk: SK } });
    const variants: Record<string, () => Promise<unknown>> = {
      fetch: async () => (await fetch(url, { headers: { "X-Auth-Token": TOKEN } })).json(),
      token: () => hssToken.showTaskStatistics({ task_type: "cluster_scan" }),
      aksk: () => hssAkSk.showTaskStatistics({ task_type: "cluster_scan" }),
    };
    const run = async (call: () => Promise<unknown>, n: number) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) await call();
      return ((performance.now() - start) / n) * 1000; // µs per call
    };
    for (const call of Object.values(variants)) await run(call, 300); // warm-up: JIT, connection pool
    const perRound: Record<string, number[]> = { fetch: [], token: [], aksk: [] };
    const names = Object.keys(variants);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so drift in the machine's load does not favour one variant.
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length]!;
        perRound[name]!.push(await run(variants[name]!, CALLS));
      }
    }
    const ratios = (name: string) => perRound[name]!.map((us, i) => us / perRound["fetch"]![i]!);
    const base = median(perRound["fetch"]!);
    for (const [name, label, target] of [
      ["token", "client, token auth", 1.1],
      ["aksk", "client, AK/SK auth", 1.25],
    ] as const) {
      const ratio = median(ratios(name));
      rows.push({
        section: "1. per-request overhead",
        measure: `${label}: µs/call (${CALLS} sequential showTaskStatistics × ${ROUNDS} rounds)`,
        value: fmt(median(perRound[name]!), 1),
        baseline: `${fmt(base, 1)} (plain fetch)`,
        ratio: `${fmt(ratio)}×`,
        target: `≤ ${target}×`,
        verdict: verdict(ratio <= target),
      });
    }
  } finally {
    server.child.kill();
  }
}

// ─── 2. signing throughput ──────────────────────────────────────────────────────────────────────────────────
async function signing(): Promise<void> {
  const ITERATIONS = 1500;
  const ROUNDS = 5;
  const host = "hss.ap-southeast-1.myhuaweicloud.com";
  const credential = { getAk: () => AK, getSk: () => SK } as never;
  const cases = [
    {
      name: "GET with a query (ShowTaskStatistics)",
      ours: () => new Request(`https://${host}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan&enterprise_project_id=all_granted_eps`),
      official: () => ({
        endpoint: `https://${host}/v5/${PROJECT_ID}/common/task-statistics`,
        method: "GET",
        headers: {} as Record<string, string>,
        queryParams: { task_type: "cluster_scan", enterprise_project_id: "all_granted_eps" },
      }),
    },
    {
      name: "POST with a query and a JSON body (ListTasks)",
      ours: () =>
        new Request(`https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query?offset=0&limit=200`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ task_type: "cluster_scan", task_status: "finished", cluster_scan_info: { scan_type_list: ["cluster_vul"] } }),
        }),
      official: () => ({
        endpoint: `https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query`,
        method: "POST",
        headers: { "Content-Type": "application/json" } as Record<string, string>,
        queryParams: { offset: 0, limit: 200 },
        data: { task_type: "cluster_scan", task_status: "finished", cluster_scan_info: { scan_type_list: ["cluster_vul"] } },
      }),
    },
  ];
  // Each iteration builds its request afresh on both sides, as a client does per call: a Request for
  // signRequest, the SDK's request object (a fresh headers object, which AKSKSigner fills in) for AKSKSigner.
  for (const c of cases) {
    const ours = async (n: number) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) await signRequest(c.ours(), { ak: AK, sk: SK });
      return n / ((performance.now() - start) / 1000);
    };
    const official = (n: number) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) AKSKSigner.sign(c.official() as never, credential);
      return n / ((performance.now() - start) / 1000);
    };
    await ours(500);
    official(500);
    const oursRounds: number[] = [];
    const officialRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursRounds.push(await ours(ITERATIONS));
      officialRounds.push(official(ITERATIONS));
    }
    const ratio = median(oursRounds.map((ops, i) => ops / officialRounds[i]!));
    rows.push({
      section: "2. signing throughput",
      measure: `signRequest, signs/s: ${c.name}`,
      value: fmt(median(oursRounds), 0),
      baseline: `${fmt(median(officialRounds), 0)} (AKSKSigner)`,
      ratio: `${fmt(ratio)}×`,
      target: "≥ 1.00×",
      verdict: verdict(ratio >= 1),
    });
  }
}

// ─── 3. cold start ──────────────────────────────────────────────────────────────────────────────────────────
function coldStart(): void {
  const ROUNDS = 11;
  const scripts = {
    bare: "bench/cold/bare.mjs",
    fetchReady: "bench/cold/fetch-ready.mjs",
    library: "bench/cold/library.mjs",
    official: "bench/cold/official.mjs",
  };
  const times: Record<keyof typeof scripts, number[]> = { bare: [], fetchReady: [], library: [], official: [] };
  const once = (script: string) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    if (result.status !== 0) throw new Error(`${script}: ${result.stderr.toString()}`);
    return performance.now() - start;
  };
  for (const script of Object.values(scripts)) once(script); // warm the file system cache
  const names = Object.keys(scripts) as (keyof typeof scripts)[];
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      times[name].push(once(scripts[name]));
    }
  }
  const ratio = (name: keyof typeof scripts) => median(times[name].map((ms, i) => ms / times.bare[i]!));
  const base = `${fmt(median(times.bare), 1)} (bare node)`;
  rows.push({
    section: "3. cold start",
    measure: `node + import dist/ + createHssClient, ms (${ROUNDS} runs)`,
    value: fmt(median(times.library), 1),
    baseline: base,
    ratio: `${fmt(ratio("library"))}×`,
    target: "< 1.2×",
    verdict: verdict(ratio("library") < 1.2),
  });
  // Node loads its fetch (undici) lazily, on the first touch of fetch/Request/Headers; building a client
  // touches them (openapi-fetch captures globalThis.fetch and Request), so this is the floor for any fetch client.
  rows.push({
    section: "3. cold start",
    measure: "node touching globalThis.fetch and Request only, ms (reference: Node's lazy fetch load)",
    value: fmt(median(times.fetchReady), 1),
    baseline: base,
    ratio: `${fmt(ratio("fetchReady"))}×`,
    target: "—",
    verdict: "—",
  });
  rows.push({
    section: "3. cold start",
    measure: "node + official SDK core & SWR + SwrClient, ms (reference)",
    value: fmt(median(times.official), 1),
    baseline: base,
    ratio: `${fmt(ratio("official"))}×`,
    target: "—",
    verdict: "—",
  });
}

// ─── 4. size ────────────────────────────────────────────────────────────────────────────────────────────────
async function size(): Promise<void> {
  const bundle = async (contents: string, platform: "browser" | "node") => {
    const result = await build({
      stdin: { contents, resolveDir: ROOT, sourcefile: "entry.ts", loader: "ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const bytes = result.outputFiles[0]!.contents;
    return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const library = await bundle(`export * from "./src/index.ts";`, "browser");
  const openapiFetch = await bundle(`export * from "openapi-fetch"; export { default } from "openapi-fetch";`, "browser");
  const official = await bundle(`export * from "@huaweicloud/huaweicloud-sdk-core";`, "node");
  rows.push({
    section: "4. size",
    measure: `library bundle (src/index.ts, esbuild --minify, gzip -9); minified ${kb(library.min)}`,
    value: kb(library.gzip),
    baseline: `${kb(openapiFetch.gzip)} (openapi-fetch alone)`,
    ratio: `${fmt(library.gzip / openapiFetch.gzip)}×`,
    target: "< 12 kB",
    verdict: verdict(library.gzip < 12 * 1024),
  });
  rows.push({
    section: "4. size",
    measure: `official SDK core bundle (node platform, with its dependencies); minified ${kb(official.min)}`,
    value: kb(official.gzip),
    baseline: `${kb(library.gzip)} (library)`,
    ratio: `${fmt(official.gzip / library.gzip)}× the library`,
    target: "—",
    verdict: "—",
  });
  const dependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: object }).dependencies ?? {});
  rows.push({
    section: "4. size",
    measure: "runtime dependencies (package.json)",
    value: dependencies.join(", ") || "none",
    baseline: "—",
    ratio: "—",
    target: "openapi-fetch only",
    verdict: verdict(dependencies.length === 1 && dependencies[0] === "openapi-fetch"),
  });
}

// ─── 5. pagination streaming ────────────────────────────────────────────────────────────────────────────────
async function stream(): Promise<void> {
  const ROUNDS = 3;
  const server = await startBenchServer();
  try {
    const runs: Record<"client" | "fetch", { items: number; elapsedMs: number; heapBefore: number; heapPeak: number; requests: number }[]> = {
      client: [],
      fetch: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 ? (["fetch", "client"] as const) : (["client", "fetch"] as const)) {
        await server.requests(); // reset the counter
        const output = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/stream.ts"), mode, server.origin], {
          cwd: ROOT,
          encoding: "utf8",
        });
        runs[mode].push({ ...(JSON.parse(output.trim().split("\n").pop()!) as (typeof runs)["client"][number]), requests: await server.requests() });
      }
    }
    const summary = (mode: "client" | "fetch") => {
      const r = runs[mode];
      return {
        items: r[0]!.items,
        requests: r[0]!.requests,
        itemsPerSecond: median(r.map((x) => x.items / (x.elapsedMs / 1000))),
        peakGrowth: median(r.map((x) => x.heapPeak - x.heapBefore)),
        peak: median(r.map((x) => x.heapPeak)),
      };
    };
    const client = summary("client");
    const plain = summary("fetch");
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    rows.push({
      section: "5. pagination streaming",
      measure: `paginate(hss.listTasks): ${client.items} items in ${client.requests} requests, items/s`,
      value: fmt(client.itemsPerSecond, 0),
      baseline: `${fmt(plain.itemsPerSecond, 0)} (fetch loop: ${plain.items} items, ${plain.requests} requests)`,
      ratio: `${fmt(client.itemsPerSecond / plain.itemsPerSecond)}×`,
      target: "report",
      verdict: client.items === 100_000 && plain.items === 100_000 ? "all items" : "**items missing**",
    });
    rows.push({
      section: "5. pagination streaming",
      measure: "peak heap growth during the walk (peak heapUsed in brackets)",
      value: `${mb(client.peakGrowth)} (${mb(client.peak)})`,
      baseline: `${mb(plain.peakGrowth)} (${mb(plain.peak)}) (fetch loop)`,
      ratio: `${fmt(client.peakGrowth / plain.peakGrowth)}×`,
      target: "report",
      verdict: "—",
    });
    const latency = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/stream.ts"), "concurrency"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!) as { items: number; sequentialMs: number; concurrentMs: number };
    rows.push({ section: "5. pagination streaming", measure: `${latency.items} items, server adds 20 ms per page: concurrency 4 vs sequential, ms`, value: fmt(latency.concurrentMs, 0), baseline: fmt(latency.sequentialMs, 0), ratio: `${fmt(latency.sequentialMs / latency.concurrentMs)}× faster`, target: "≥ 3×", verdict: verdict(latency.sequentialMs / latency.concurrentMs >= 3) });
  } finally {
    server.child.kill();
  }
}

// ─── 6. generation ──────────────────────────────────────────────────────────────────────────────────────────
function generate(): void {
  const ROUNDS = 3;
  const scratch = mkdtempSync(join(tmpdir(), "bench-generate-"));
  const env = { ...process.env, REDOCLY_TELEMETRY: "off" };
  const time = (args: string[]) => {
    const start = performance.now();
    const result = spawnSync("npm", args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    if (result.status !== 0) throw new Error(`npm ${args.join(" ")}: ${result.stderr.toString()}`);
    return performance.now() - start;
  };
  const commands = {
    baseline: ["exec", "--offline", "--", "tsx", "bench/cold/bare.mjs"],
    generate: ["run", "generate", "--", "--out-dir", scratch],
    check: ["run", "generate", "--", "--check"],
  };
  const times: Record<keyof typeof commands, number[]> = { baseline: [], generate: [], check: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(commands) as (keyof typeof commands)[]) times[name].push(time(commands[name]));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const base = median(times.baseline);
  for (const [name, label] of [
    ["generate", "npm run generate (into a scratch --out-dir), s"],
    ["check", "npm run generate -- --check, s"],
  ] as const) {
    rows.push({
      section: "6. generation",
      measure: `${label} (${ROUNDS} runs)`,
      value: fmt(median(times[name]) / 1000),
      baseline: `${fmt(base / 1000)} (npm exec tsx, empty script)`,
      ratio: `${fmt(median(times[name]) / base, 1)}×`,
      target: "report",
      verdict: "—",
    });
  }
}

// ─── main ───────────────────────────────────────────────────────────────────────────────────────────────────
const SECTIONS: Record<string, () => void | Promise<void>> = { overhead, signing, cold: coldStart, size, stream, generate };
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) throw new Error(`unknown sections: ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);

const started = performance.now();
log("building dist/ (npm run build)…");
execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
for (const [name, section] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const sectionStart = performance.now();
  log(`${name}…`);
  await section();
  log(`${name}: ${fmt((performance.now() - sectionStart) / 1000, 1)} s`);
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`Machine: ${cpus().length} cores (nproc ${execFileSync("nproc", { encoding: "utf8" }).trim()}), ${cpu}, Node ${process.version}, ${process.platform}-${process.arch}`);
console.log(`Date: ${new Date().toISOString()}; bench wall time ${fmt((performance.now() - started) / 1000, 1)} s`);
console.log("");
console.log("| section | measure | value | baseline | ratio | target | verdict |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  console.log(`| ${row.section} | ${row.measure} | ${row.value} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.verdict} |`);
}
