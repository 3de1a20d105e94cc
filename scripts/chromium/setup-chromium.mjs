/**
 * The browser step of `npm run setup` (run after `npm ci`): makes sure the browser smoke test has a Chromium.
 *
 * Uses the first one findChromium() finds (CHROMIUM_PATH, a system Chromium/Chrome, Playwright's cache). Only
 * when there is none does it install one, with the means that fits the machine: Playwright's installer, which
 * fails within seconds when its download host cannot be reached; else, as root on Debian, `apt-get install
 * chromium`. Otherwise it stops (exit 1, after the rest of the set-up has run) with one line saying what to
 * install and how to point CHROMIUM_PATH at it, the same line the browser test fails with.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium, NO_CHROMIUM_HINT } from "./find-chromium.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const say = (line) => console.log(`setup: ${line}`);

function found() {
  const browser = findChromium();
  if (browser) say(`Chromium for the browser test: ${browser.path} (from ${browser.source})`);
  return browser !== undefined;
}

/** Playwright's own installer, into its cache; a short connection timeout so an unreachable host fails fast. */
function tryPlaywright() {
  const cli = join(ROOT, "node_modules", "playwright-core", "cli.js");
  if (!existsSync(cli)) return;
  say("no Chromium found; trying Playwright's installer (playwright-core install chromium)");
  const result = spawnSync(process.execPath, [cli, "install", "chromium"], {
    env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: "10000", ...process.env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) {
    const errors = `${result.stdout ?? ""}\n${result.stderr ?? ""}`
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("Error:"));
    // The network cause (getaddrinfo ENOTFOUND …, a timeout) says more than the installer's closing summary.
    const cause = errors.find((line) => /\bE[A-Z]{4,}\b/.test(line) || /timed? ?out/i.test(line)) ?? errors[0];
    const why = cause ?? result.error?.message ?? `exit code ${result.status}`;
    say(`Playwright's installer could not install Chromium (${why})`);
  }
}

/** Debian's chromium package, when running as root on Debian (the CI machine). */
function tryApt() {
  const onPath = (name) => (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, name)));
  if (process.getuid?.() !== 0 || !existsSync("/etc/debian_version") || !onPath("apt-get")) return;
  say("installing Debian's chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...args) => spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "inherit"] }).status === 0;
  if (!apt("update", "-qq") || !apt("install", "-y", "-qq", "chromium")) say("apt-get could not install chromium");
}

function main() {
  try {
    if (found()) return 0;
    tryPlaywright();
    if (found()) return 0;
    tryApt();
    if (found()) return 0;
  } catch (error) {
    say(error.message); // a CHROMIUM_PATH that is not an executable
    return 1;
  }
  say(NO_CHROMIUM_HINT);
  return 1;
}

process.exitCode = main();
