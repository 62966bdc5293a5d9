#!/usr/bin/env bash
# The native suite under AddressSanitizer + UndefinedBehaviorSanitizer (build/native-asan, gcc) and the libFuzzer
# targets of the C parsers (build/native-fuzz, clang-14), as test.sh runs them. See native/tests/SANITIZERS.md and
# native/tests/FUZZING.md.
#   native/tests/run-sanitizers.sh [--asan-only | --fuzz-only]
# Environment: DSNET_FUZZ_SECONDS (per target, default 25), DSNET_FUZZ_SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
jobs=$(nproc)
status=0
seconds=${DSNET_FUZZ_SECONDS:-25}
seed=${DSNET_FUZZ_SEED:-1}

if [ "$what" != --fuzz-only ]; then
  start=$SECONDS
  cmake -S . -B build/native-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDSNET_SANITIZE=ON >/dev/null
  cmake --build build/native-asan -j"$jobs"
  built=$SECONDS
  ctest --test-dir build/native-asan --output-on-failure -j"$jobs" || status=1
  echo "ASan+UBSan: build $((built - start)) s, tests $((SECONDS - built)) s"
fi

if [ "$what" != --asan-only ]; then
  start=$SECONDS
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/native-fuzz -DDSNET_FUZZ=ON -DDSNET_FUZZ_SECONDS="$seconds" \
    -DDSNET_FUZZ_SEED="$seed" >/dev/null
  cmake --build build/native-fuzz -j"$jobs"
  built=$SECONDS
  ctest --test-dir build/native-fuzz --output-on-failure -j"$jobs" || status=1
  cat build/native-fuzz/fuzz-work/*/summary.txt 2>/dev/null || true
  echo "libFuzzer: build $((built - start)) s, runs $((SECONDS - built)) s"
fi
exit $status
