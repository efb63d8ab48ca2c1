#!/usr/bin/env bash
# Installs the Debian packages malaf builds, tests and benchmarks with, only
# those that are missing, so a repeated `make` costs one dpkg query.
set -euo pipefail
pkgs=(
  build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev
  libicu-dev libsqlite3-dev libxapian-dev libgumbo-dev libpugixml-dev
  libcurl4-openssl-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libarchive-dev zlib1g-dev
  liblucene++-dev libboost-dev libboost-filesystem-dev python3-readability python3-xapian python3-dateparser
  chromium poppler-utils fonts-noto-core wrk
)
# Node.js may come from elsewhere on the machine; take Debian's only when absent.
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
