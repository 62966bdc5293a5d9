#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time with a fixed seed (CTest `<name>.fuzz`, see FUZZING.md):
#   run-fuzzer.sh FUZZER WORK_DIR SEED_CORPUS SECONDS SEED
# WORK_DIR is emptied first (new inputs land there, the seed corpus stays untouched); a crash, leak, timeout or
# out-of-memory input is written to WORK_DIR/ and fails the test. Prints the number of executions.
set -euo pipefail
fuzzer=$1 work=$2 corpus=$3 seconds=$4 seed=$5
rm -rf "$work" && mkdir -p "$work/corpus"
log="$work/fuzz.log"
status=0
"$fuzzer" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$corpus" >"$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
echo "$(basename "$fuzzer"): ${runs:-?} executions in ${seconds} s, seed $seed, exit $status" | tee "$work/summary.txt"
if [ "$status" -ne 0 ]; then
  tail -60 "$log"
  echo "finding(s) in $work (crash-*/leak-*/timeout-*/oom-*): fix the bug, then copy the input into"
  echo "native/tests/fuzz/regressions/<target>/ so CTest replays it (FUZZING.md)"
fi
exit "$status"
