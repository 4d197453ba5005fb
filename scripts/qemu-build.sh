#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Configure and build the patched QEMU: qemu-system-x86_64 alone, with the
# optional features off, and a data folder for its -L holding the firmware
# it loads, from Debian's packages: SeaBIOS, iPXE's e1000 ROM and the
# option ROMs that -kernel needs (qemu-system-data; their fw_cfg interface
# has not changed since).
set -eu

. "$(dirname "$0")/pins.sh"

tree="$BUILD/qemu"
out="$tree/build"
share="$BUILD/qemu-share"
jobs=${JOBS:-$(nproc)}

# QEMU's meson unpacks the EDK2 firmware, absent from the +ds tarball,
# whenever it finds bzip2: configure and build with a PATH that has every
# program of /usr/bin but that one.
nobz="$BUILD/qemu-path"
if [ ! -d "$nobz" ]; then
    mkdir -p "$nobz.tmp"
    for f in /usr/bin/*; do
        case ${f##*/} in bzip2) ;; *) ln -s "$f" "$nobz.tmp/" ;; esac
    done
    mv "$nobz.tmp" "$nobz"
fi
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:$nobz:/sbin
export PATH
unset PYTHON PYTHONPATH VIRTUAL_ENV

# --disable-download: no meson subproject may be fetched (the machines
# reach Debian's archive only); meson >= 1.5 comes from bookworm-backports.
conf_flags="--target-list=x86_64-softmmu --without-default-features \
--disable-download --disable-docs --disable-install-blobs --disable-tools \
--disable-werror"

mkdir -p "$out"
if [ ! -f "$out/build.ninja" ] ||
   [ "$(cat "$tree/.git/natsume-configure" 2>/dev/null)" != "$conf_flags" ]; then
    # shellcheck disable=SC2086
    (cd "$out" && ../configure $conf_flags) >"$BUILD/qemu-configure.log" 2>&1 || {
        tail -n 30 "$BUILD/qemu-configure.log" >&2
        echo "qemu-build: configure failed, see $BUILD/qemu-configure.log" >&2
        exit 1
    }
    echo "$conf_flags" >"$tree/.git/natsume-configure"
fi

make -C "$out" -j"$jobs" qemu-system-x86_64 >"$BUILD/qemu-build.log" 2>&1 || {
    tail -n 30 "$BUILD/qemu-build.log" >&2
    echo "qemu-build: build failed, see $BUILD/qemu-build.log" >&2
    exit 1
}
rm -rf "$share"
mkdir -p "$share"
for f in /usr/share/seabios/bios-256k.bin /usr/lib/ipxe/qemu/efi-e1000.rom \
         /usr/share/qemu/multiboot_dma.bin /usr/share/qemu/linuxboot_dma.bin \
         /usr/share/qemu/kvmvapic.bin; do
    [ -f "$f" ] || { echo "qemu-build: $f missing (make deps)" >&2; exit 1; }
    ln -s "$f" "$share/"
done
echo "qemu-build: $("$out/qemu-system-x86_64" --version | head -n 1) in $out"
