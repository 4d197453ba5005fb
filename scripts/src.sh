#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Usage: src.sh xen|qemu
# Fetch a pinned source with apt-get source, verify its upstream orig
# tarball and unpack it into a git tree under $BUILD whose first commit is
# the pristine source: our series is then applied on top with git am.
set -eu

. "$(dirname "$0")/pins.sh"

case "${1:-}" in
xen)  pkg=xen version=$XEN_DEB_VERSION orig=$XEN_ORIG sha=$XEN_ORIG_SHA256
      fetch="" ;;
# The +ds orig tarball carries no firmware blobs; Debian's packaging is
# not needed for the emulator.
qemu) pkg=qemu version=$QEMU_DEB_VERSION orig=$QEMU_ORIG sha=$QEMU_ORIG_SHA256
      fetch=--tar-only ;;
*)    echo "usage: src.sh xen|qemu" >&2; exit 2 ;;
esac

dl="$BUILD/dl"
tree="$BUILD/$1"
tarball="$dl/$orig"

mkdir -p "$dl"
if [ ! -f "$tarball" ]; then
    (cd "$dl" && apt-get source --download-only $fetch "$pkg=$version") || {
        echo "$1-src: apt-get source $pkg=$version failed;" \
             "is deb-src enabled for Debian's archive and bookworm-backports?" \
             "(make deps does it)" >&2
        exit 1
    }
fi

sum=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$sum" != "$sha" ]; then
    echo "$1-src: $orig has sha256 $sum, expected $sha" >&2
    echo "$1-src: refusing to build from it; remove $dl and retry" >&2
    exit 1
fi

if [ -f "$tree/.git/natsume-pristine" ] &&
   [ "$(cat "$tree/.git/natsume-pristine")" = "$sha" ]; then
    exit 0
fi

rm -rf "$tree" "$tree.tmp"
mkdir -p "$tree.tmp"
# Owned by us, not by the tarball's uids: git refuses trees of others.
tar -xJf "$tarball" -C "$tree.tmp" --strip-components=1 --no-same-owner
git -C "$tree.tmp" init -q
git -C "$tree.tmp" add -A -f .
git -C "$tree.tmp" -c user.name=natsume -c user.email=natsume@localhost \
    commit -q -m "$pkg $version (upstream orig tarball)"
git -C "$tree.tmp" tag pristine
echo "$sha" >"$tree.tmp/.git/natsume-pristine"
mv "$tree.tmp" "$tree"
echo "$1-src: pristine $pkg $version in $tree"
