#!/usr/bin/env bash
# Cross-builds the native runtime for linux-arm64 (build/native-arm64) and, unless --no-test, runs the arm64 tests
# under qemu-user: the metadata library tests (ABI layout, pools, GstMeta, copy, exports) and one element pipeline
# test (mux_test: dsnetstreammux batching real GStreamer sources). dsnetinfer is not run under emulation: ONNX
# Runtime's CPU detection reads the build machine's x86 /proc/cpuinfo through qemu-user and crashes.
#   scripts/arm64/build.sh [--no-test]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN_TESTS=1
[ "${1:-}" = "--no-test" ] && RUN_TESTS=0
# The tests that run under qemu (keep in sync with native/README.md "arm64").
ARM64_TESTS='^(abi_layout_test|meta_pool_test|meta_gst_test|meta_copy_test|meta_exports_test|mux_test)$'

scripts/arm64/sysroot.sh
cmake -S . -B build/native-arm64 -DCMAKE_TOOLCHAIN_FILE="$PWD/scripts/arm64/toolchain.cmake" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native-arm64 -j"$(nproc)" --target dsnet_meta gstdsnet \
  abi_layout_test meta_pool_test meta_gst_test meta_copy_test meta_exports_test mux_test
file build/native-arm64/lib/libgstdsnet.so | sed 's/, BuildID.*//'
if ((RUN_TESTS)); then
  ctest --test-dir build/native-arm64 --output-on-failure -R "$ARM64_TESTS" -j"$(nproc)"
fi
