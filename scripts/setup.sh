# Sourced by scripts/tariff and scripts/test: install what is missing, then build incrementally.
# Everything the project needs is named here; nothing is assumed to be installed by hand.
set -euo pipefail
TARIFF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The Python package (python/) is built against Debian's python3 and tested with its pandas, Dask
# and pytest: /usr/bin/python3, whatever python may come first on PATH.
TARIFF_PACKAGES=(g++ cmake ninja-build pkg-config tao-pegtl-dev libfmt-dev libboost-dev catch2
                 libedit-dev libbenchmark-dev tmux python3 clang libclang-rt-14-dev time
                 python3-dev pybind11-dev python3-pybind11 python3-pandas python3-dask python3-distributed
                 python3-pytest nlohmann-json3-dev chromium fonts-noto-cjk)

tariff_install_missing() {
  local missing=()
  for p in "${TARIFF_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "tariff: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 2
  fi
  echo "tariff: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# tariff_build DIR [CMAKE ARGS...]: configure once, then build incrementally (only the targets
# named in TARIFF_TARGETS, when it is set).
tariff_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$TARIFF_ROOT" -B "$dir" -G Ninja "$@" >&2
  fi
  # shellcheck disable=SC2086  # TARIFF_TARGETS is a list of words
  cmake --build "$dir" -j "$(nproc)" ${TARIFF_TARGETS:+--target $TARIFF_TARGETS} >&2
}
