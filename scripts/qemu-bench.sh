#!/bin/sh
# Fetch the QEMU of Debian 12's backports and unpack it under
# $BUILD/qemu-bench, without installing it, for the benchmark and the demo.
#
# Why not bookworm's own QEMU 7.2: with -icount, its single-threaded round
# robin gives each vCPU in turn every instruction up to the next timer
# deadline, so a busy CPU 0 leaves CPU 1 (the RTOS's) nothing: under load
# the RTOS's CPU stops for milliseconds, or for good.  QEMU 8.1 and later
# share the budget between the vCPUs.  The tests keep bookworm's QEMU.
set -eu

: "${BUILD:?BUILD must be set}"
out="$BUILD/qemu-bench"
[ -f "$out/.done" ] && exit 0

pkgs="qemu-system-x86 qemu-system-common qemu-system-data seabios"
rm -rf "$out"
mkdir -p "$out/deb" "$out/root"
(cd "$out/deb" && apt-get download -t bookworm-backports $pkgs) || {
    echo "qemu-bench: cannot fetch $pkgs from bookworm-backports (run make deps)" >&2
    exit 1
}
for d in "$out"/deb/*.deb; do
    dpkg-deb -x "$d" "$out/root"
done
rm -rf "$out/deb"

ver=$("$out/root/usr/bin/qemu-system-x86_64" --version | sed -n '1s/.*version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
set -- $ver
if [ "${1:-0}" -lt 8 ] || { [ "$1" = 8 ] && [ "$2" -lt 1 ]; }; then
    echo "qemu-bench: QEMU $1.$2 from backports is older than 8.1" >&2
    exit 1
fi
touch "$out/.done"
echo "qemu-bench: $("$out/root/usr/bin/qemu-system-x86_64" --version | head -n 1) in $out"
