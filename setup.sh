#!/usr/bin/env bash
# One command from a fresh Debian 12 machine with the .NET SDK to the face-mask demo on the portable runtime:
# apt packages, native build (CMake), .NET build, assets, demo. Idempotent: run it again at any time.
#   ./setup.sh            everything, ending with the demo
#   ./setup.sh --no-demo  everything but the demo (what CI uses before ./test.sh)
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
RUN_DEMO=1
for arg in "$@"; do
  case "$arg" in
    --no-demo) RUN_DEMO=0 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done
step() { printf '\n==> %s\n' "$*"; }

APT_PACKAGES=(
  build-essential cmake pkg-config valgrind
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
  libgstrtspserver-1.0-dev gstreamer1.0-rtsp gstreamer1.0-tools
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-x
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  libclang1-14 libclang-14-dev clang-14 libclang-rt-14-dev
  check xvfb x11-utils
  mosquitto redis-server rabbitmq-server chromium
  gcc-aarch64-linux-gnu g++-aarch64-linux-gnu qemu-user
)

step "apt packages"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "all ${#APT_PACKAGES[@]} packages present"
fi

step "native packages from NuGet (ONNX Runtime)"
dotnet restore native/nuget/NativeDeps.csproj --verbosity quiet

step "native build (CMake)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native -j"$(nproc)"

step "native build linux-arm64 (cross, scripts/arm64/build.sh)"
scripts/arm64/build.sh --no-test

step ".NET build"
dotnet build DeepStreamNet.sln -c Release --nologo --verbosity quiet

step "launcher ./dsnet"
cat > dsnet <<'LAUNCHER'
#!/usr/bin/env bash
# Runs the DeepStreamNet CLI from this checkout (written by setup.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/scripts/env.sh"
exec dotnet "$here/src/DeepStreamNet.Cli/bin/Release/net10.0/dsnet.dll" "$@"
LAUNCHER
chmod +x dsnet

if ./dsnet assets --help >/dev/null 2>&1; then
  step "assets (from ../shared/assets)"
  ./dsnet assets fetch --mirror "$ROOT/../shared/assets"
fi

# The cascade configs (configs/face-mask/*/deepstream_app_*cascade*.txt) need the mask classifier: train it once
# on the Kaggle training split (about 330 CPU-seconds, ~3 minutes on 2 idle cores (measured CPU time; see src/DeepStreamNet.Training/README.md)); delete the folder to train again.
if [ -d "$ROOT/../shared/datasets/kaggle-facemask-train" ] && [ ! -f assets/models/mask-classifier/mask_classifier.onnx ]; then
  step "mask classifier (dsnet train classifier)"
  ./dsnet train classifier --train "$ROOT/../shared/datasets/kaggle-facemask-train" \
    --dev "$ROOT/../shared/datasets/kaggle-facemask-dev" --out assets/models/mask-classifier
fi

# The cascade's face detector: YuNet-n with the box calibration fitted on the Kaggle training split (the JSON is in
# the repository) baked into its box outputs, and its input fixed at 640x384 (16:9 video scaled to 640x360, padded to
# a multiple of 32) instead of the exported, mostly padding 640x640; graph edits, about a second.
if [ -f assets/models/yunet/yunet_n_640_640.onnx ] && [ ! -f assets/models/yunet-kaggle/yunet_n_640_384_kaggle.onnx ]; then
  step "calibrated YuNet-n at 640x384 (dsnet train box-calibration)"
  mkdir -p assets/models/yunet-kaggle
  ./dsnet train box-calibration --calibration configs/face-mask/yunet_kaggle_box_calibration.json --encoding yunet \
    --model assets/models/yunet/yunet_n_640_640.onnx --input-size 640x384 \
    --out-model assets/models/yunet-kaggle/yunet_n_640_384_kaggle.onnx
fi

if ((RUN_DEMO)) && ./dsnet demo --help >/dev/null 2>&1; then
  step "face-mask demo (portable runtime)"
  ./dsnet demo
fi
echo
echo "setup complete"
