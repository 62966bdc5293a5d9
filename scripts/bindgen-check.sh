#!/usr/bin/env bash
# Regenerates the bindings in memory and fails (listing the files) when the checked-in output differs.
# Called by test.sh; run `dotnet run --project tools/DeepStreamNet.BindGen -- generate bindings/generation` to update.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/DeepStreamNet.BindGen/DeepStreamNet.BindGen.csproj -c Release --nologo --verbosity quiet
dotnet run --project tools/DeepStreamNet.BindGen/DeepStreamNet.BindGen.csproj -c Release --no-build -- check bindings/generation
