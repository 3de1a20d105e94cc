/**
 * Headless Chromium for the browser tests, driven by playwright-core: the browser `npm run setup` found
 * (scripts/chromium/find-chromium.mjs: CHROMIUM_PATH, a system browser, Playwright's cache), with the background
 * traffic a fresh profile would start (updates, sync, QUIC) turned off.
 */
import { findChromium, NO_CHROMIUM_HINT } from "../../scripts/chromium/find-chromium.mjs";

/** The browser's executable; fails with the one line that says what to install when there is none. */
export function chromiumPath(): string {
  const browser = findChromium();
  if (!browser) throw new Error(`${NO_CHROMIUM_HINT} (or run npm run setup)`);
  return browser.path;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
