#!/usr/bin/env bash
# Installs what `npm run demo` and `npm test` need and a fresh machine lacks:
# the locked npm packages and a Chromium to drive (Debian's package, or CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/apt.sh
source scripts/apt.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # No dependency needs its install scripts (esbuild finds its binary package without them):
  # none runs, so a compromised package cannot run code at install time.
  npm ci --ignore-scripts --no-audit --no-fund
  npx wxt prepare
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable." >&2; exit 1; }
elif ! command -v chromium >/dev/null 2>&1; then
  need_package chromium "Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install chromium)" \
    "or point CHROMIUM_PATH at a Chromium or Chrome binary."
fi
