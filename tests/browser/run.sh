#!/bin/sh
# Runs one file of the browser suite (CTest calls it for each tests/browser/*.test.mjs). What the
# suite needs is checked first, by the rule of tests/support/environment.h: when node, chromium or
# the npm packages (scripts/deps.sh --tests installs all three) are missing, the test is skipped
# with a message (exit 77, CTest's SKIP_RETURN_CODE), and fails under CI=true.
set -u
here=$(cd "${0%/*}" && pwd)
chromium=${LEGISITE_CHROMIUM:-/usr/bin/chromium}
missing=""
command -v node >/dev/null 2>&1 || missing="$missing, node"
[ -x "$chromium" ] || missing="$missing, chromium ($chromium)"
for package in puppeteer-core axe-core; do
  [ -f "$here/node_modules/$package/package.json" ] ||
    missing="$missing, $here/node_modules/$package (npm ci in tests/browser)"
done
if [ -n "$missing" ]; then
  missing=${missing#, }
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: $missing missing, and under CI=true no test may skip (sh scripts/deps.sh --tests installs them)"
    exit 1
  fi
  echo "skipped: $missing missing (sh scripts/deps.sh --tests installs them; under CI=true this fails)"
  exit 77
fi
exec node "$1"
