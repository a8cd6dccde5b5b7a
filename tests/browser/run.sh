#!/usr/bin/env bash
# Browser audit of the web edition in headless Chromium:
#   bash tests/browser/run.sh [OUT_DIR]          the full audit of one web edition
#   bash tests/browser/run.sh --phone DIR...     each at 375 px: no sideways scroll
#   bash tests/browser/run.sh --edit [EDITION]   the editor (planpress edit, the debug
#                                                binary) driven as a clerk on a copy of
#                                                EDITION (default tests/fixtures/full-model)
#   bash tests/browser/run.sh --edit-city CITY WARD   the city's common file edited from
#                                                a ward's editor, on a copy of CITY
# Chromium and Node.js are installed with apt-get when missing (CI runs as root
# on a fresh machine; elsewhere, install them first); axe-core and
# playwright-core (no browser download) come from the npm registry into
# tests/browser. A check that cannot run fails: CI must really run it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
chromium="${CHROMIUM:-/usr/bin/chromium}"
install() {
  if [ "$(id -u)" != 0 ]; then
    echo "browser audit: $1 is not installed; install it (as root: apt-get install -y $2)" >&2
    exit 1
  fi
  echo "browser audit: installing $2 (apt-get)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null
}
if [ ! -x "$chromium" ] && ! command -v chromium >/dev/null; then
  install Chromium chromium
fi
[ -x "$chromium" ] || chromium="$(command -v chromium)"
export CHROMIUM="$chromium"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  install Node.js "nodejs npm"
fi
if ! (cd "$here" && npm install --silent --no-audit --no-fund >/dev/null 2>&1); then
  echo "browser audit: axe-core and playwright-core could not be installed from the npm registry" >&2
  exit 1
fi
if [ "${1:-}" = "--edit" ]; then
  binary="${PLANPRESS:-$root/target/debug/planpress}"
  [ -x "$binary" ] || (cd "$root" && cargo build --quiet)
  node "$here/edit.mjs" "$binary" "${2:-$root/tests/fixtures/full-model}" "${SHOTS:-}"
elif [ "${1:-}" = "--edit-city" ]; then
  binary="${PLANPRESS:-$root/target/debug/planpress}"
  [ -x "$binary" ] || (cd "$root" && cargo build --quiet)
  node "$here/edit-city.mjs" "$binary" "$2" "$3" "${SHOTS:-}"
elif [ "${1:-}" = "--phone" ]; then
  shift
  node "$here/audit.mjs" --phone "$@"
else
  out="${1:-$root/out/miyamae-r2-web}"
  node "$here/audit.mjs" "$out" "$out"
fi
