#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Usage: patch.sh xen|qemu
# Bring $BUILD/<name> to pristine + <name>-patches/series.  Only when the
# series or a patch changed: reset the tracked files to the pristine commit
# and apply the series again.  Build products are untracked, so an unchanged
# file keeps its timestamp and the rebuild stays incremental.
set -eu

. "$(dirname "$0")/pins.sh"

case "${1:-}" in
xen|qemu) ;;
*) echo "usage: patch.sh xen|qemu" >&2; exit 2 ;;
esac
tree="$BUILD/$1"
patches="$TOP/$1-patches"
stamp="$tree/.git/natsume-series"

want=$( (cat "$patches/series"; grep -v '^#' "$patches/series" |
         while read -r p; do [ -n "$p" ] && cat "$patches/$p"; done) |
       sha256sum | cut -d' ' -f1)
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && exit 0

git -C "$tree" am --abort >/dev/null 2>&1 || true
git -C "$tree" reset -q --hard pristine
rm -f "$stamp"
grep -v '^#' "$patches/series" | while read -r p; do
    [ -n "$p" ] || continue
    echo "$1-patch: applying $p"
    git -C "$tree" -c user.name=natsume -c user.email=natsume@localhost \
        am -q --keep-cr "$patches/$p" || {
        echo "$1-patch: $p does not apply to the pinned $1 source" >&2
        git -C "$tree" am --abort >/dev/null 2>&1 || true
        exit 1
    }
done
echo "$want" >"$stamp"
