#!/usr/bin/env bash
# Browser audit of the web edition: `bash tests/browser/run.sh [OUT_DIR]`.
# Needs Chromium (`apt-get install chromium`) and Node.js; installs axe-core and
# playwright-core (no browser download) from the npm registry into tests/browser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
out="${1:-$root/out/miyamae-r2-web}"
if ! command -v "${CHROMIUM:-chromium}" >/dev/null && [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "browser audit skipped: Chromium is not installed (apt-get install chromium)"
  exit 0
fi
if ! command -v node >/dev/null; then
  echo "browser audit skipped: Node.js is not installed"
  exit 0
fi
if ! (cd "$here" && npm install --silent --no-audit --no-fund >/dev/null 2>&1); then
  echo "browser audit skipped: axe-core and playwright-core could not be installed from the npm registry"
  exit 0
fi
mkdir -p "$out"
node "$here/audit.mjs" "$out" "$out"
