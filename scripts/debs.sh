#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Debian 12 packages of Xen with Natsume, into $BUILD/debs:
#  - Debian's own xen source package (the pinned version that make xen-src
#    fetched) with xen-patches/ appended to its patch queue, CONFIG_NATSUME=y
#    in its hypervisor config and the version suffix $NATSUME_DEB_SUFFIX,
#    built with dpkg-buildpackage: Debian's packages, layout, services and
#    dependencies, with Natsume in them;
#  - natsume-demo: the demo RTOS guest, its config and natsume-bench.
# Usage: debs.sh [demo]   (demo: natsume-demo alone, from this build)
# Installs the build dependencies of Debian's xen when run as root.
set -eu

. "$(dirname "$0")/pins.sh"

jobs=${JOBS:-$(nproc)}
dl="$BUILD/dl"
out="$BUILD/debs"
src="$out/src"
version="$XEN_DEB_VERSION$NATSUME_DEB_SUFFIX"
dsc="$dl/xen_$XEN_DEB_VERSION.dsc"

# A python from pyenv or a venv first in PATH breaks Xen's configure.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
unset PYTHON PYTHONPATH VIRTUAL_ENV

[ -f "$dsc" ] || { echo "debs: no $dsc (make xen-src)" >&2; exit 1; }

xen_debs()
{
    rm -rf "$src" "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
    mkdir -p "$src"
    dpkg-source -q -x "$dsc" "$src/xen" >/dev/null
    tree="$src/xen"

    # Debian's build dependencies of xen (Build-Depends of its control file).
    if ! (cd "$tree" && dpkg-checkbuilddeps) 2>"$out/builddeps.txt"; then
        if [ "$(id -u)" = 0 ]; then
            DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -q "$dsc" >"$out/builddeps.log" 2>&1 || {
                tail -n 20 "$out/builddeps.log" >&2
                echo "debs: apt-get build-dep of xen failed" >&2
                exit 1
            }
        else
            cat "$out/builddeps.txt" >&2
            echo "debs: run as root, or install xen's build dependencies: apt-get build-dep $dsc" >&2
            exit 1
        fi
    fi

    # Our series after Debian's own patches.
    mkdir -p "$tree/debian/patches/natsume"
    grep -v '^#' "$TOP/xen-patches/series" | while read -r p; do
        [ -n "$p" ] || continue
        cp "$TOP/xen-patches/$p" "$tree/debian/patches/natsume/"
        echo "natsume/$p" >>"$tree/debian/patches/series"
    done
    echo 'CONFIG_NATSUME=y' >>"$tree/debian/xen-kconfig"

    # The changelog entry that gives the packages their version.  Dated by the
    # last commit, so that a rebuild of the same commit gives the same packages.
    when=$(git -C "$TOP" log -1 --format=%aD 2>/dev/null || date -R)
    {
        printf 'xen (%s) bookworm; urgency=medium\n\n' "$version"
        printf '  * Natsume for Xen: hardware timers dedicated to a real-time PV guest.\n'
        printf '    Its patch series (debian/patches/natsume/) after Debian'"'"'s, and\n'
        printf '    CONFIG_NATSUME=y in the hypervisor'"'"'s config.\n\n'
        printf ' -- Natsume for Xen <natsume@localhost>  %s\n\n' "$when"
        cat "$tree/debian/changelog"
    } >"$tree/debian/changelog.new"
    mv "$tree/debian/changelog.new" "$tree/debian/changelog"

    echo "debs: building xen $version (dpkg-buildpackage -j$jobs; log in $out/build.log)"
    t0=$(date +%s)
    (cd "$tree" && dpkg-buildpackage -b -uc -us -j"$jobs") >"$out/build.log" 2>&1 || {
        tail -n 40 "$out/build.log" >&2
        echo "debs: dpkg-buildpackage failed, see $out/build.log" >&2
        exit 1
    }
    echo "debs: xen built in $(($(date +%s) - t0)) s"
    mv "$src"/*.deb "$src"/*.buildinfo "$src"/*.changes "$out"/
}

demo_deb()
{
    # natsume-demo, from this repository's build (make build): the demo RTOS
    # guest, its config, and natsume-bench with the analyser of make bench.
    demo="$src/natsume-demo"
    rm -rf "$demo" "$out"/natsume-demo_*.deb
    mkdir -p "$demo/DEBIAN" "$demo/usr/lib/natsume" "$demo/usr/share/natsume" \
             "$demo/usr/bin"
    install -m 644 "$BUILD/rtos/rtos-kernel" "$demo/usr/lib/natsume/rtos-kernel"
    install -m 755 "$BUILD/bench/bench-analyze" "$demo/usr/lib/natsume/bench-analyze"
    install -m 755 "$TOP/bench/natsume-bench" "$demo/usr/bin/natsume-bench"
    sed 's|^kernel = .*|kernel = "/usr/lib/natsume/rtos-kernel"|' \
        "$TOP/examples/rtos.cfg" >"$demo/usr/share/natsume/rtos.cfg"
    cat >"$demo/DEBIAN/control" <<EOF
Package: natsume-demo
Version: $NATSUME_DEMO_VERSION
Architecture: amd64
Maintainer: Natsume for Xen <natsume@localhost>
Depends: libc6, xen-utils-4.17 (>= $version)
Section: admin
Priority: optional
Description: Natsume for Xen: demo real-time guest and benchmark
 A small PV kernel that ticks on Xen's virtual timer or on a hardware
 timer bound to it (rtos_timer="pit" in its xl config) and prints its
 tick statistics on its console (config: /usr/share/natsume/rtos.cfg),
 and natsume-bench, which runs it on stock Xen's timer and on the PIT
 on this host and prints the benchmark's table.
EOF
    dpkg-deb --root-owner-group -Zxz -b "$demo" "$out/natsume-demo_${NATSUME_DEMO_VERSION}_amd64.deb" >/dev/null
}

# The Xen packages again only when what they are made of changed: the
# series, this script, the pins.
stamp="$out/.xen-debs"
inputs=$(cat "$TOP/xen-patches/series" "$TOP"/xen-patches/*.patch "$0" \
             "$(dirname "$0")/pins.sh" | sha256sum | cut -d' ' -f1)

case "${1:-}" in
"") if [ "$(cat "$stamp" 2>/dev/null)" = "$inputs" ] &&
         ls "$out"/xen-utils-4.17_*"$NATSUME_DEB_SUFFIX"_amd64.deb >/dev/null 2>&1; then
        echo "debs: xen $version packages up to date"
    else
        rm -f "$stamp"
        xen_debs
        echo "$inputs" >"$stamp"
    fi
    demo_deb ;;
demo) demo_deb ;;
*) echo "usage: debs.sh [demo]" >&2; exit 2 ;;
esac

echo "debs: packages in $out:"
(cd "$out" && for d in *.deb; do
    printf '  %-60s %8s bytes\n' "$d" "$(stat -c %s "$d")"
done)
