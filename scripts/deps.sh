#!/bin/sh
# Installs the Debian packages legisite needs that are not installed yet (run as root).
# Shared by setup.sh and test.sh so that a fresh machine works with either command; `--tests`
# adds what the tests run besides the build: node (the theme's date script) and chromium (the
# built site in a browser), without which they fail under CI=true, and clang-14 (libFuzzer and the
# sanitizer build).
set -eu
PACKAGES="cmake g++ ninja-build libcmark-gfm-dev libcmark-gfm-extensions-dev libpugixml-dev
libkainjow-mustache-dev catch2 rapidjson-dev libmimalloc-dev"
if [ "${1:-}" = "--tests" ]; then PACKAGES="$PACKAGES nodejs chromium clang-format clang-14"; fi
missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
