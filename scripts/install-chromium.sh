#!/usr/bin/env bash
# Debian's Chromium for the browser smoke test (test/runtimes): playwright-core drives /usr/bin/chromium, since
# it cannot download a browser of its own here. Does nothing when Chromium is already installed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-chromium: Chromium is missing; run as root, or: sudo apt-get install -y chromium" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
