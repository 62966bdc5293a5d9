# Source this file: it points GStreamer and the .NET host at this checkout's native build and isolates
# the GStreamer registry from the rest of the machine (tests and the ./dsnet launcher use it).
_dsnet_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DSNET_ROOT="$_dsnet_root"
export DSNET_NATIVE_DIR="$_dsnet_root/build/native/lib"
_multiarch="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"
export GST_PLUGIN_SYSTEM_PATH_1_0="/usr/lib/$_multiarch/gstreamer-1.0"
export GST_PLUGIN_PATH_1_0="$DSNET_NATIVE_DIR"
export GST_REGISTRY_1_0="$_dsnet_root/build/native/gst-registry.bin"
export GST_REGISTRY="$GST_REGISTRY_1_0"
export LD_LIBRARY_PATH="$DSNET_NATIVE_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
unset _dsnet_root _multiarch
