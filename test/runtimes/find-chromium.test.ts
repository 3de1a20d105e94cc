/**
 * The browser lookup shared by `npm run setup` and the browser smoke test: CHROMIUM_PATH, then a system
 * browser, then PATH, then Playwright's cache. Every location is a temporary folder with stand-in executables.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/chromium/find-chromium.mjs";

const root = mkdtempSync(join(tmpdir(), "find-chromium-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function executable(path: string, mode = 0o755): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, mode);
  return file;
}

const home = join(root, "home");
const systemBrowser = executable("usr/bin/chromium");
const pathBrowser = executable("bin/google-chrome");
const oldCached = executable("home/.cache/ms-playwright/chromium-1100/chrome-linux/chrome");
const newCached = executable("home/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome");
const shell = executable(
  "home/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell",
);
const notExecutable = executable("usr/bin/chromium-browser", 0o644);
const find = (env: Record<string, string>, systemPaths: string[] = []) =>
  findChromium({ env, platform: "linux", home, systemPaths });

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, and refuses one that is not an executable file", () => {
    expect(find({ CHROMIUM_PATH: pathBrowser, PATH: dirname(pathBrowser) }, [systemBrowser])).toEqual({
      path: pathBrowser,
      source: "CHROMIUM_PATH",
    });
    expect(() => find({ CHROMIUM_PATH: notExecutable }, [systemBrowser])).toThrow(
      /CHROMIUM_PATH=.* is not an executable file/,
    );
    expect(() => find({ CHROMIUM_PATH: join(root, "usr/bin") })).toThrow(/not an executable file/);
  });

  it("then a system browser, skipping files that are not executable", () => {
    expect(find({ PATH: dirname(pathBrowser) }, [notExecutable, systemBrowser])).toEqual({
      path: systemBrowser,
      source: "system",
    });
  });

  it("then a browser on PATH", () => {
    expect(find({ PATH: `${join(root, "nowhere")}:${dirname(pathBrowser)}` }, [notExecutable])).toEqual({
      path: pathBrowser,
      source: "PATH",
    });
  });

  it("then Playwright's cache, the newest revision and the full browser first", () => {
    expect(find({ PATH: "" })).toEqual({ path: newCached, source: "Playwright cache" });
    rmSync(newCached);
    expect(find({ PATH: "" })).toEqual({ path: shell, source: "Playwright cache" });
    expect(find({ PATH: "", PLAYWRIGHT_BROWSERS_PATH: dirname(dirname(dirname(oldCached))) })).toEqual({
      path: shell,
      source: "Playwright cache",
    });
    expect(find({ PATH: "", PLAYWRIGHT_BROWSERS_PATH: join(root, "empty") })).toBeUndefined();
  });

  it("reads the system locations from FIND_CHROMIUM_SYSTEM_PATHS when given (empty: none)", () => {
    const env = { PATH: "", PLAYWRIGHT_BROWSERS_PATH: join(root, "empty") };
    expect(
      findChromium({ env: { ...env, FIND_CHROMIUM_SYSTEM_PATHS: systemBrowser }, platform: "linux", home }),
    ).toEqual({
      path: systemBrowser,
      source: "system",
    });
    expect(findChromium({ env: { ...env, FIND_CHROMIUM_SYSTEM_PATHS: "" }, platform: "linux", home })).toBeUndefined();
  });
});
