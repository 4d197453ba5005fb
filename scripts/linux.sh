#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Fetch Debian's kernel (for dom0 and the Linux guests) and busybox, and
# unpack them under $BUILD/linux without installing them on the host.
set -eu

: "${BUILD:?BUILD must be set}"
out="$BUILD/linux"
[ -f "$out/.done" ] && exit 0

pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/.*Depends: \(linux-image-[0-9].*\)/\1/p' | head -n 1)
[ -n "$pkg" ] || {
    echo "linux: cannot resolve linux-image-amd64 (run make deps)" >&2
    exit 1
}

rm -rf "$out"
mkdir -p "$out/deb" "$out/root"
(cd "$out/deb" && apt-get download "$pkg" busybox-static)
for d in "$out"/deb/*.deb; do
    dpkg-deb -x "$d" "$out/root"
done
kver=${pkg#linux-image-}
cp "$out/root/boot/vmlinuz-$kver" "$out/vmlinuz"
echo "$kver" >"$out/kernel-version"
rm -rf "$out/deb"
touch "$out/.done"
echo "linux: $pkg and busybox-static in $out"
