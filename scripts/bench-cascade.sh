#!/usr/bin/env bash
# Frames/s of the face-mask cascade against the single-detector config on the demo clip, measured in one run:
# each config runs ROUNDS times in alternating order (A B B A …, so a change of machine load hits both alike) with
# the annotated-MP4 sink swapped for a fakesink (sink0.type=1: the encoder is the same for both and would hide the
# difference). The frames/s of a run is the last **PERF average (frames since the first buffer / seconds).
# Prints each run, the medians, the ratio cascade/single and the load average. Exit 1 when the ratio is below
# --min-ratio (default 0; the issue's target is 0.8). Each run's CPU seconds (user + sys of ./dsnet and its threads)
# are printed too, with their ratio single/cascade: the work each config does. On a machine other work keeps busy the
# frames/s ratio drifts (a pipeline with more busy threads gets a larger share of the CPUs); the work ratio drifts less
# (ONNX Runtime's spinning threads still inflate it). Quote the frames/s ratio measured on an idle machine.
#   scripts/bench-cascade.sh [--single CONFIG] [--cascade CONFIG] [--rounds N] [--min-ratio R] [--set group.key=value]…
set -euo pipefail
cd "$(dirname "$0")/.."
single=configs/face-mask/portable/deepstream_app_file_masknet.txt
cascade=configs/face-mask/portable/deepstream_app_file_cascade.txt
rounds=2
min_ratio=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --single) single=$2; shift 2 ;;
    --cascade) cascade=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --min-ratio) min_ratio=$2; shift 2 ;;
    --set) extra+=(--set "$2"); shift 2 ;;
    *) echo "bench-cascade.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ -x ./dsnet ] || { echo "bench-cascade.sh: ./dsnet is missing: run ./setup.sh first" >&2; exit 2; }

# Sets fps (last **PERF average) and cpu (CPU seconds of the run: children's user + sys from `times`).
fps=0; cpu=0
run_one() {
  local log before after
  children_cpu; before=$children
  log=$(./dsnet run "$1" --backend portable --set sink0.type=1 --set application.perf-measurement-interval-sec=1 "${extra[@]}" 2>&1) \
    || { echo "bench-cascade.sh: ./dsnet run $1 failed:" >&2; echo "$log" | tail -20 >&2; exit 1; }
  children_cpu; after=$children
  fps=$(echo "$log" | grep -E '^\*\*PERF: +[0-9]' | tail -1 | sed -E 's/.*\(([0-9.]+)\).*/\1/')
  cpu=$(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.1f", a - b}')
}
# children = user + sys seconds of all finished children of this shell (the second line of `times`, run in this
# shell: a subshell starts with no children's time)
times_file=$(mktemp); trap 'rm -f "$times_file"' EXIT
children_cpu() {
  times > "$times_file"
  children=$(tail -1 "$times_file" | awk '{ for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } } END { printf "%.2f", t }')
}

s_all=(); c_all=(); scpu_all=(); ccpu_all=()
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then
    run_one "$single"; s=$fps; scpu=$cpu; run_one "$cascade"; c=$fps; ccpu=$cpu
  else
    run_one "$cascade"; c=$fps; ccpu=$cpu; run_one "$single"; s=$fps; scpu=$cpu
  fi
  echo "round $((r + 1)): single $s fps ($scpu CPU-s), cascade $c fps ($ccpu CPU-s), load $(cut -d' ' -f1 /proc/loadavg)"
  s_all+=("$s"); c_all+=("$c"); scpu_all+=("$scpu"); ccpu_all+=("$ccpu")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ms=$(median "${s_all[@]}"); mc=$(median "${c_all[@]}")
ratio=$(awk -v a="$mc" -v b="$ms" 'BEGIN {printf "%.3f", a / b}')
echo "single-detector $single: $ms fps (median of $rounds)"
echo "cascade $cascade: $mc fps (median of $rounds)"
echo "ratio cascade/single: $ratio (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
cpu_ratio=$(awk -v a="$(median "${scpu_all[@]}")" -v b="$(median "${ccpu_all[@]}")" 'BEGIN {printf "%.3f", a / b}')
echo "CPU seconds single/cascade: $cpu_ratio (medians $(median "${scpu_all[@]}") / $(median "${ccpu_all[@]}"))"
awk -v r="$ratio" -v m="$min_ratio" 'BEGIN {exit !(r >= m)}' || { echo "ratio $ratio is below $min_ratio" >&2; exit 1; }
