/**
 * `npm run docs:build [-- --out <dir>]`: the API reference, offline, in one folder (default `site/`, git-ignored):
 *
 *   site/index.html              links to everything below
 *   site/reference/<service>.html each spec rendered by Redocly's build-docs, Redoc's script inlined (no CDN)
 *   site/api/                    the library's TypeScript API (the package root's exports), by TypeDoc
 *
 * Nothing is fetched at build time or when the pages are opened (test/docs-build.test.ts checks that).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules/.bin");

interface SpecPage {
  readonly service: string;
  readonly title: string;
  readonly file: string;
}

function run(command: string, args: string[]): void {
  // Redocly's telemetry would be the one network request of the build.
  execFileSync(path.join(BIN, command), args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
}

function buildSpecPages(out: string): SpecPage[] {
  const specs = readdirSync(path.join(ROOT, "spec"))
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  return specs.map((name) => {
    const service = name.split(".")[0]!;
    const info = (parse(readFileSync(path.join(ROOT, "spec", name), "utf8")) as { info?: { title?: string } }).info;
    const title = info?.title ?? service;
    const file = `reference/${service}.html`;
    run("redocly", ["build-docs", `spec/${name}`, "--inlineBundle", "--title", title, "-o", path.join(out, file)]);
    return { service, title, file };
  });
}

function buildApiPages(out: string): void {
  // Everything but the output folder is in typedoc.config.mjs.
  run("typedoc", ["--options", "typedoc.config.mjs", "--out", path.join(out, "api")]);
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function indexPage(specPages: readonly SpecPage[]): string {
  const specLinks = specPages.map(
    (page) =>
      `      <li><a href="${page.file}">${escapeHtml(page.title)}</a> (<code>spec/${page.service}.*.yaml</code>)</li>`,
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>huaweicloud-task-client reference</title>
  </head>
  <body>
    <h1>huaweicloud-task-client reference</h1>
    <h2>HTTP APIs (from the OpenAPI specs)</h2>
    <ul>
${specLinks.join("\n")}
    </ul>
    <h2>TypeScript API</h2>
    <ul>
      <li><a href="api/index.html">The package's exports</a> (clients, pagination, signing, errors, types)</li>
    </ul>
  </body>
</html>
`;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: "string", default: "site" } } });
  const out = path.resolve(ROOT, values.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const specPages = buildSpecPages(out);
  buildApiPages(out);
  writeFileSync(path.join(out, "index.html"), indexPage(specPages));
  console.log(
    `docs:build: ${specPages.length} spec references and the TypeScript API in ${path.relative(ROOT, out) || "."}/index.html`,
  );
}

main();
