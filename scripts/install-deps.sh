#!/bin/sh
# Installs the Debian packages advise is built with, as root or through sudo, whichever this
# user has: a fresh container is root without sudo; a workstation user has sudo. Packages
# already installed are left alone, and nothing is asked for when all are there.
set -eu

packages="cmake g++ make pkg-config libboost-dev libboost-graph-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev liblinear-dev"

missing=""
for p in $packages; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-deps: installing$missing needs root: run this as root, or install sudo" >&2
    exit 1
fi
# env, not a variable before the command: sudo would drop it.
$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
