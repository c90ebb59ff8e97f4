#!/bin/sh
# Runs every libFuzzer target of tests/fuzz for SECONDS each (default 60), from its seeds, in the
# checked build (scripts/sanitize.sh makes it). Inputs it finds go to build-checked/fuzz-work/,
# never into the repository; a crash, hang (10 s) or sanitizer report is saved under
# build-checked/fuzz-crashes/<target>/ and fails the script: fix it, then copy the input into
# tests/fuzz/regressions/<target>/, where CTest replays it in every checked build.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
if [ ! -x build-checked/tests/fuzz/fuzz_citations ]; then
  cmake -S . -B build-checked -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG=-O1 -DLEGISITE_SANITIZE=ON -DLEGISITE_FUZZ=ON -DLEGISITE_TESTS=OFF \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
fi
cmake --build build-checked
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$(pwd)/tests/fuzz/ubsan.supp"
export UBSAN_OPTIONS
# One target per core at a time: each libFuzzer run is single-threaded, so on two cores the same
# fuzzing takes half the wall time.
JOBS=$(nproc 2>/dev/null || echo 1)
fuzz_one() {
  target=$1
  work=build-checked/fuzz-work/$target
  crashes=build-checked/fuzz-crashes/$target
  mkdir -p "$work" "$crashes"
  status=0
  build-checked/tests/fuzz/fuzz_$target -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "$work" \
    tests/fuzz/corpus/$target >"$crashes.log" 2>&1 || status=$?
  echo "$status" >"$crashes.status"
}
set -- front_matter markdown legi_xml legifrance_json html_sanitizer citations \
  tricoteuses_references whole_code_markdown source_record
rm -f build-checked/fuzz-crashes/*.status
running=0
for target; do
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait
    running=0
  fi
done
wait
failed=0
for target; do
  crashes=build-checked/fuzz-crashes/$target
  status=$(cat "$crashes.status" 2>/dev/null || echo "?")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$crashes.log")
  if [ "$status" != 0 ]; then
    echo "FAILED: fuzz_$target (exit $status) after ${runs:-?} runs; see $crashes.log and $crashes/"
    grep -E "ERROR|SUMMARY" "$crashes.log" | head -5
    failed=1
  else
    echo "ok: fuzz_$target, ${runs:-?} runs in ${SECONDS_EACH} s"
  fi
done
exit $failed
