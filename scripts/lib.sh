# Shared by scripts/demo and scripts/test: install what is missing, configure, build.
# Only Debian packages are installed; nothing else is downloaded.
set -euo pipefail

COHESION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export COHESION_ROOT

# Everything the build, tests and benchmarks need, by Debian package name.
COHESION_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libfmt-dev libtbb-dev nlohmann-json3-dev libcli11-dev
  libopenmpi-dev openmpi-bin
  zlib1g-dev libdeflate-dev
  libgdal-dev libgeos-dev libnanoflann-dev
  coinor-libcbc-dev libboost-dev libcairo2-dev libpango1.0-dev libssl-dev libtomlplusplus-dev libcpp-httplib-dev
  postgresql-15-postgis-3
  libgtest-dev libgmock-dev libbenchmark-dev
)
# The dashboard's browser test drives Debian's chromium; the server's load and failover
# tests use wrk, HAProxy and curl (scripts/test only).
COHESION_TEST_PACKAGES=(chromium wrk haproxy curl python3 poppler-utils)
# The Python package (src/python, python/cohesion) and its tests: Debian's python3 with
# pybind11, the scientific stack it hands results to, pytest and nbclient (the example
# notebook); pip/setuptools for `pip install .`.
COHESION_PYTHON_PACKAGES=(
  python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pandas python3-geopandas python3-shapely
  python3-scipy python3-matplotlib python3-pytest python3-nbclient python3-nbconvert python3-nbformat
  python3-ipykernel python3-setuptools python3-pip
)
# The sanitizer/fuzz pass is built with clang (libFuzzer lives in clang's runtime).
COHESION_SANITIZE_PACKAGES=(clang libclang-rt-14-dev)

# Install the given packages if any is missing. Idempotent: a second run does nothing.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Node.js and npm bundle the web dashboard (npm packages from package-lock.json). A node
# that is already installed (Debian's or another apt source's) is used as it is.
ensure_node() {
  command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && return 0
  ensure_packages nodejs npm
}

# configure_and_build BUILD_DIR [extra cmake args...]
configure_and_build() {
  local dir="$1"; shift
  # ccache, when the machine has it, makes rebuilds after a checkout cheap; never required.
  local launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Debian's python3, not one first on PATH (pyenv, venv): the package's extension is built
  # for it and its tests use its apt-installed pandas/geopandas.
  local python=()
  [ -x /usr/bin/python3 ] && python=(-DPython3_EXECUTABLE=/usr/bin/python3)
  cmake -S "$COHESION_ROOT" -B "$dir" -G Ninja "${launcher[@]}" "${python[@]}" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}
