/**
 * Finds a Chromium or Chrome for the browser smoke test (test/runtimes), in this order:
 *
 * 1. `CHROMIUM_PATH`, when set (a wrong path is an error, not a reason to look elsewhere);
 * 2. a system Chromium/Chrome: the usual install locations on Linux and macOS, then each name on `PATH`;
 * 3. Playwright's browser cache (`PLAYWRIGHT_BROWSERS_PATH`, else ~/.cache/ms-playwright on Linux,
 *    ~/Library/Caches/ms-playwright on macOS), newest revision first.
 *
 * Plain JavaScript with no dependencies, so that `npm run setup` can run it with Node alone; the runtime test
 * imports the same function (types in find-chromium.d.mts).
 */
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

const SYSTEM_PATHS = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
  ],
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "~/Applications/Chromium.app/Contents/MacOS/Chromium",
    "~/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ],
};
const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

/** Executables inside one browser folder of Playwright's cache (`chromium-1255/…`), current layout and older. */
const PLAYWRIGHT_EXECUTABLES = [
  "chrome-linux64/chrome",
  "chrome-linux-arm64/chrome",
  "chrome-linux/chrome",
  "chrome-headless-shell-linux64/chrome-headless-shell",
  "chrome-headless-shell-linux-arm64/chrome-headless-shell",
  "chrome-linux/headless_shell",
  "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
  "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
  "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
  "chrome-headless-shell-mac-arm64/chrome-headless-shell",
  "chrome-headless-shell-mac-x64/chrome-headless-shell",
];

/** What to tell a user who has none; one line, shared by `npm run setup` and the browser test. */
export const NO_CHROMIUM_HINT =
  "no Chromium or Chrome found for the browser smoke test: install one (Debian/Ubuntu: sudo apt-get install chromium; " +
  "macOS: brew install --cask chromium; anywhere: npx playwright-core install chromium) " +
  "or point CHROMIUM_PATH at a Chromium/Chrome executable";

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const listDir = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** Playwright's cache folder, as Playwright itself computes it. */
function playwrightCache(env, platform, home) {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== "0") return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === "darwin") return join(home, "Library", "Caches", "ms-playwright");
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "ms-playwright");
}

/**
 * The first browser found, as `{ path, source }` (source: "CHROMIUM_PATH", "system", "PATH" or "Playwright
 * cache"), or undefined. Throws when CHROMIUM_PATH is set but is not an executable file.
 *
 * `systemPaths` replaces the built-in install locations; `FIND_CHROMIUM_SYSTEM_PATHS` (a PATH-style list, empty
 * for none) does the same from the environment, so the no-browser path can be shown on a machine that has one.
 */
export function findChromium({ env = process.env, platform = process.platform, home = homedir(), systemPaths } = {}) {
  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    throw new Error(
      `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file; point it at a Chromium/Chrome binary`,
    );
  }
  const expandHome = (file) => (file.startsWith("~/") ? join(home, file.slice(2)) : file);
  const fromEnv = env.FIND_CHROMIUM_SYSTEM_PATHS;
  const system =
    systemPaths ?? (fromEnv !== undefined ? fromEnv.split(delimiter).filter(Boolean) : (SYSTEM_PATHS[platform] ?? []));
  const installed = system.map(expandHome).find(isExecutable);
  if (installed) return { path: installed, source: "system" };

  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const onPath = PATH_NAMES.map((name) => join(dir, name)).find(isExecutable);
    if (onPath) return { path: onPath, source: "PATH" };
  }

  const cache = playwrightCache(env, platform, home);
  const revision = (name) => Number(name.slice(name.lastIndexOf("-") + 1)) || 0;
  const browserDirs = listDir(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    // Newest revision first; at one revision the full browser before the headless shell.
    .sort((a, b) => revision(b) - revision(a) || a.length - b.length);
  for (const dir of browserDirs) {
    const cached = PLAYWRIGHT_EXECUTABLES.map((file) => join(cache, dir, file)).find(isExecutable);
    if (cached) return { path: cached, source: "Playwright cache" };
  }
  return undefined;
}
