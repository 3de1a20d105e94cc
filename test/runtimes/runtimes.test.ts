/**
 * The same smoke test (smoke.mjs: a token call, AK/SK calls, one pagination, one rejected call) under every
 * runtime the README promises: this Node (20.19+), the LTS lines and the newest Node (TESTED_NODE_VERSIONS), Bun,
 * Deno — each a subprocess importing the built library from dist/ — and headless Chromium (the one findChromium
 * finds: CHROMIUM_PATH, a system browser, Playwright's cache), which loads an esbuild ES module bundle of the library
 * into a page served from another loopback origin (so the calls are cross-origin, through the stand-in
 * server's CORS). The stand-in server runs here, in the vitest process. Any import of a Node-only module would
 * fail the Bun/Deno runs on resolution differences and the browser bundle outright (platform "browser").
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../helpers/chromium.js";
import { startStandInServer, type StandInServer } from "../server/index.js";
import {
  DIST_ENTRY,
  ensureBuilt,
  ensureNode,
  findRuntimeBinary,
  NODE_DIST_ENTRY,
  ROOT,
  TESTED_NODE_VERSIONS,
} from "./build.js";
import { expectSmokeMatchesServer, parseResult, run, smokeConfig, type SmokeSummary } from "./expect-smoke.js";

const SMOKE_CLI = join(ROOT, "test/runtimes/run-smoke.mjs");
// Each runtime runs what the package's exports give it: Node the bundle (dist/node), Bun and Deno dist/src.
const LIBRARY_URL = pathToFileURL(DIST_ENTRY).href;
const NODE_LIBRARY_URL = pathToFileURL(NODE_DIST_ENTRY).href;

let server: StandInServer;

beforeAll(async () => {
  await ensureBuilt();
  server = await startStandInServer();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => server.reset());

function smokeArgs(library = LIBRARY_URL): string[] {
  return [SMOKE_CLI, library, JSON.stringify(smokeConfig(server))];
}

describe("the smoke test passes", () => {
  it(`on this Node (${process.version})`, async () => {
    const { runtime, summary } = parseResult(await run(process.execPath, smokeArgs(NODE_LIBRARY_URL)));
    expect(runtime).toBe(`node ${process.version}`);
    expect(summary.digest).toBe("node:crypto");
    expect(summary.transport).toBe("node:http");
    expectSmokeMatchesServer(summary, server);
  });

  it.each(TESTED_NODE_VERSIONS)(
    "on Node %s",
    async (version) => {
      const node = await ensureNode(version);
      const { runtime, summary } = parseResult(await run(node, smokeArgs(NODE_LIBRARY_URL)));
      expect(runtime).toBe(`node v${version}`);
      expect(summary.digest).toBe("node:crypto");
      expect(summary.transport).toBe("node:http");
      expectSmokeMatchesServer(summary, server);
    },
    300_000,
  );

  it("on Bun", async () => {
    const { runtime, summary } = parseResult(await run(findRuntimeBinary("bun"), smokeArgs()));
    expect(runtime).toMatch(/^bun \d+\.\d+\.\d+/);
    expect(summary.digest).toBe("node:crypto");
    expect(summary.transport).toBe("fetch"); // Bun's fetch is native: the "bun" condition picks it
    expectSmokeMatchesServer(summary, server);
  });

  it("on Deno", async () => {
    const deno = findRuntimeBinary("deno");
    const host = new URL(server.url).host;
    // Network to the stand-in only; reads for the library and node_modules (openapi-fetch, found through
    // package.json); no lock file written into the repository.
    const result = await run(
      deno,
      ["run", `--allow-net=${host}`, `--allow-read=${ROOT}`, "--no-lock", "--no-prompt", ...smokeArgs()],
      {
        cwd: ROOT,
      },
    );
    const { runtime, summary } = parseResult(result);
    expect(runtime).toMatch(/^deno \d+\.\d+\.\d+/);
    expect(summary.digest).toBe("node:crypto");
    expect(summary.transport).toBe("fetch"); // Deno's fetch is native: the "deno" condition picks it
    expectSmokeMatchesServer(summary, server);
  });

  describe("in headless Chromium", () => {
    let pageServer: Server;
    let pageOrigin: string;
    let profileDir: string;
    // The chunk of the AK/SK signing strategy, and every path the page server was asked for.
    let signingChunk: string | undefined;
    const served: string[] = [];

    beforeAll(async () => {
      // The library for the browser as bundlers build apps for production: ES modules split into chunks at dynamic
      // imports, so the AK/SK signing strategy (src/auth/signing-auth.ts) is a chunk the page loads on its first
      // signed request. A Node built-in import would fail this build.
      const bundle = await build({
        entryPoints: { library: DIST_ENTRY },
        bundle: true,
        splitting: true,
        outdir: "/",
        format: "esm",
        platform: "browser",
        target: "es2022",
        write: false,
        logLevel: "silent",
        metafile: true,
      });
      const text = bundle.outputFiles.map((file) => file.text).join("\n");
      // The "browser" platform resolves "#digest" to Web Crypto: node:crypto must not be in the bundle at all.
      expect(text).not.toContain("node:crypto");
      // ... and "#services", "#default-chain" and "#client-values" to their browser files: the IAM client and the
      // credential helpers (IAM tokens, chains, the project id lookup) stay out of a browser bundle.
      const inputs = Object.keys(bundle.metafile.inputs);
      expect(
        inputs.filter((input) => /generated\/iam\/|credentials\/(iam-token|project-id|chain|node)\./.test(input)),
      ).toEqual([]);
      expect(inputs.some((input) => input.endsWith("generated/hss/client.js"))).toBe(true);
      // Nor node:http or node:zlib: "#transport" resolves to the fetch module there.
      expect(text).not.toMatch(/node:http|node:zlib/);
      signingChunk = bundle.outputFiles.map((file) => file.path).find((path) => path.startsWith("/signing-auth-"));
      expect(signingChunk).toBeDefined();
      const files: Record<string, { type: string; body: string }> = {
        ...Object.fromEntries(
          bundle.outputFiles.map((file) => [file.path, { type: "text/javascript", body: file.text }]),
        ),
        "/smoke.mjs": { type: "text/javascript", body: readFileSync(join(ROOT, "test/runtimes/smoke.mjs"), "utf8") },
        "/": { type: "text/html", body: pageHtml() },
      };
      pageServer = createServer((req, res) => {
        const path = new URL(req.url ?? "/", "http://page.invalid").pathname;
        served.push(path);
        const file = files[path];
        res.writeHead(file ? 200 : 404, { "Content-Type": file?.type ?? "text/plain", "Cache-Control": "no-store" });
        res.end(file?.body ?? "not found");
      });
      await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
      pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
      profileDir = mkdtempSync(join(tmpdir(), "smoke-chromium-"));
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    });

    it("from an esbuild bundle, cross-origin", async () => {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const consoleLines: string[] = [];
        page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
        page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
        const config = smokeConfig(server);
        await page.goto(`${pageOrigin}/#${encodeURIComponent(JSON.stringify(config))}`);
        const handle = await page.waitForFunction(
          () => (globalThis as { smokeOutcome?: unknown }).smokeOutcome,
          undefined,
          {
            timeout: 30_000,
          },
        );
        const outcome = (await handle.jsonValue()) as {
          ok: boolean;
          summary?: SmokeSummary;
          error?: string;
          userAgent: string;
        };
        expect(outcome.error, consoleLines.join("\n")).toBeUndefined();
        expect(outcome.ok).toBe(true);
        expect(outcome.userAgent).toMatch(/Chrome\/\d+/);
        expect(new URL(pageOrigin).port).not.toBe(new URL(server.url).port); // cross-origin: CORS was exercised
        expect(outcome.summary!.digest).toBe("web-crypto");
        expect(outcome.summary!.transport).toBe("fetch");
        expectSmokeMatchesServer(outcome.summary!, server);
        // Every call came from the page's origin, so the browser's CORS checks let each answer through.
        expect(server.requests.length).toBeGreaterThan(0);
        expect(server.requests.every((request) => request.headers["origin"] === pageOrigin)).toBe(true);
        // The smoke test signs with AK/SK, so the page loaded the signing strategy's chunk when it first signed.
        expect(served).toContain(signingChunk);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
});

/** The page: loads the bundle and the smoke test, runs it with the config from the URL fragment, reports back. */
function pageHtml(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>smoke</title></head><body>
<script type="module">
  import * as lib from "./library.js";
  import { smoke } from "./smoke.mjs";
  const config = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  smoke(lib, config).then(
    (summary) => { globalThis.smokeOutcome = { ok: true, summary, userAgent: navigator.userAgent }; },
    (error) => { globalThis.smokeOutcome = { ok: false, error: String(error && error.stack || error), userAgent: navigator.userAgent }; },
  );
</script>
</body></html>`;
}
