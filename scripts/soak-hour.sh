#!/usr/bin/env bash
# One-hour memory soak with NON-looping sources (issue 17 item 5): the 4-stream face-mask config (inference, tracker,
# tiler, OSD; sinks swapped for fakesinks by the soak bench) runs on one long clip per source, played once, while the
# soak bench samples VmRSS every 10 s and, after the warm-up, prints the fitted growth of the RSS floor (the lowest
# sample of each 5 minutes: frames in flight swing RSS by several MB, a leak lifts the floor) against the 8 MB budget.
#
# The long clip is built by a recipe, not stored: PARTS copies of the demo clip joined end to end by splitmuxsrc
# (timestamps continue across parts) and re-muxed without re-encoding into out/soak/ (about 4 MB per part, 28.3 s each).
# The container is Matroska by default: its index (one cue per keyframe) is read when the file opens. An MP4's sample
# table is allocated at open (32 bytes per frame: 3.3 MB per source for 106,200 frames) and its pages are written as
# playback advances, so a long MP4 adds that much RSS in its first minutes of play, whatever the pipeline does;
# --container mp4 shows it (README, "Memory over a long run").
# The clip must outlast the run: each of the 4 sources needs (its frames/s × seconds) frames, 708 per part; the
# default 150 parts (106,200 frames) cover one hour at up to 29 frames/s per source (an idle 2-core machine runs
# about 25). The bench fails with "ended early" when a clip runs out: raise --parts.
#
#   scripts/soak-hour.sh [--seconds 3600] [--warmup 300] [--parts 150] [--container mkv|mp4] [--arena-max N] [--log FILE]
#                        [-- soak options…]
# --arena-max N sets MALLOC_ARENA_MAX=N; without it the runner caps glibc's arenas itself (NativeHeapTrimmer.LimitArenas).
# Prints the bench's report; the whole output also goes to --log (default out/soak/soak-hour-<UTC time>.log).
# Needs ./setup.sh (the build and assets/media). Run it under `nice` on a shared machine; the load average is printed
# beside every sample.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=3600
warmup=300
parts=150
container=mkv
arena_max=""
log=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --container) container=$2; shift 2 ;;
    --arena-max) arena_max=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "soak-hour.sh: unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
case "$container" in
  mkv) mux=matroskamux ;;
  mp4) mux=mp4mux ;;
  *) echo "soak-hour.sh: --container must be mkv or mp4, not '$container'" >&2; exit 2 ;;
esac
demo=assets/media/facemask-demo-720p.mp4
[ -f "$demo" ] || { echo "soak-hour.sh: $demo is missing: run ./setup.sh first" >&2; exit 2; }
# shellcheck source=scripts/env.sh
source scripts/env.sh
mkdir -p out/soak
clip="$PWD/out/soak/facemask-demo-720p-x$parts.$container"
if [ ! -s "$clip" ]; then
  partdir=$(mktemp -d)
  trap 'rm -rf "$partdir"' EXIT
  for ((i = 0; i < parts; i++)); do ln -s "$PWD/$demo" "$partdir/$(printf 'part%05d.mp4' "$i")"; done
  echo "soak-hour.sh: building $clip ($parts × the demo clip, no re-encode)"
  gst-launch-1.0 -q splitmuxsrc location="$partdir/part*.mp4" ! h264parse ! "$mux" ! filesink location="$clip.tmp"
  mv "$clip.tmp" "$clip"
fi
[ -n "$log" ] || log="out/soak/soak-hour-$(date -u +%Y%m%dT%H%M%SZ).log"
sets=()
for s in 0 1 2 3; do sets+=("--set=source$s.uri=file://$clip"); done
echo "soak-hour.sh: logging to $log"
[ -z "$arena_max" ] || export MALLOC_ARENA_MAX=$arena_max
DSNET_ROOT=$PWD dotnet run -c Release --project benchmarks/DeepStreamNet.Benchmarks -- soak \
  --no-loop --seconds "$seconds" --warmup "$warmup" --sample-sec 10 --floor-window-sec 300 "${sets[@]}" "${extra[@]}" 2>&1 | tee "$log"
exit "${PIPESTATUS[0]}"
