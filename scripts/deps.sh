#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Install every Debian package the project needs and enable deb-src for
# Debian's own archive (apt-get source fetches the pinned Xen from there).
set -eu

if [ "$(id -u)" != 0 ]; then
    echo "make deps: must run as root (try: sudo make deps)" >&2
    exit 1
fi

src=/etc/apt/sources.list.d/debian.sources
changed=0
if [ -f "$src" ] && ! grep -q '^Types:.*deb-src' "$src"; then
    sed -i 's/^Types: deb$/Types: deb deb-src/' "$src"
    changed=1
elif [ ! -f "$src" ] && ! grep -qs '^deb-src .*debian' /etc/apt/sources.list; then
    sed -n 's/^deb \(.*debian.*\)/deb-src \1/p' /etc/apt/sources.list \
        >/etc/apt/sources.list.d/natsume-deb-src.list
    changed=1
fi

# bookworm-backports: the source of the QEMU we build (scripts/src.sh
# qemu) and the meson >= 1.5 and pycotap its build wants.  Backports are
# never installed unless asked for by name.
bpo=/etc/apt/sources.list.d/natsume-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    cat >"$bpo" <<'SRC'
Types: deb deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    changed=1
elif [ -f "$bpo" ] && ! grep -q '^Types:.*deb-src' "$bpo"; then
    sed -i 's/^Types: deb$/Types: deb deb-src/' "$bpo"
    changed=1
elif [ ! -f "$bpo" ] &&
     ! grep -rqs '^deb-src .*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ &&
     ! grep -rqs -A3 '^Types:.*deb-src' /etc/apt/sources.list.d/*.sources 2>/dev/null |
       grep -q bookworm-backports; then
    echo "deb-src http://deb.debian.org/debian bookworm-backports main" \
        >/etc/apt/sources.list.d/natsume-backports-src.list
    changed=1
fi

stamp=/var/lib/apt/periodic/natsume-update-stamp
if [ $changed = 1 ] || [ ! -f "$stamp" ] ||
   [ -n "$(find "$stamp" -mmin +720 2>/dev/null)" ]; then
    apt-get update
    mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi

DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    build-essential bison flex gawk python3 python3-dev pkg-config gettext \
    uuid-dev libyajl-dev zlib1g-dev liblzma-dev libzstd-dev libbz2-dev \
    liblzo2-dev libncurses-dev libssl-dev libaio-dev libfdt-dev acpica-tools \
    libnl-3-dev libnl-route-3-dev dpkg-dev xz-utils cpio \
    busybox-static bats libcmocka-dev gnuplot-nox \
    clang libclang-rt-14-dev \
    perl ca-certificates file bc jq shellcheck abigail-tools debootstrap \
    ninja-build libglib2.0-dev libpixman-1-dev python3-venv \
    seabios ipxe-qemu qemu-system-data
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -t bookworm-backports meson python3-pycotap
