#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Usage: gen-patches.sh [--check]
# The libxl and xl patches of xen-patches/ carry libxl-ext/ and xl-natsume/
# into Xen's tree (and the text of xl-natsume/*.pod into xl.cfg(5) and
# xl(1)), so that the series builds with Xen's own make.  Those folders stay
# the one place that code is edited: this script writes the series anew
# from the pristine tree, each patch keeping its message and its
# hand-written hunks, and the carried files taken from here.  --check
# writes nothing and fails, with a diff, when xen-patches/ is not current.
set -eu

. "$(dirname "$0")/pins.sh"

check=false
case "${1:-}" in
--check) check=true ;;
"") ;;
*) echo "usage: gen-patches.sh [--check]" >&2; exit 2 ;;
esac

patches="$TOP/xen-patches"
xen="$BUILD/xen"
[ -d "$xen/.git" ] || { echo "gen-patches: no $xen (make xen-src)" >&2; exit 1; }

# What each patch carries: "our file:path in Xen's tree", by the patch's
# subject (tools/libxl: ..., tools/xl: ...).
carried() {
    case "$1" in
    *-tools-libxl-*)
        echo libxl-ext/libxl_natsume.c:tools/libs/light/libxl_natsume.c
        echo libxl-ext/libxl_natsume.h:tools/libs/light/libxl_natsume.h
        echo libxl-ext/natsume_logic.c:tools/libs/light/natsume_logic.c
        echo libxl-ext/natsume_logic.h:tools/libs/light/natsume_logic.h ;;
    *-tools-xl-*)
        echo xl-natsume/xl_natsume.c:tools/xl/xl_natsume.c
        echo xl-natsume/xl_natsume.h:tools/xl/xl_natsume.h
        echo xl-natsume/xl.cfg-natsume.5.pod:docs/man/xl.cfg.5.pod.in
        echo xl-natsume/xl-natsume.1.pod:docs/man/xl.1.pod.in ;;
    esac
}

# A man page of ours as a part of Xen's: its DESCRIPTION up to SEE ALSO,
# with links to our pages turned into links to Xen's.
pod_body() {
    sed -e 's/L<xl\.cfg-natsume(5)>/L<xl.cfg(5)>/g' \
        -e 's/L<xl-natsume(1)>/L<xl(1)>/g' "$1" |
    awk '/^=head1 SEE ALSO/ { exit } go { print } /^=head1 DESCRIPTION/ { go = 1 }'
}

# xl.cfg(5): a section of the General Options, before Memory Allocation.
pod_into_xl_cfg() { # our pod, Xen's pod
    {
        printf '=head3 Real-time Timer (Natsume)\n'
        pod_body "$1"
    } >"$tmp/part"
    awk -v part="$tmp/part" '
        /^=head3 Memory Allocation$/ {
            while ((getline l < part) > 0) print l
            done = 1
        }
        { print }
        END { if (!done) exit 1 }' "$2" >"$tmp/pod"
    mv "$tmp/pod" "$2"
}

# xl(1): an item at the end of the Xen host subcommands, its synopsis from
# ours, our other sections as bold headings as xl(1) has them in items.
pod_into_xl() { # our pod, Xen's pod
    synopsis=$(awk '/^=head1 SYNOPSIS/ { go = 1; next } go && NF { print; exit }' "$1" |
               sed 's/^B<xl> //')
    {
        printf '=item %s\n' "$synopsis"
        pod_body "$1" | sed 's/^=head1 \(.*\)$/B<\1>/'
    } >"$tmp/part"
    awk -v part="$tmp/part" '
        /^=back$/ { back = NR }
        { line[NR] = $0 }
        /^=head1 SCHEDULER SUBCOMMANDS$/ { at = back }
        END {
            if (!at) exit 1
            for (i = 1; i <= NR; i++) {
                if (i == at) {
                    while ((getline l < part) > 0) print l
                    print ""
                }
                print line[i]
            }
        }' "$2" >"$tmp/pod"
    mv "$tmp/pod" "$2"
}

tmp=$(mktemp -d)
work="$tmp/xen"
cleanup() {
    git -C "$xen" worktree remove --force "$work" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

git -C "$xen" worktree add -q --detach "$work" pristine
g() { git -C "$work" -c user.name=natsume -c user.email=natsume@localhost "$@"; }

grep -v '^#' "$patches/series" | while read -r p; do
    [ -n "$p" ] || continue
    files=$(carried "$p")
    excl=""
    for f in $files; do
        excl="$excl --exclude=${f#*:}"
    done
    # shellcheck disable=SC2086 # one --exclude per word
    g am -q --keep-cr $excl "$patches/$p" || {
        echo "gen-patches: $p does not apply" >&2
        exit 1
    }
    [ -n "$files" ] || continue
    for f in $files; do
        src="$TOP/${f%%:*}" dst="$work/${f#*:}"
        case "$dst" in
        */xl.cfg.5.pod.in) pod_into_xl_cfg "$src" "$dst" ;;
        */xl.1.pod.in)     pod_into_xl "$src" "$dst" ;;
        *)                 cp "$src" "$dst" ;;
        esac || { echo "gen-patches: cannot place ${f%%:*} in ${f#*:}" >&2; exit 1; }
        g add "${f#*:}"
    done
    g commit -q --amend --no-edit
done

mkdir "$tmp/out"
g format-patch -q --zero-commit -n -o "$tmp/out" pristine..HEAD
{
    sed -n '/^#/p' "$patches/series"
    (cd "$tmp/out" && ls -- *.patch)
} >"$tmp/out/series"

if $check; then
    if ! diff -ru "$patches" "$tmp/out" >"$tmp/diff"; then
        head -n 60 "$tmp/diff" >&2
        echo "gen-patches: xen-patches/ is not current: run scripts/gen-patches.sh" >&2
        exit 1
    fi
    exit 0
fi

for f in "$patches"/*.patch; do
    [ -e "$tmp/out/${f##*/}" ] || rm -f "$f"
done
for f in "$tmp/out"/*; do
    cmp -s "$f" "$patches/${f##*/}" || cp "$f" "$patches/${f##*/}"
done
