/**
 * `npm run bench` — performance and reach figures, each a ratio against a baseline measured in the same run,
 * the median of several rounds. Prints a Markdown table (copy it into bench/RESULTS.md).
 *
 *   npm run bench                 # every section
 *   npm run bench -- overhead size  # some sections: overhead, signing, cold, size, stream, generate
 *
 * Builds dist/ first (the per-call, cold-start and streaming figures import the package as Node resolves it:
 * its "node" export, the bundle in dist/node). Sections:
 * 1. overhead — wall and CPU µs per sequential call, same process (bench/overhead.ts, the package as Node gets it),
 *    same lean loopback server (bench/server.ts, its own process): the client (token; AK/SK) on showTaskStatistics vs a plain fetch of the same URL,
 *    openapi-fetch with a per-call timeout, and the official SDK's SwrClient (AK/SK) on listNamespaces; and the
 *    token client sending through the global fetch (`fetch` option), openapi-fetch's own transport.
 * 2. signing — signHeaders on the request's parts (the like-for-like comparison), signRequest (Request in and
 *    out) and the client's signing step (signBuiltRequest), vs the official AKSKSigner on the same requests (a
 *    GET with a query; a POST with a query and a JSON body), signs/s.
 * 3. cold — time to first call in a fresh Node (import, build an AK/SK client, one call) vs the official SDK;
 *    a fresh Node importing the built library and building a client, vs bare Node; for reference, Node that
 *    only touches its (lazily loaded) fetch, and the official SDK core + SWR package building an SWR client.
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
import { build, type BuildOptions } from "esbuild";
import { signBuiltRequest } from "../src/auth/sign.js";
import { signHeaders, signRequest } from "../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT_ID = "9d4f774865034d119917acc61b1b806e";
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
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench/server.ts")], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
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
/** A ratio row: this client's figure against a baseline measured in the same rounds. */
function ratioRow(
  section: string,
  measure: string,
  value: number[],
  base: number[],
  baseName: string,
  target?: { max: number },
): void {
  const ratio = median(value.map((v, i) => v / base[i]!));
  rows.push({
    section,
    measure,
    value: fmt(median(value), 1),
    baseline: `${fmt(median(base), 1)} (${baseName})`,
    ratio: `${fmt(ratio)}×`,
    target: target ? `≤ ${target.max}×` : "report",
    verdict: target ? verdict(ratio <= target.max) : "—",
  });
}

async function overhead(): Promise<void> {
  const CALLS = 1500;
  const ROUNDS = 7;
  const server = await startBenchServer();
  try {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "bench/overhead.ts"), server.origin, String(CALLS), String(ROUNDS)],
      { cwd: ROOT, encoding: "utf8" },
    );
    type Name = "fetch" | "openapiFetch" | "token" | "tokenFetch" | "aksk" | "official";
    const { wall, cpu } = JSON.parse(output.trim().split("\n").pop()!) as Record<
      "wall" | "cpu",
      Record<Name, number[]>
    >;
    const section = "1. per-call cost";
    const calls = `${CALLS} sequential calls × ${ROUNDS} rounds`;
    ratioRow(
      section,
      `client, AK/SK: wall µs/call vs the official SDK's SwrClient.listNamespaces (${calls})`,
      wall.aksk,
      wall.official,
      "official SDK, AK/SK",
      { max: 0.6 },
    );
    ratioRow(
      section,
      "client, AK/SK: CPU µs/call vs the official SDK's",
      cpu.aksk,
      cpu.official,
      "official SDK, AK/SK",
      { max: 0.5 },
    );
    ratioRow(
      section,
      "client, token: wall µs/call vs openapi-fetch + per-call timeout",
      wall.token,
      wall.openapiFetch,
      "openapi-fetch + timeout",
      { max: 1.05 },
    );
    ratioRow(
      section,
      "client, token: CPU µs/call vs openapi-fetch + per-call timeout",
      cpu.token,
      cpu.openapiFetch,
      "openapi-fetch + timeout",
    );
    ratioRow(
      section,
      "client, token, sending through the global fetch (`fetch` option): CPU µs/call vs openapi-fetch + timeout",
      cpu.tokenFetch,
      cpu.openapiFetch,
      "openapi-fetch + timeout",
    );
    for (const [name, label] of [
      ["openapiFetch", "openapi-fetch + per-call timeout"],
      ["token", "client, token"],
      ["aksk", "client, AK/SK"],
      ["official", "official SDK, AK/SK"],
    ] as const) {
      ratioRow(section, `${label}: wall µs/call vs plain fetch`, wall[name], wall.fetch, "plain fetch");
      ratioRow(section, `${label}: CPU µs/call vs plain fetch`, cpu[name], cpu.fetch, "plain fetch");
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
  const listTasksBody = () => ({
    task_type: "cluster_scan",
    task_status: "finished",
    cluster_scan_info: { scan_type_list: ["cluster_vul"] },
  });
  const cases = [
    {
      name: "GET with a query (ShowTaskStatistics)",
      // The same request three ways: parts (as AKSKSigner takes them), a Request, and the Request the client
      // builds (its query serializer writes the canonical order).
      parts: () => ({
        method: "GET",
        url: `https://${host}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan&enterprise_project_id=all_granted_eps`,
        headers: {},
      }),
      request: () =>
        new Request(
          `https://${host}/v5/${PROJECT_ID}/common/task-statistics?task_type=cluster_scan&enterprise_project_id=all_granted_eps`,
        ),
      built: () =>
        new Request(
          `https://${host}/v5/${PROJECT_ID}/common/task-statistics?enterprise_project_id=all_granted_eps&task_type=cluster_scan`,
        ),
      body: undefined,
      official: () => ({
        endpoint: `https://${host}/v5/${PROJECT_ID}/common/task-statistics`,
        method: "GET",
        headers: {} as Record<string, string>,
        queryParams: { task_type: "cluster_scan", enterprise_project_id: "all_granted_eps" },
      }),
    },
    {
      name: "POST with a query and a JSON body (ListTasks)",
      parts: () => ({
        method: "POST",
        url: `https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query?offset=0&limit=200`,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(listTasksBody()),
      }),
      request: () =>
        new Request(`https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query?offset=0&limit=200`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(listTasksBody()),
        }),
      built: () =>
        new Request(`https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query?limit=200&offset=0`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(listTasksBody()),
        }),
      body: JSON.stringify(listTasksBody()),
      official: () => ({
        endpoint: `https://${host}/v5/${PROJECT_ID}/common/tasks/batch-query`,
        method: "POST",
        headers: { "Content-Type": "application/json" } as Record<string, string>,
        queryParams: { offset: 0, limit: 200 },
        data: listTasksBody(),
      }),
    },
  ];
  // Three views of our signer, each against AKSKSigner, which gets a fresh request object each time (it fills in
  // its headers and serializes `data` itself). "signHeaders": the same parts as a plain object (the body
  // serialized in the loop too), headers out — the like-for-like comparison. "signRequest": the public function,
  // Request in (built in the loop), new Request out. "client's step": signBuiltRequest on the Request the client
  // builds for openapi-fetch (built before the clock starts: the client builds it anyway), with the body string
  // it serialized once; it sets the headers on that Request.
  const BUILT_AT_ONCE = 50;
  for (const c of cases) {
    // Signs per second of this process's CPU time: with node:crypto every variant runs on this thread only, and
    // CPU time moves much less than wall time when the machine is shared.
    const timed = async (n: number, sign: (i: number) => unknown) => {
      const start = process.cpuUsage();
      for (let i = 0; i < n; i++) await sign(i);
      const used = process.cpuUsage(start);
      return n / ((used.user + used.system) / 1e6);
    };
    const variants = {
      headers: (n: number) => timed(n, () => signHeaders(c.parts(), { ak: AK, sk: SK })),
      public: (n: number) => timed(n, () => signRequest(c.request(), { ak: AK, sk: SK })),
      // The Requests are built off the clock, a few at a time: built all at once, the 1,500 live Requests made every
      // young-generation collection during the timed loop copy them, and the row measured that, not signing.
      hook: async (n: number) => {
        let seconds = 0;
        for (let done = 0; done < n; done += BUILT_AT_ONCE) {
          const requests = Array.from({ length: Math.min(BUILT_AT_ONCE, n - done) }, c.built);
          const rate = await timed(requests.length, (i) => signBuiltRequest(requests[i]!, c.body, { ak: AK, sk: SK }));
          seconds += requests.length / rate;
        }
        return n / seconds;
      },
      official: (n: number) => timed(n, () => AKSKSigner.sign(c.official(), credential)),
    };
    type Name = keyof typeof variants;
    const names = Object.keys(variants) as Name[];
    for (const variant of Object.values(variants)) await variant(500);
    const perRound = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length]!;
        perRound[name].push(await variants[name](ITERATIONS));
      }
    }
    for (const [name, label] of [
      ["headers", "signHeaders on the request's parts"],
      ["public", "signRequest, Request in and out"],
      ["hook", "the client's signing step (signBuiltRequest)"],
    ] as const) {
      const ratio = median(perRound[name].map((ops, i) => ops / perRound.official[i]!));
      rows.push({
        section: "2. signing throughput",
        measure: `${label}, signs per CPU-second: ${c.name}`,
        value: fmt(median(perRound[name]), 0),
        baseline: `${fmt(median(perRound.official), 0)} (AKSKSigner)`,
        ratio: `${fmt(ratio)}×`,
        target: name === "public" ? "report" : "≥ 2.00×",
        verdict: name === "public" ? "—" : verdict(ratio >= 2),
      });
    }
  }
}

// ─── 3. cold start ──────────────────────────────────────────────────────────────────────────────────────────
async function coldStart(): Promise<void> {
  const ROUNDS = 11;
  const server = await startBenchServer();
  const scripts = {
    bare: ["bench/cold/bare.mjs"],
    fetchReady: ["bench/cold/fetch-ready.mjs"],
    library: ["bench/cold/library.mjs"],
    official: ["bench/cold/official.mjs"],
    firstCallLibrary: ["bench/cold/first-call-library.mjs", server.origin, PROJECT_ID],
    firstCallOfficial: ["bench/cold/first-call-official.mjs", server.origin, PROJECT_ID],
  };
  type Name = keyof typeof scripts;
  const names = Object.keys(scripts) as Name[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  const cpuMs: Record<"firstCallLibrary" | "firstCallOfficial", number[]> = {
    firstCallLibrary: [],
    firstCallOfficial: [],
  };
  const once = (name: Name) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, scripts[name], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    if (result.status !== 0) throw new Error(`${scripts[name][0]}: ${result.stderr.toString()}`);
    const elapsed = performance.now() - start;
    // The first-call scripts print their own CPU time (process.cpuUsage at the end, start-up included).
    if (name === "firstCallLibrary" || name === "firstCallOfficial")
      cpuMs[name].push(JSON.parse(result.stdout.toString()).cpuUs / 1000);
    return elapsed;
  };
  try {
    for (const name of names) once(name); // warm the file system cache
    for (const list of Object.values(cpuMs)) list.length = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length]!;
        times[name].push(once(name));
      }
    }
  } finally {
    server.child.kill();
  }
  const ratio = (name: Name) => median(times[name].map((ms, i) => ms / times.bare[i]!));
  const base = `${fmt(median(times.bare), 1)} (bare node)`;
  ratioRow(
    "3. cold start",
    `time to first call: node + import the package (dist/node) + AK/SK client + one call, wall ms (${ROUNDS} runs)`,
    times.firstCallLibrary,
    times.firstCallOfficial,
    "official SDK core & SWR, SwrClient, one listNamespaces",
    { max: 0.5 },
  );
  ratioRow(
    "3. cold start",
    "time to first call: CPU ms of the process",
    cpuMs.firstCallLibrary,
    cpuMs.firstCallOfficial,
    "official SDK, same steps",
    { max: 0.5 },
  );
  rows.push({
    section: "3. cold start",
    measure: `node + import the package + createHssClient, ms (${ROUNDS} runs)`,
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
  // What every bundle here shares: minified ES modules, and the sources' own "#digest" import (package.json
  // "imports"), for which the platform picks node:crypto or Web Crypto.
  const common = {
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    conditions: ["huaweicloud-task-client/source"],
    write: false,
    logLevel: "silent",
  } satisfies BuildOptions;
  const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
  const bundle = async (contents: string, platform: "browser" | "node") => {
    const result = await build({
      ...common,
      stdin: { contents, resolveDir: ROOT, sourcefile: "entry.ts", loader: "ts" },
      platform,
    });
    const bytes = result.outputFiles[0]!.contents;
    return { min: bytes.length, gzip: gzipped(bytes) };
  };
  // A browser app as bundlers build it for production, split into chunks at dynamic imports (Vite, Rollup and
  // webpack do by default): one HSS client with token auth. What loads up front is the entry chunk; the AK/SK
  // signer is a chunk of its own, loaded on a first signed request (src/auth/strategy.ts), so this app never does.
  const splitApp = async (contents: string) => {
    const result = await build({
      ...common,
      entryPoints: ["app"],
      plugins: [
        {
          name: "app",
          setup(plugin) {
            plugin.onResolve({ filter: /^app$/ }, () => ({ path: "app", namespace: "app" }));
            plugin.onLoad({ filter: /.*/, namespace: "app" }, () => ({ contents, resolveDir: ROOT, loader: "ts" }));
          },
        },
      ],
      splitting: true,
      outdir: "out",
      platform: "browser",
    });
    const entry = result.outputFiles.find((file) => file.path.endsWith("/app.js"))!;
    const chunks = result.outputFiles.filter((file) => file !== entry);
    return { entry: gzipped(entry.contents), lazy: chunks.reduce((sum, chunk) => sum + gzipped(chunk.contents), 0) };
  };
  const library = await bundle(`export * from "./src/index.ts";`, "browser");
  const tokenApp = await splitApp(
    `import { createHssClient } from "./src/index.ts";\n` +
      `export const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { token: "t" } });`,
  );
  const openapiFetch = await bundle(
    `export * from "openapi-fetch"; export { default } from "openapi-fetch";`,
    "browser",
  );
  const official = await bundle(`export * from "@huaweicloud/huaweicloud-sdk-core";`, "node");
  rows.push({
    section: "4. size",
    measure: `library bundle (src/index.ts, esbuild --minify, gzip -9); minified ${kb(library.min)}`,
    value: `${kb(library.gzip)} (${library.gzip} B)`,
    baseline: `${kb(openapiFetch.gzip)} (openapi-fetch alone)`,
    ratio: `${fmt(library.gzip / openapiFetch.gzip)}×`,
    target: "≤ 10 kB",
    verdict: verdict(library.gzip <= 10 * 1024),
  });
  rows.push({
    section: "4. size",
    measure: `a browser app: createHssClient, token auth, code-split build — entry chunk (the chunks only AK/SK signing loads: ${kb(tokenApp.lazy)})`,
    value: `${kb(tokenApp.entry)} (${tokenApp.entry} B)`,
    baseline: `${kb(library.gzip)} (library bundle)`,
    ratio: `${fmt(tokenApp.entry / library.gzip)}×`,
    target: "—",
    verdict: "—",
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
  const dependencies = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: object }).dependencies ?? {},
  );
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
    const runs: Record<
      "client" | "fetch",
      { items: number; elapsedMs: number; cpuMs: number; heapBefore: number; heapPeak: number; requests: number }[]
    > = {
      client: [],
      fetch: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 ? (["fetch", "client"] as const) : (["client", "fetch"] as const)) {
        await server.requests(); // reset the counter
        const output = execFileSync(
          process.execPath,
          ["--import", "tsx", join(ROOT, "bench/stream.ts"), mode, server.origin],
          {
            cwd: ROOT,
            encoding: "utf8",
          },
        );
        runs[mode].push({
          ...(JSON.parse(output.trim().split("\n").pop()!) as (typeof runs)["client"][number]),
          requests: await server.requests(),
        });
      }
    }
    const summary = (mode: "client" | "fetch") => {
      const r = runs[mode];
      return {
        itemsPerCpuSecond: median(r.map((x) => x.items / (x.cpuMs / 1000))),
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
      target: "≥ 0.95×",
      verdict:
        client.items === 100_000 && plain.items === 100_000
          ? verdict(client.itemsPerSecond / plain.itemsPerSecond >= 0.95)
          : "**items missing**",
    });
    rows.push({
      section: "5. pagination streaming",
      measure: "the same walks, items per CPU-second of the walking process",
      value: fmt(client.itemsPerCpuSecond, 0),
      baseline: `${fmt(plain.itemsPerCpuSecond, 0)} (fetch loop)`,
      ratio: `${fmt(client.itemsPerCpuSecond / plain.itemsPerCpuSecond)}×`,
      target: "≥ 0.95×",
      verdict: verdict(client.itemsPerCpuSecond / plain.itemsPerCpuSecond >= 0.95),
    });
    rows.push({
      section: "5. pagination streaming",
      measure: "peak heap growth during the walk (peak heapUsed in brackets)",
      value: `${mb(client.peakGrowth)} (${mb(client.peak)})`,
      baseline: `${mb(plain.peakGrowth)} (${mb(plain.peak)}) (fetch loop)`,
      ratio: `${fmt(client.peakGrowth / plain.peakGrowth)}×`,
      target: "≤ 1.1×",
      verdict: verdict(client.peakGrowth / plain.peakGrowth <= 1.1),
    });
    const latency = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/stream.ts"), "concurrency"], {
        cwd: ROOT,
        encoding: "utf8",
      })
        .trim()
        .split("\n")
        .pop()!,
    ) as { items: number; sequentialMs: number; concurrentMs: number };
    rows.push({
      section: "5. pagination streaming",
      measure: `${latency.items} items, server adds 20 ms per page: concurrency 4 vs sequential, ms`,
      value: fmt(latency.concurrentMs, 0),
      baseline: fmt(latency.sequentialMs, 0),
      ratio: `${fmt(latency.sequentialMs / latency.concurrentMs)}× faster`,
      target: "≥ 3×",
      verdict: verdict(latency.sequentialMs / latency.concurrentMs >= 3),
    });
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
const SECTIONS: Record<string, () => void | Promise<void>> = {
  overhead,
  signing,
  cold: coldStart,
  size,
  stream,
  generate,
};
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0)
  throw new Error(`unknown sections: ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);

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
console.log(
  `Machine: ${cpus().length} cores (nproc ${execFileSync("nproc", { encoding: "utf8" }).trim()}), ${cpu}, Node ${process.version}, ${process.platform}-${process.arch}`,
);
console.log(`Date: ${new Date().toISOString()}; bench wall time ${fmt((performance.now() - started) / 1000, 1)} s`);
console.log("");
console.log("| section | measure | value | baseline | ratio | target | verdict |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  console.log(
    `| ${row.section} | ${row.measure} | ${row.value} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.verdict} |`,
  );
}
