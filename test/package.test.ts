/**
 * The npm package as users get it: `npm pack` ships only the built JavaScript, its declarations, README and
 * LICENSE; installed into an empty project (openapi-fetch resolving from npm's cache), the README's usage
 * snippet type-checks against it, and the runtime smoke test passes through the package name.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInServer, type StandInServer } from "./server/index.js";
import { ensureBuilt, ROOT } from "./runtimes/build.js";
import { expectSmokeMatchesServer, parseResult, run, smokeConfig } from "./runtimes/expect-smoke.js";

const PACKAGE_NAME = "huaweicloud-task-client";

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let workDir: string;
let consumerDir: string;
let packed: PackResult;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", timeout: 170_000 });
}

/** The first ```ts block of the README that imports the package. */
function readmeUsageSnippet(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  const snippet = blocks.find((block) => new RegExp(`from ["']${PACKAGE_NAME}["']`).test(block));
  if (!snippet) throw new Error(`README.md has no \`\`\`ts block importing ${PACKAGE_NAME}`);
  return snippet;
}

/** The snippet as a module: its imports at the top, the rest (top-level awaits included) in an async function. */
function wrapSnippet(snippet: string): string {
  const lines = snippet.split("\n");
  const imports = lines.filter((line) => /^import\s/.test(line));
  const body = lines.filter((line) => !/^import\s/.test(line));
  return [...imports, "", "export async function readmeUsage(): Promise<void> {", ...body.map((line) => `  ${line}`), "}", ""].join("\n");
}

beforeAll(async () => {
  await ensureBuilt();
  workDir = mkdtempSync(join(tmpdir(), "package-test-"));
  const [result] = JSON.parse(npm(["pack", "--json", "--pack-destination", workDir], ROOT)) as PackResult[];
  packed = result!;

  consumerDir = join(workDir, "consumer");
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  npm(["install", join(workDir, packed.filename), "--prefer-offline", "--ignore-scripts"], consumerDir);
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships only the built JavaScript and declarations, README, LICENSE and package.json", () => {
    const paths = packed.files.map((file) => file.path).sort();
    const allowed = /^(dist\/(src|generated)\/.+\.(js|d\.ts)|README\.md|LICENSE|package\.json)$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(["dist/src/index.js", "dist/src/index.d.ts", "dist/generated/hss/operations.js", "README.md", "LICENSE", "package.json"]));
    // Nothing from the sources, tests, specs or scripts (a .d.ts is a declaration, every other .ts a source).
    expect(paths.filter((path) => /^(src|test|spec|scripts|bench|generated|examples)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"))).toEqual([]);
    // Every built module comes with its declarations.
    for (const path of paths.filter((p) => p.endsWith(".js"))) expect(paths).toContain(path.replace(/\.js$/, ".d.ts"));
  });

  it("installs into an empty project with openapi-fetch as its only dependency", () => {
    const installed = JSON.parse(readFileSync(join(consumerDir, "node_modules", PACKAGE_NAME, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies ?? {})).toEqual(["openapi-fetch"]);
    expect(existsSync(join(consumerDir, "node_modules/openapi-fetch/package.json"))).toBe(true);
    expect(existsSync(join(consumerDir, "node_modules", PACKAGE_NAME, "src"))).toBe(false);
  });
});

describe("the installed package", () => {
  it("type-checks the README's usage snippet, with the package's types in force", () => {
    writeFileSync(join(consumerDir, "usage.ts"), wrapSnippet(readmeUsageSnippet()));
    // The same client misused: each line must be a type error, so the snippet was not checked against `any`.
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
      join(consumerDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          strict: true,
          noEmit: true,
          skipLibCheck: true, // misuse.ts fails if a declaration in the package does not resolve (it would become any)
          // The snippet reads process.env: Node's types, from the repository (the consumer installs none).
          typeRoots: [join(ROOT, "node_modules/@types")],
          types: ["node"],
        },
        files: ["usage.ts", "misuse.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
        cwd: consumerDir,
        encoding: "utf8",
        timeout: 120_000,
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
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
      for (const file of ["smoke.mjs", "run-smoke.mjs"]) copyFileSync(join(ROOT, "test/runtimes", file), join(consumerDir, file));
      const result = await run(process.execPath, [join(consumerDir, "run-smoke.mjs"), PACKAGE_NAME, JSON.stringify(smokeConfig(server))], {
        cwd: consumerDir,
      });
      const { summary } = parseResult(result);
      expectSmokeMatchesServer(summary, server);
    });
  });
});
