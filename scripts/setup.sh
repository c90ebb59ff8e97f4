#!/bin/sh
# First command of the README: installs what is missing, builds (Release), generates the demo
# site into site/ and says how to open it.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
./build/legisite build --content content --theme themes/default --out site
echo
echo "Open $(pwd)/site/index.html in a browser (or: python3 -m http.server -d site 8000)."
