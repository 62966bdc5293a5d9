#!/usr/bin/env bash
# Packs every DeepStreamNet package into a local folder feed:
#   DeepStreamNet, DeepStreamNet.Interop (+ .snupkg symbols), DeepStreamNet.Runtime.Portable (linux-x64 + linux-arm64
#   native files), dsnet (.NET tool), DeepStreamNet.Templates (dotnet new dsnet-probe).
#   scripts/pack.sh [--output FEED]     (default FEED: build/packages)
# Builds what it needs: the native runtime for x64 (build/native) and arm64 (scripts/arm64/build.sh --no-test), each
# installed stripped with RUNPATH $ORIGIN into build/package-stage; the .NET projects in their own artifacts folder
# (build/package-artifacts), so the checkout's Release build is left alone. Same inputs, same packages (deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
FEED="$ROOT/build/packages"
while (($#)); do
  case "$1" in
    --output) FEED="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "pack.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
STAGE="$ROOT/build/package-stage"
step() { printf '\n==> %s\n' "$*"; }

step "native runtime linux-x64"
cmake --build build/native -j"$(nproc)" --target dsnet_meta gstdsnet
step "native runtime linux-arm64"
scripts/arm64/build.sh --no-test

step "stage native files ($STAGE)"
rm -rf "$STAGE"
for rid_build in linux-x64:build/native linux-arm64:build/native-arm64; do
  rid="${rid_build%%:*}"; build="${rid_build#*:}"
  prefix="$STAGE/prefix-$rid"
  cmake --install "$build" --prefix "$prefix" --component runtime --strip >/dev/null
  native="$STAGE/runtime/runtimes/$rid/native"
  mkdir -p "$native"
  cp "$prefix/lib/libdsnet_meta.so" "$prefix/lib/libdsnet_bufsurface.so" \
     "$prefix/lib/gstreamer-1.0/libgstdsnet.so" "$prefix/lib/gstreamer-1.0/libdsnet_parsers.so" "$native/"
  echo "$rid: $(cd "$native" && ls)"
done

commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
props=(-c Release --nologo --verbosity quiet --artifacts-path "$ROOT/build/package-artifacts" -o "$FEED"
  -p:DsNetPack=true -p:ContinuousIntegrationBuild=true -p:RepositoryCommit="$commit")
if url="$(git remote get-url origin 2>/dev/null)"; then
  props+=(-p:RepositoryUrl="$url")
fi
mkdir -p "$FEED"
for project in bindings/DeepStreamNet.Interop src/DeepStreamNet packaging/DeepStreamNet.Runtime.Portable \
    src/DeepStreamNet.Cli packaging/templates/DeepStreamNet.Templates.csproj; do
  step "dotnet pack $project"
  dotnet pack "$project" "${props[@]}"
done

step "feed $FEED"
( cd "$FEED" && ls -l --block-size=K ./*.nupkg ./*.snupkg 2>/dev/null | awk '{print $5, $9}' )
echo
echo "Use it: dotnet add package DeepStreamNet --source $FEED   (and DeepStreamNet.Runtime.Portable)"
echo "        dotnet tool install --global dsnet --add-source $FEED"
echo "        dotnet new install DeepStreamNet.Templates --add-source $FEED"
