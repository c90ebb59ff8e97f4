#!/bin/sh
# A checked build: clang with AddressSanitizer and UndefinedBehaviorSanitizer (build-checked/),
# then legisite run on every real corpus of ../shared/corpus, on the demo and on every bad-input
# fixture of tests/invalid (the demo and the CSS history a second time over their first site, so
# that reading a site's records back is checked too; the Tricoteuses bundle built at HEAD~3, then
# over that site at HEAD), and the fuzz targets on their seeds and
# regressions. Any sanitizer report stops the program, so the script fails. `--all` also runs the
# whole test suite checked (the test binary doubles the build time, which is why CI runs the
# subset above).
set -eu
cd "$(dirname "$0")/.."
ALL=false
if [ "${1:-}" = "--all" ]; then ALL=true; fi
TESTS=OFF
if $ALL; then TESTS=ON; fi
# Sixteen files to a compile unit (CMake's unity build) take 60 % of the time of separate files
# here, where code is instrumented rather than optimised; so, within one library, two files'
# private helpers may not share a name.
cmake -S . -B build-checked -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG=-O1 -DLEGISITE_SANITIZE=ON -DLEGISITE_FUZZ=ON \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 -DLEGISITE_TESTS=$TESTS >/dev/null
cmake --build build-checked
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$(pwd)/tests/fuzz/ubsan.supp"
export UBSAN_OPTIONS
BIN=$(pwd)/build-checked/legisite
# Sites go to memory when it can (tmpfs), each removed once checked: the point is the run.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUT=$(mktemp -d -p /dev/shm); else OUT=$(mktemp -d); fi
trap 'rm -rf "$OUT"' EXIT
# Builds one content folder or file into $OUT/NAME; exit status 0 or 1 (errors reported) is fine,
# anything else (a signal, a sanitizer's abort) is a failure, marked by a file so that runs in the
# background count too.
build_one() {
  name=$1
  shift
  status=0
  start=$(date +%s)
  "$BIN" build --out "$OUT/$name" --date 2026-11-26 -j 2 "$@" >"$OUT/$name.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    echo "FAILED ($status): legisite build $*"
    tail -40 "$OUT/$name.log"
    touch "$OUT/failed"
  else
    echo "ok (exit $status, $(($(date +%s) - start)) s): legisite build $*"
  fi
}
run() {
  build_one "$@"
  rm -rf "${OUT:?}/$1"
}
# A build over a published site reads back what the last one recorded (manifest, page inputs,
# diffs, sources' readings) and carries its unchanged pages over: NAME is built, EDIT (a command) runs, and NAME is
# built again over the first site.
run_over() {
  name=$1
  edit=$2
  shift 2
  build_one "$name" "$@"
  $edit
  build_one "$name" "$@"
  grep -o "pages: [^;]*" "$OUT/$name.log" | sed "s/^/  $name, built over its site: /" || true
  rm -rf "${OUT:?}/$name"
}
DEMO=$OUT/demo-content
cp -R content "$DEMO"
edit_demo() {
  printf '\nAlinéa ajouté par la vérification.\n' >> \
    "$DEMO/code-de-la-securite-sociale/Partie Législative/Livre 7/Titre 5/Chapitre 2/Article L752-4/003_2010-02-23_608ecf808d.md"
}
run_over demo edit_demo --content "$DEMO"
for fixture in tests/invalid/*/; do
  run "invalid-$(basename "$fixture")" --content "$fixture/content" --keep-going
done
SHARED=../shared/corpus
if [ -d "$SHARED" ]; then
  # The CSS dumps are left out: the same reader as the Code du travail's, a larger dump, and a
  # minute of CI time; the CSS itself is checked through its history.
  # The history beside the dumps: each build leaves a core idle in its single-threaded phases.
  run_over css-history true --content "$SHARED/css-history" &
  for dump in "$SHARED"/legifrance-json/*.json; do
    case "$dump" in *css-20*) continue ;; esac
    run "$(basename "$dump" .json)" --content "$dump"
  done
  run_over legi-xml true --content "$SHARED/legi-xml"
  run legifrance-api --content "$SHARED/legifrance-api" --keep-going
  # The git reader on the Tricoteuses bundle: the commits up to HEAD~3 read whole, then a build
  # over that site once HEAD is checked out (the reading kept, new commits read from their
  # changes or whole).
  CONSTITUTION=$OUT/constitution-repository
  git clone -q "$SHARED/git/tricoteuses-constitution.bundle" "$CONSTITUTION"
  LAST=$(git -C "$CONSTITUTION" rev-parse HEAD)
  git -C "$CONSTITUTION" reset -q --hard HEAD~3
  to_last() { git -C "$CONSTITUTION" reset -q --hard "$LAST"; }
  run_over constitution to_last --content "$CONSTITUTION"
  wait
elif [ "${CI:-}" = "true" ]; then
  echo "FAILED: $SHARED is missing (required under CI=true)"
  touch "$OUT/failed"
else
  echo "skipped: the shared corpora ($SHARED is missing)"
fi
failed=0
if [ -e "$OUT/failed" ]; then failed=1; fi
(cd build-checked && ctest --output-on-failure -L fuzz) || failed=1
if $ALL; then (cd build-checked && ctest --output-on-failure -j2 -LE fuzz) || failed=1; fi
exit $failed
