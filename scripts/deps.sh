#!/bin/sh
# Installs the Debian packages legisite needs that are not installed yet (run as root).
# Shared by setup.sh and test.sh so that a fresh machine works with either command; `--tests`
# adds what the tests run besides the build: node (the theme's date script) and chromium (the
# built site in a browser), without which they fail under CI=true, clang-14 (libFuzzer and the
# sanitizer build), npm, and the browser suite's npm packages (tests/browser: puppeteer-core, which
# drives this chromium and never downloads a browser, and axe-core), pinned by its lock file.
set -eu
PACKAGES="cmake g++ ninja-build libcmark-gfm-dev libcmark-gfm-extensions-dev libpugixml-dev
libkainjow-mustache-dev catch2 rapidjson-dev libmimalloc-dev libgit2-dev pkg-config libcpp-httplib-dev
libssl-dev"
if [ "${1:-}" = "--tests" ]; then PACKAGES="$PACKAGES nodejs chromium poppler-utils clang-format clang-14 git"; fi
missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# npm is checked as a program: a Node.js from another source than Debian brings its own npm, and
# Debian's npm package would conflict with it.
if [ "${1:-}" = "--tests" ] && ! command -v npm >/dev/null 2>&1; then missing="$missing npm"; fi
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# The browser suite's packages, installed again only when the lock file changed (npm ci starts
# from an empty node_modules). --ignore-scripts: no package may run an install step.
if [ "${1:-}" = "--tests" ]; then
  browser="$(dirname "$0")/../tests/browser"
  if ! cmp -s "$browser/package-lock.json" "$browser/node_modules/.legisite-lock.json"; then
    (cd "$browser" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp "$browser/package-lock.json" "$browser/node_modules/.legisite-lock.json"
  fi
fi
