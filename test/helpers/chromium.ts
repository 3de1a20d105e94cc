/**
 * Headless Chromium for the browser tests: Debian's `chromium` (scripts/install-chromium.sh installs it), driven
 * by playwright-core, with the background traffic a fresh profile would start (updates, sync, QUIC) turned off.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

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
