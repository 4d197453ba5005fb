#!/bin/sh
# Fetch the pinned Xen source with apt-get source, verify the upstream orig
# tarball and unpack it into a git tree whose first commit is the pristine
# source: the patch series is then applied on top with git am.
set -eu

. "$(dirname "$0")/pins.sh"

dl="$BUILD/dl"
tree="$BUILD/xen"
tarball="$dl/$XEN_ORIG"

mkdir -p "$dl"
if [ ! -f "$tarball" ]; then
    (cd "$dl" && apt-get source --download-only "xen=$XEN_DEB_VERSION") || {
        echo "xen-src: apt-get source xen=$XEN_DEB_VERSION failed;" \
             "is deb-src enabled for Debian's archive? (make deps does it)" >&2
        exit 1
    }
fi

sum=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$sum" != "$XEN_ORIG_SHA256" ]; then
    echo "xen-src: $XEN_ORIG has sha256 $sum, expected $XEN_ORIG_SHA256" >&2
    echo "xen-src: refusing to build from it; remove $dl and retry" >&2
    exit 1
fi

if [ -f "$tree/.git/natsume-pristine" ] &&
   [ "$(cat "$tree/.git/natsume-pristine")" = "$XEN_ORIG_SHA256" ]; then
    exit 0
fi

rm -rf "$tree" "$tree.tmp"
mkdir -p "$tree.tmp"
tar -xJf "$tarball" -C "$tree.tmp" --strip-components=1
git -C "$tree.tmp" init -q
git -C "$tree.tmp" add -A -f .
git -C "$tree.tmp" -c user.name=natsume -c user.email=natsume@localhost \
    commit -q -m "Xen $XEN_DEB_VERSION (upstream orig tarball)"
git -C "$tree.tmp" tag pristine
echo "$XEN_ORIG_SHA256" >"$tree.tmp/.git/natsume-pristine"
mv "$tree.tmp" "$tree"
echo "xen-src: pristine Xen $XEN_DEB_VERSION in $tree"
