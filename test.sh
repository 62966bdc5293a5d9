#!/usr/bin/env bash
# Runs every test: the binding generator's --check, the native suite (CTest, also under valgrind), the arm64 native
# tests under qemu-user, every .NET test project, then the package tests (pack, install, run outside the checkout).
# Needs ./setup.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/env.sh
step() { printf '\n==> %s\n' "$*"; }
status=0

step "native tests (CTest)"
ctest --test-dir build/native --output-on-failure -j"$(nproc)" || status=1

# --- sanitizers and fuzzers (issue 18; native/tests/SANITIZERS.md, native/tests/FUZZING.md) -------------------
step "native tests under ASan + UBSan, libFuzzer targets of the C parsers (native/tests/run-sanitizers.sh)"
native/tests/run-sanitizers.sh || status=1
# --- end of sanitizers and fuzzers ----------------------------------------------------------------------------

step "native tests linux-arm64 under qemu-user (scripts/arm64/build.sh)"
scripts/arm64/build.sh || status=1

if [ -x scripts/bindgen-check.sh ]; then
  step "binding generator --check"
  scripts/bindgen-check.sh || status=1
fi

step ".NET tests"
dotnet test DeepStreamNet.sln -c Release --no-build --nologo --verbosity quiet \
  --logger "console;verbosity=minimal" || status=1

step "packages (scripts/pack.sh into a temp feed; apps, tool and template outside the repository)"
dotnet test tests/DeepStreamNet.Packaging.Tests -c Release --nologo --verbosity quiet \
  --logger "console;verbosity=minimal" || status=1

exit $status
