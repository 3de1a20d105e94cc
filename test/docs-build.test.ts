/**
 * `npm run docs:build` (scripts/docs-build.ts), built into a temporary folder and opened from disk in headless
 * Chromium with every non-file request refused: the index links every spec reference and the TypeScript API;
 * each spec page renders every operation of its spec (clicked in the sidebar, found as a section with its
 * method and path); the TypeScript API lists and documents every export of the package root.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHROMIUM_ARGS, chromiumPath } from "./helpers/chromium.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/**
 * The one remote resource of a Redoc page: the logo in its "API docs by Redocly" badge, an <img> that Redoc
 * hides when it cannot load. Everything else (script, styles, the spec) is inlined.
 */
const REDOC_BADGE_LOGO = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg$/;

interface SpecOperation {
  tag: string;
  operationId: string;
  summary: string;
  method: string;
  path: string;
}

/** Every operation of every spec, from spec/*.yaml. */
function specOperations(): Map<string, SpecOperation[]> {
  const byService = new Map<string, SpecOperation[]>();
  for (const name of readdirSync(path.join(ROOT, "spec")).filter((n) => n.endsWith(".yaml"))) {
    const doc = parse(readFileSync(path.join(ROOT, "spec", name), "utf8")) as {
      paths: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([urlPath, item]) =>
      Object.entries(item)
        .filter(([, op]) => typeof op === "object" && op !== null && typeof op.operationId === "string")
        .map(([method, op]) => ({
          tag: op.tags?.[0] ?? "",
          operationId: op.operationId!,
          summary: op.summary ?? "",
          method: method.toUpperCase(),
          path: urlPath,
        })),
    );
    byService.set(name.split(".")[0]!, operations);
  }
  return byService;
}

/** The type names the package root exports: those src/index.ts names, and those of the generated files it re-exports. */
function typeExports(): string[] {
  return moduleExports(path.join(ROOT, "src/index.ts")).filter((name) => /^[A-Z]/.test(name));
}

const packageImports = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    imports: Record<string, { "huaweicloud-task-client/source": { default: string } }>;
  }
).imports;

/** The names a module exports: its own declarations, `export { … }` lists, and `export * from` followed. */
function moduleExports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const named = [...text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!.split(",").map((part) => part.replace(/^\s*type\s+/, "").trim()),
  );
  const declared = [
    ...text.matchAll(/^export (?:declare )?(?:type|interface|class|function|const|abstract class) (\w+)/gm),
  ].map((m) => m[1]!);
  const starred = [...text.matchAll(/^export (?:type )?\* from "(\.[\w/.-]+)\.js";$/gm)].flatMap((m) =>
    moduleExports(path.join(path.dirname(file), `${m[1]}.ts`)),
  );
  // A package import ("#services"): the source file outside browsers, which the API documents.
  const imported = [...text.matchAll(/^export (?:type )?\* from "(#[\w-]+)";$/gm)].flatMap((m) =>
    moduleExports(path.join(ROOT, packageImports[m[1]!]!["huaweicloud-task-client/source"].default)),
  );
  return [...named, ...declared, ...starred, ...imported].filter((name) => name !== "");
}

let out: string;
let browser: Browser;
const remoteRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "docs-build-"));
  execFileSync("npm", ["run", "docs:build", "--", "--out", out], { cwd: ROOT, stdio: "pipe", timeout: 170_000 });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** A page that may load only files (and data: URLs); any other request is refused and recorded. */
async function offlinePage(): Promise<Page> {
  const page = await browser.newPage();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    remoteRequests.push(url);
    return route.abort();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

describe("npm run docs:build", () => {
  it("writes an index page linking each spec's reference and the TypeScript API", async () => {
    const page = await offlinePage();
    await page.goto(pathToFileURL(path.join(out, "index.html")).href);
    const links = await page.locator("a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    const services = [...specOperations().keys()].sort();
    expect(links).toEqual([...services.map((service) => `reference/${service}.html`), "api/index.html"]);
    await page.close();
  });

  for (const [service, operations] of specOperations()) {
    it(`renders every operation of the ${service} spec, offline`, async () => {
      const page = await offlinePage();
      await page.goto(pathToFileURL(path.join(out, "reference", `${service}.html`)).href);
      // Expand every tag of the sidebar, then open each operation from it.
      for (const tag of new Set(operations.map((op) => op.tag))) {
        await page
          .locator('[data-testid="menu-item-label"]', { hasText: new RegExp(`^\\s*${tag}\\s*$`) })
          .first()
          .click();
      }
      for (const op of operations) {
        await page.locator('[data-testid="menu-item-label"]', { hasText: op.summary }).first().click();
        await page.waitForURL((url) => url.hash.toLowerCase().endsWith(`/${op.operationId.toLowerCase()}`));
        const section = page.locator(`[data-section-id$="/${op.operationId.toLowerCase()}"]`).first();
        await expect
          .poll(async () => (await section.innerText()).replace(/\s+/g, " "), { timeout: 10_000 })
          .toContain(op.path);
        expect(await section.innerText()).toContain(op.method);
      }
      expect(pageErrors).toEqual([]);
      expect(remoteRequests.filter((url) => !REDOC_BADGE_LOGO.test(url))).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("documents every export of the package root in the TypeScript API", async () => {
    const page = await offlinePage();
    await page.goto(pathToFileURL(path.join(out, "api", "index.html")).href);
    const listed = await page
      .locator(".col-content a")
      .evaluateAll((anchors) => anchors.map((a) => a.textContent?.trim() ?? ""));
    const runtimeExports = Object.keys(await import("../src/index.js"));
    expect(runtimeExports.length).toBeGreaterThan(5);
    expect(typeExports()).toEqual(
      expect.arrayContaining(["ClientOptions", "ListTasksTaskInfo", "JobDetail", "ListTasksItem", "HssMethods"]),
    );
    expect(listed).toEqual(expect.arrayContaining([...runtimeExports, ...typeExports()]));
    // Each exported function has its own page, titled with its name.
    for (const name of runtimeExports) {
      const href = await page
        .locator(".col-content a", { hasText: new RegExp(`^\\s*${name}\\s*$`) })
        .first()
        .getAttribute("href");
      const target = await offlinePage();
      await target.goto(new URL(href!, page.url()).href);
      expect(await target.locator("h1").innerText()).toContain(name);
      await target.close();
    }
    expect(pageErrors).toEqual([]);
    expect(remoteRequests.filter((url) => !REDOC_BADGE_LOGO.test(url))).toEqual([]);
    await page.close();
  }, 60_000);
});
