#!/usr/bin/env bash
# CTest install_prefix_test: `cmake --install` into a fresh prefix, then, with nothing but GST_PLUGIN_PATH pointing
# there (clean environment, own registry), gst-inspect-1.0 must list all eight elements, and a C program built with
# `pkg-config dsnet-meta` against the installed headers and library must create and free a batch meta.
set -euo pipefail
BUILD_DIR="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null
plugin="$prefix/lib/gstreamer-1.0/libgstdsnet.so"
readelf -d "$plugin" | grep -q 'RUNPATH.*\[\$ORIGIN:\$ORIGIN/\.\.\]' || { echo "FAIL: $plugin RUNPATH is not \$ORIGIN:\$ORIGIN/.."; readelf -d "$plugin" | grep -E 'R(UN)?PATH'; exit 1; }
if readelf -d "$plugin" "$prefix/lib/libdsnet_meta.so" "$prefix/lib/libdsnet_bufsurface.so" "$prefix/lib/gstreamer-1.0/libdsnet_parsers.so" | grep -q "$BUILD_DIR"; then
  echo "FAIL: an installed library still points into the build tree"; exit 1
fi

listing="$(env -i PATH=/usr/bin:/bin HOME="$prefix" GST_PLUGIN_PATH="$prefix/lib/gstreamer-1.0" \
  GST_REGISTRY="$prefix/registry.bin" gst-inspect-1.0 dsnet 2>&1)"
for element in dsnetstreammux dsnetpreprocess dsnetinfer dsnettracker dsnetosd dsnetmultistreamtiler dsnetstreamdemux dsnetvideoconvert; do
  grep -q "^  $element:" <<<"$listing" || { echo "FAIL: gst-inspect-1.0 does not list $element from $prefix"; echo "$listing"; exit 1; }
done
nm -D --defined-only "$prefix/lib/gstreamer-1.0/libdsnet_parsers.so" | grep -q NvDsInferParseUltraFaceMask \
  || { echo "FAIL: the parser library is not installed beside the plugin"; exit 1; }
grep -q "Filename *$plugin" <<<"$listing" || { echo "FAIL: plugin not loaded from the prefix"; echo "$listing"; exit 1; }

cat > "$prefix/use_meta.c" <<'C'
#include <gstnvdsmeta.h>
#include <stdio.h>
int main (void) {
  NvDsBatchMeta *batch = nvds_create_batch_meta (4);
  if (batch == NULL || batch->max_frames_in_batch != 4) return 1;
  nvds_destroy_batch_meta (batch);
  puts ("batch meta ok");
  return 0;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -Wall -Werror -o "$prefix/use_meta" "$prefix/use_meta.c" $(pkg-config --cflags --libs dsnet-meta) -Wl,-rpath,"$prefix/lib"
"$prefix/use_meta"
[ "$(pkg-config --variable=pluginsdir gstdsnet)" -ef "$prefix/lib/gstreamer-1.0" ] || { echo "FAIL: gstdsnet.pc pluginsdir"; exit 1; }
echo "install prefix ok: 8 elements, headers + pkg-config usable"
