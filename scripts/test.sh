#!/bin/sh
# Second command of the README (and what CI runs): builds and runs every test.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh --tests
# One formatting for the whole tree (.clang-format); fails on the first file that differs.
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
(cd build && ctest --output-on-failure -j2 --timeout 600)
# The checked build (clang, ASan + UBSan) on every real corpus and bad-input fixture, then a short
# fuzz run of every target: scripts/sanitize.sh and scripts/fuzz.sh say what they cover.
sh scripts/sanitize.sh
sh scripts/fuzz.sh 5
