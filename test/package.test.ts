/**
 * The npm package as users get it: `npm pack` ships the built JavaScript and declarations with their maps, the
 * sources the maps point to, README, CHANGELOG and LICENSE; installed into an empty ES module project
 * (openapi-fetch resolving from npm's cache), the README's usage snippet type-checks against it (also with the
 * oldest TypeScript the README claims) and the runtime smoke test passes through the package name; installed
 * into an empty CommonJS project, `require()` works on this Node and the newest, and `tsc` with `nodenext`
 * compiles a CommonJS file that imports it, whose output runs. The testing entry
 * (`huaweicloud-task-client/testing`, with its optional peer Ajv installed) starts the stand-in server from the
 * package alone, the README's testing snippet type-checks against it, and a browser bundle of it throws a clear error.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInServer, type StandInServer } from "./server/index.js";
import {
  ensureBuilt,
  ensureNewestNode,
  ensureOldestTypeScript,
  NEWEST_NODE_VERSION,
  OLDEST_TYPESCRIPT_VERSION,
  ROOT,
} from "./runtimes/build.js";
import { expectSmokeMatchesServer, parseResult, run, smokeConfig } from "./runtimes/expect-smoke.js";

const PACKAGE_NAME = "huaweicloud-task-client";
const TESTING_ENTRY = `${PACKAGE_NAME}/testing`;
/** The testing entry's optional peer dependencies, at the versions the repository tests with. */
const TESTING_PEERS = ["ajv", "ajv-formats"].map((name) => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
    version: string;
  };
  return `${name}@${version}`;
});

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let workDir: string;
let consumerDir: string;
let cjsConsumerDir: string;
let packed: PackResult;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    timeout: 170_000,
  });
}

/** The first ```ts block of the README that imports `specifier` (the package by default). */
function readmeUsageSnippet(specifier = PACKAGE_NAME): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  const snippet = blocks.find((block) => block.includes(`from "${specifier}"`));
  if (!snippet) throw new Error(`README.md has no \`\`\`ts block importing ${specifier}`);
  return snippet;
}

/** The snippet as a module: its imports at the top, the rest (top-level awaits included) in an async function. */
function wrapSnippet(snippet: string): string {
  const lines = snippet.split("\n");
  const imports = lines.filter((line) => /^import\s/.test(line));
  const body = lines.filter((line) => !/^import\s/.test(line));
  return [
    ...imports,
    "",
    "export async function readmeUsage(): Promise<void> {",
    ...body.map((line) => `  ${line}`),
    "}",
    "",
  ].join("\n");
}

beforeAll(async () => {
  await ensureBuilt();
  workDir = mkdtempSync(join(tmpdir(), "package-test-"));
  const [result] = JSON.parse(npm(["pack", "--json", "--pack-destination", workDir], ROOT)) as PackResult[];
  packed = result!;

  consumerDir = join(workDir, "consumer");
  mkdirSync(consumerDir);
  writeFileSync(
    join(consumerDir, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  // ajv and ajv-formats: the testing entry's optional peer dependencies, which its users install.
  npm(
    ["install", join(workDir, packed.filename), ...TESTING_PEERS, "--prefer-offline", "--ignore-scripts"],
    consumerDir,
  );

  cjsConsumerDir = join(workDir, "cjs-consumer");
  mkdirSync(cjsConsumerDir);
  writeFileSync(
    join(cjsConsumerDir, "package.json"),
    JSON.stringify({ name: "cjs-consumer", private: true, type: "commonjs" }, null, 2),
  );
  npm(["install", join(workDir, packed.filename), "--prefer-offline", "--ignore-scripts"], cjsConsumerDir);
}, 240_000);

/** Runs a TypeScript compiler (a path to its tsc) in `cwd`; its output, "" when it passed. */
function tsc(compiler: string, cwd: string, project: string): string {
  try {
    execFileSync(process.execPath, [compiler, "-p", project], { cwd, encoding: "utf8", timeout: 120_000 });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/**
 * Writes the consumer's type-check project: the README's snippet, the same client misused (each line a type
 * error, so the snippet was not checked against `any`), and tsconfig.json (skipLibCheck as given).
 */
function writeTypeCheckProject(project: string, skipLibCheck: boolean): void {
  writeFileSync(join(consumerDir, "usage.ts"), wrapSnippet(readmeUsageSnippet()));
  writeFileSync(
    join(consumerDir, "misuse.ts"),
    [
      `import { createHssClient, createSwrClient } from "${PACKAGE_NAME}";`,
      `const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { token: "t" } });`,
      `export async function misuse(): Promise<void> {`,
      `  // @ts-expect-error task_type is an enum`,
      `  await hss.showTaskStatistics({ task_type: "nightly_scan" });`,
      `  // @ts-expect-error listTasks needs task_type`,
      `  await hss.listTasks({ limit: 50 });`,
      `  const swr = createSwrClient({ projectId: "p", region: "ap-southeast-1", auth: { ak: "a", sk: "s" } });`,
      `  const jobs = await swr.listInstanceJobs({});`,
      `  // @ts-expect-error jobs is an array of job objects`,
      `  const wrong: string = jobs.jobs;`,
      `  void wrong;`,
      `}`,
      ``,
    ].join("\n"),
  );
  writeFileSync(
    join(consumerDir, project),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        strict: true,
        noEmit: true,
        skipLibCheck, // misuse.ts fails if a declaration in the package does not resolve (it would become any)
        // The snippet reads process.env: Node's types, from the repository (the consumer installs none).
        typeRoots: [join(ROOT, "node_modules/@types")],
        types: ["node"],
      },
      files: ["usage.ts", "misuse.ts"],
    }),
  );
}

describe("npm pack", () => {
  it("ships the built JavaScript and declarations with their maps, the sources they map to, README, CHANGELOG, LICENSE", () => {
    const paths = packed.files.map((file) => file.path).sort();
    const allowed =
      /^(dist\/(src|generated)\/.+\.(js|d\.ts)(\.map)?|dist\/node\/.+\.js(\.map)?|(src|generated)\/.+\.ts|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "dist/src/index.js",
        "dist/src/index.d.ts",
        "dist/node/index.js",
        "dist/node/credentials.js",
        "dist/generated/hss/operations.js",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "package.json",
      ]),
    );
    // Nothing from the tests, specs, scripts, benchmarks or examples.
    expect(paths.filter((path) => /^(test|spec|scripts|bench|examples)\//.test(path))).toEqual([]);
    // Every built module comes with its declarations, and both with maps; the Node bundle (dist/node) with maps,
    // its declarations being those of dist/src.
    for (const path of paths.filter((p) => p.startsWith("dist/node/") && p.endsWith(".js"))) {
      expect(paths).toContain(`${path}.map`);
    }
    for (const path of paths.filter((p) => p.endsWith(".js") && !p.startsWith("dist/node/"))) {
      expect(paths).toContain(path.replace(/\.js$/, ".d.ts"));
      expect(paths).toContain(`${path}.map`);
      expect(paths).toContain(path.replace(/\.js$/, ".d.ts.map"));
    }
  });

  it("maps every declaration and module to a source file in the package", () => {
    const installed = join(consumerDir, "node_modules", PACKAGE_NAME);
    const maps = packed.files.map((file) => file.path).filter((path) => path.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(installed, map), "utf8")) as { sources: string[] };
      // One source per module; a bundle of dist/node maps to the sources of the modules it holds (none for a chunk
      // that only re-exports another).
      if (!map.startsWith("dist/node/")) expect(sources.length, map).toBe(1);
      for (const path of sources) {
        const source = join(installed, dirname(map), path);
        expect(existsSync(source), `${map} → ${path}`).toBe(true);
        expect(source.startsWith(installed)).toBe(true);
        expect(source.endsWith(".ts"), `${map} → ${path}`).toBe(true);
      }
    }
  });

  it("installs into an empty project with openapi-fetch as its only dependency", () => {
    const installed = JSON.parse(
      readFileSync(join(consumerDir, "node_modules", PACKAGE_NAME, "package.json"), "utf8"),
    ) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies ?? {})).toEqual(["openapi-fetch"]);
    expect(existsSync(join(consumerDir, "node_modules/openapi-fetch/package.json"))).toBe(true);
  });

  it("names its repository, homepage, bug tracker and keywords (npm provenance needs the repository)", () => {
    const installed = JSON.parse(
      readFileSync(join(consumerDir, "node_modules", PACKAGE_NAME, "package.json"), "utf8"),
    ) as Record<string, unknown>;
    const { repository, bugs } = installed as { repository: { type: string; url: string }; bugs: { url: string } };
    expect(repository.type).toBe("git");
    expect(repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    expect(installed["homepage"]).toMatch(/^https:\/\/github\.com\//);
    expect(bugs.url).toMatch(/\/issues$/);
    expect(installed["keywords"]).toEqual(expect.arrayContaining(["huawei-cloud", "hss", "swr"]));
  });
});

/**
 * The resolutions a consumer may use (README, Install), with a module to match: the three that read the package's
 * exports and imports maps, and the legacy node10 (a CommonJS TypeScript project's default), which reads neither —
 * it finds the root through "types", the subpaths through "typesVersions", and the declarations' own imports
 * written as relative paths by the build (scripts/build/declaration-imports.ts).
 */
const STRICT_RESOLUTIONS = [
  ["node16", "node16"],
  ["nodenext", "nodenext"],
  ["bundler", "esnext"],
  ["node10", "commonjs"],
] as const;

/**
 * A strict consumer's module: the types a user names from each entry, and the helpers' options fed the user's own
 * optional values (`T | undefined` under exactOptionalPropertyTypes). Each `@ts-expect-error` line is a misuse,
 * so the names cannot have resolved to `any`.
 */
const STRICT_USAGE = [
  `import { createHssClient, createSwrClient, paginate, waitForTask, signHeaders, HuaweiCloudError,`,
  `  HuaweiCloudSdkError, InvalidInputError, InvalidPageError, RedirectError, TaskWaitTimeoutError } from "${PACKAGE_NAME}";`,
  `import type { HssClient, HssClientOptions, SwrClient, InputOf, OutputOf, ItemOf, CallOptions, PaginateOptions,`,
  `  WaitForTaskOptions, ListTasksInput, ListTasksOutput, ListTasksItem, ListTasksTaskInfo, CreateTaskInput,`,
  `  ListInstanceJobsItem, JobDetail, HssErrorBody } from "${PACKAGE_NAME}";`,
  `import { cached, CredentialsError, type Credentials, type CredentialProvider } from "${PACKAGE_NAME}/credentials";`,
  `import { startStandInServer, type StandInServer, type Fault } from "${TESTING_ENTRY}";`,
  ``,
  `interface Mine { readonly signal?: AbortSignal; readonly max?: number; readonly timeoutMs?: number }`,
  ``,
  `export async function use(mine: Mine, provider: () => Promise<Credentials>): Promise<void> {`,
  `  const options: HssClientOptions = { region: "ap-southeast-1", auth: cached(provider), timeoutMs: mine.timeoutMs };`,
  `  const hss: HssClient = createHssClient(options);`,
  `  const swr: SwrClient = createSwrClient({ region: "ap-southeast-1", auth: { token: "t" } });`,
  `  const input: InputOf<HssClient["listTasks"]> & ListTasksInput = { task_type: "iac_scan", limit: undefined };`,
  `  const call: CallOptions = { signal: mine.signal, timeoutMs: mine.timeoutMs };`,
  `  const page: OutputOf<HssClient["listTasks"]> & ListTasksOutput = await hss.listTasks(input, call);`,
  `  const first: ListTasksTaskInfo | undefined = page.data_list?.[0];`,
  `  const walk: PaginateOptions = { maxItems: mine.max, signal: mine.signal, timeoutMs: mine.timeoutMs };`,
  `  for await (const task of paginate(hss.listTasks, input, walk)) {`,
  `    const item: ItemOf<HssClient["listTasks"]> & ListTasksItem = task;`,
  `    void item;`,
  `  }`,
  `  const jobs: (ListInstanceJobsItem & JobDetail)[] = await paginate.all(swr.listInstanceJobs, {}, { signal: mine.signal });`,
  `  const created: CreateTaskInput = { task_type: "iac_scan", iac_scan_info: { file_type: "dockerfile", file_id_list: ["f"] } };`,
  `  const { task_id } = await hss.createTask(created);`,
  `  const wait: WaitForTaskOptions = { maxWaitMs: 60_000, signal: mine.signal, timeoutMs: mine.timeoutMs };`,
  `  if (task_id !== undefined) await waitForTask(hss, { task_id, task_type: "iac_scan" }, wait);`,
  `  await signHeaders({ method: "GET", url: "https://hss.example.com/", body: undefined }, { ak: "a", sk: "s" });`,
  `  const sources: CredentialProvider = provider;`,
  `  const server: StandInServer = await startStandInServer({ seed: { tasks: 3 } });`,
  `  const fault: Fault = { operation: "ListTasks", status: 503 };`,
  `  server.faults.push(fault);`,
  `  await server.close();`,
  `  void [first, jobs, sources];`,
  `  // @ts-expect-error task_type is an enum`,
  `  await hss.listTasks({ task_type: "nightly" });`,
  `  // @ts-expect-error jobs are not tasks`,
  `  const wrong: ListTasksTaskInfo[] = jobs;`,
  `  // @ts-expect-error maxItems is a number`,
  `  await paginate.all(hss.listTasks, input, { maxItems: "10" });`,
  `  void wrong;`,
  `}`,
  ``,
  `export function classify(error: unknown): string {`,
  `  if (error instanceof InvalidPageError) return error.behaviour;`,
  `  if (error instanceof HuaweiCloudError) return String(error.status) + (error.errorCode ?? "");`,
  `  if (error instanceof InvalidInputError) return error.field;`,
  `  if (error instanceof RedirectError) return error.location ?? "";`,
  `  if (error instanceof TaskWaitTimeoutError) return error.taskId;`,
  `  if (error instanceof HuaweiCloudSdkError) return error.name;`,
  `  if (error instanceof CredentialsError) return error.source;`,
  `  const body: HssErrorBody | undefined = undefined;`,
  `  return String(body);`,
  `}`,
  ``,
].join("\n");

describe("the installed package", () => {
  it("type-checks the README's usage snippet, with the package's types in force", () => {
    writeTypeCheckProject("tsconfig.json", true);
    expect(tsc(TSC, consumerDir, "tsconfig.json")).toBe("");
  }, 120_000);

  it(`type-checks with the oldest TypeScript the README claims (${OLDEST_TYPESCRIPT_VERSION}), dependencies' declarations included`, async () => {
    // Without skipLibCheck: openapi-fetch's declarations are what need TS 5.4 (5.0 with skipLibCheck).
    writeTypeCheckProject("tsconfig.min.json", false);
    const claimed = OLDEST_TYPESCRIPT_VERSION.replace(/\.\d+$/, "");
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`TypeScript ${claimed}`);
    const manifest = JSON.parse(
      readFileSync(join(consumerDir, "node_modules", PACKAGE_NAME, "package.json"), "utf8"),
    ) as {
      peerDependencies?: Record<string, string>;
    };
    expect(manifest.peerDependencies?.["typescript"]).toBe(`>=${claimed}`);
    expect(tsc(await ensureOldestTypeScript(), consumerDir, "tsconfig.min.json")).toBe("");
  }, 300_000);

  it.each(STRICT_RESOLUTIONS)(
    "type-checks a strict consumer naming the public types of every entry (moduleResolution %s, exactOptionalPropertyTypes, dependencies' declarations included)",
    (moduleResolution, module) => {
      writeFileSync(join(consumerDir, "strict-usage.ts"), STRICT_USAGE);
      const project = `tsconfig.strict-${moduleResolution}.json`;
      writeFileSync(
        join(consumerDir, project),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module,
            moduleResolution,
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            strict: true,
            exactOptionalPropertyTypes: true,
            noEmit: true,
            skipLibCheck: false,
            typeRoots: [join(ROOT, "node_modules/@types")],
            types: ["node"],
          },
          files: ["strict-usage.ts"],
        }),
      );
      expect(tsc(TSC, consumerDir, project)).toBe("");
    },
    120_000,
  );

  it("gives a project that resolves with the browser condition the browser's credential helpers: no Node-only sources", () => {
    // The same file checked twice: with customConditions ["browser"] (as a browser app's tsconfig may say), the
    // Node-only fromEnv is not exported, so the @ts-expect-error holds; without it, Node's declarations apply and
    // the unused @ts-expect-error is itself an error, so the condition is what made the difference.
    writeFileSync(
      join(consumerDir, "browser-credentials.ts"),
      [
        `import { cached, chain, type Credentials } from "${PACKAGE_NAME}/credentials";`,
        `// @ts-expect-error fromEnv reads the environment: Node, Bun and Deno only`,
        `import { fromEnv } from "${PACKAGE_NAME}/credentials";`,
        `export const keys = cached(chain(async (): Promise<Credentials> => ({ ak: "a", sk: "s", source: "backend" })));`,
        `void fromEnv;`,
        ``,
      ].join("\n"),
    );
    const project = (name: string, customConditions: string[]) => {
      writeFileSync(
        join(consumerDir, name),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "esnext",
            moduleResolution: "bundler",
            customConditions,
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          files: ["browser-credentials.ts"],
        }),
      );
      return tsc(TSC, consumerDir, name);
    };
    expect(project("tsconfig.browser.json", ["browser"])).toBe("");
    expect(project("tsconfig.not-browser.json", [])).toContain("TS2578"); // Unused '@ts-expect-error' directive.
  }, 120_000);

  describe("against the stand-in server", () => {
    let server: StandInServer;
    beforeAll(async () => {
      server = await startStandInServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it("passes the smoke test imported by package name", async () => {
      for (const file of ["smoke.mjs", "run-smoke.mjs"])
        copyFileSync(join(ROOT, "test/runtimes", file), join(consumerDir, file));
      const result = await run(
        process.execPath,
        [join(consumerDir, "run-smoke.mjs"), PACKAGE_NAME, JSON.stringify(smokeConfig(server))],
        {
          cwd: consumerDir,
        },
      );
      const { summary } = parseResult(result);
      expectSmokeMatchesServer(summary, server);
    });
  });
});

describe("the installed package in a CommonJS project", () => {
  let server: StandInServer;
  beforeAll(async () => {
    server = await startStandInServer();
    for (const file of ["smoke.mjs", "require-smoke.cjs"])
      copyFileSync(join(ROOT, "test/runtimes", file), join(cjsConsumerDir, file));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function requireSmoke(node: string): Promise<string> {
    server.reset();
    const args = [join(cjsConsumerDir, "require-smoke.cjs"), PACKAGE_NAME, JSON.stringify(smokeConfig(server))];
    const { runtime, summary } = parseResult(await run(node, args, { cwd: cjsConsumerDir }));
    expectSmokeMatchesServer(summary, server);
    return runtime;
  }

  it(`loads with require() and passes the smoke test on this Node (${process.version})`, async () => {
    expect(await requireSmoke(process.execPath)).toBe(`node ${process.version}`);
  });

  it(`loads with require() and passes the smoke test on the newest Node (${NEWEST_NODE_VERSION})`, async () => {
    expect(await requireSmoke(await ensureNewestNode())).toBe(`node v${NEWEST_NODE_VERSION}`);
  }, 300_000);

  it("compiles with tsc (module nodenext) to require() calls that run", async () => {
    writeFileSync(
      join(cjsConsumerDir, "index.ts"),
      [
        `import { createHssClient, HuaweiCloudError, paginate } from "${PACKAGE_NAME}";`,
        `import type { JobDetail, ListTasksInput, ListTasksItem, ListTasksOutput, ListTasksTaskInfo } from "${PACKAGE_NAME}";`,
        `const input: ListTasksInput = { task_type: "iac_scan", limit: 10 };`,
        `export const named: [ListTasksTaskInfo?, ListTasksItem?, JobDetail?] = [];`,
        `const hss = createHssClient({ projectId: process.argv[3]!, endpoint: process.argv[2]!, auth: { token: process.argv[4]! } });`,
        `hss.listTasks(input).then((page: ListTasksOutput) => {`,
        `  console.log(JSON.stringify({ items: page.data_list?.length, error: typeof HuaweiCloudError, paginate: typeof paginate }));`,
        `});`,
        ``,
      ].join("\n"),
    );
    writeFileSync(
      join(cjsConsumerDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          lib: ["ES2022", "DOM"],
          strict: true,
          typeRoots: [join(ROOT, "node_modules/@types")],
          types: ["node"],
        },
        files: ["index.ts"],
      }),
    );
    expect(tsc(TSC, cjsConsumerDir, "tsconfig.json")).toBe("");
    const compiled = readFileSync(join(cjsConsumerDir, "index.js"), "utf8");
    expect(compiled).toContain(`require("${PACKAGE_NAME}")`);
    const { url, projectId, token } = smokeConfig(server);
    const result = await run(process.execPath, [join(cjsConsumerDir, "index.js"), url, projectId, token], {
      cwd: cjsConsumerDir,
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ items: 10, error: "function", paginate: "function" });
  }, 120_000);
});

describe("the installed package's testing entry", () => {
  it("starts the stand-in server, which a client of the package calls, a fault reaches, and the request log shows", async () => {
    writeFileSync(
      join(consumerDir, "testing-entry.mjs"),
      [
        `import { createHssClient, HuaweiCloudError } from "${PACKAGE_NAME}";`,
        `import { DEFAULT_AK, DEFAULT_SK, startStandInServer } from "${TESTING_ENTRY}";`,
        `const server = await startStandInServer({ seed: { tasks: 30 } });`,
        `try {`,
        `  const auth = { ak: DEFAULT_AK, sk: DEFAULT_SK };`,
        `  const hss = createHssClient({ endpoint: server.url, projectId: server.projectId, auth, retry: false });`,
        `  const page = await hss.listTasks({ task_type: "iac_scan", limit: 10 });`,
        `  server.faults.push({ operation: "ShowTaskStatistics", status: 503 });`,
        `  const error = await hss.showTaskStatistics({ task_type: "iac_scan" }).catch((e) => e);`,
        `  const stats = await hss.showTaskStatistics({ task_type: "iac_scan" });`,
        `  console.log(JSON.stringify({`,
        `    items: page.data_list.length,`,
        `    total: page.total_num,`,
        `    fault: [error instanceof HuaweiCloudError, error.status],`,
        `    stats: typeof stats.total_num,`,
        `    requests: server.requests.map((r) => [r.method, r.operation, r.status, r.principal?.kind]),`,
        `    authorization: server.requests[0].headers.authorization,`,
        `  }));`,
        `} finally {`,
        `  await server.close();`,
        `}`,
        ``,
      ].join("\n"),
    );
    const result = await run(process.execPath, [join(consumerDir, "testing-entry.mjs")], { cwd: consumerDir });
    expect(result.stderr).toBe("");
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ items: 10, fault: [true, 503], stats: "number" });
    expect(summary["total"]).toBeGreaterThan(10);
    expect(summary["requests"]).toEqual([
      ["POST", "ListTasks", 200, "aksk"],
      ["GET", "ShowTaskStatistics", 503, null], // a fault answers before authentication
      ["GET", "ShowTaskStatistics", 200, "aksk"],
    ]);
    // The log is safe to print: the signature is redacted.
    expect(summary["authorization"]).not.toMatch(/Signature=[0-9a-f]{64}/);
  });

  it("type-checks the README's testing snippet against the package's declarations", () => {
    writeFileSync(join(consumerDir, "testing-usage.ts"), wrapSnippet(readmeUsageSnippet(TESTING_ENTRY)));
    writeFileSync(
      join(consumerDir, "tsconfig.testing.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          typeRoots: [join(ROOT, "node_modules/@types")],
          types: ["node"],
        },
        files: ["testing-usage.ts"],
      }),
    );
    expect(tsc(TSC, consumerDir, "tsconfig.testing.json")).toBe("");
  }, 120_000);

  it("runs the README's testing snippet as written (its types stripped), every assertion in it passing", async () => {
    // Type-checking it (above) does not run its asserts: a claim about what the server logs could be wrong.
    const { outputText } = ts.transpileModule(readmeUsageSnippet(TESTING_ENTRY), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(consumerDir, "readme-testing.mjs"), outputText);
    const result = await run(process.execPath, [join(consumerDir, "readme-testing.mjs")], { cwd: consumerDir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("resolves to a module that throws a clear error where the `node` condition does not apply (a browser bundle)", async () => {
    writeFileSync(
      join(consumerDir, "browser-testing.mjs"),
      `import { startStandInServer } from "${TESTING_ENTRY}";\nawait startStandInServer();\n`,
    );
    const esbuild = join(ROOT, "node_modules/esbuild/bin/esbuild");
    const bundle = join(consumerDir, "browser-testing.bundle.mjs");
    execFileSync(
      esbuild,
      ["browser-testing.mjs", "--bundle", "--platform=browser", "--format=esm", `--outfile=${bundle}`],
      {
        cwd: consumerDir,
        stdio: "pipe",
      },
    );
    const result = await run(process.execPath, [bundle], { cwd: consumerDir });
    expect(result.stderr).toContain("huaweicloud-task-client/testing (the stand-in server) runs on Node.js only");
    expect(readFileSync(bundle, "utf8")).not.toMatch(/["']node:http["']/);
  });
});
