#!/usr/bin/env bash
# Builds an arm64 sysroot (build/arm64/sysroot) from Debian 12's arm64 packages for cross-building the native runtime
# and running its tests under qemu-user. The packages are downloaded with apt-get download and unpacked with dpkg-deb
# rather than installed: arm64 -dev packages installed through multiarch would make apt remove or upgrade the machine's
# amd64 GStreamer -dev packages (their gir1.2 dependencies pin one version for both architectures).
# Needs: dpkg --add-architecture arm64 (done here), gcc-aarch64-linux-gnu g++-aarch64-linux-gnu qemu-user (setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="$PWD/build/arm64"
SYSROOT="$OUT/sysroot"
DEBS="$OUT/debs"
# What the native build links (GStreamer core/base/video/check, Pango/Cairo) and what the tests run (plugins-base).
ROOTS=(libc6-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libpango1.0-dev libcairo2-dev
  gstreamer1.0-plugins-base)

if [ -f "$SYSROOT/.complete" ]; then
  echo "arm64 sysroot: $SYSROOT (up to date; delete it to rebuild)"
  exit 0
fi

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
fi
if ! apt-cache show libc6:arm64 >/dev/null 2>&1; then
  $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
fi

# The closure of the roots' Depends: the arm64 packages and the architecture-independent ones (headers such as
# x11proto-dev, pkg-config files under /usr/share); the build machine's own amd64 tools are not needed in a sysroot.
closure="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${ROOTS[@]/%/:arm64}" 2>/dev/null | grep -E '^[a-z0-9]' | sort -u)"
mapfile -t arch_all < <(grep -v ':' <<<"$closure" | xargs apt-cache show --no-all-versions 2>/dev/null |
  awk '/^Package:/ {p=$2} /^Architecture: all/ {print p}' | sort -u)
mapfile -t packages < <(grep -E ':arm64$' <<<"$closure"; printf '%s\n' "${arch_all[@]}")
echo "arm64 sysroot: ${#packages[@]} packages"
mkdir -p "$DEBS"
( cd "$DEBS" && apt-get download -qq "${packages[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true )

rm -rf "$SYSROOT"
mkdir -p "$SYSROOT"
for deb in "$DEBS"/*.deb; do
  dpkg-deb -x "$deb" "$SYSROOT"
done
# Absolute symlinks would point into the build machine; make them relative to the sysroot.
find "$SYSROOT" -type l -lname '/*' | while read -r link; do
  target="$(readlink "$link")"
  ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$SYSROOT$target")" "$link"
done
touch "$SYSROOT/.complete"
echo "arm64 sysroot: $SYSROOT ($(du -sh "$SYSROOT" | cut -f1))"
