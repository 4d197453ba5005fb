#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Configure and build the patched Xen: the hypervisor and the subset of the
# toolstack that a dom0 needs to run xl, then install both into $BUILD/dist.
set -eu

. "$(dirname "$0")/pins.sh"

tree="$BUILD/xen"
dist="$BUILD/dist"
jobs=${JOBS:-$(nproc)}

# A python from pyenv or a venv first in PATH breaks Xen's configure.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
unset PYTHON PYTHONPATH VIRTUAL_ENV

conf_flags="--prefix=/usr --disable-stubdom --disable-docs \
--disable-qemu-traditional --with-system-qemu=/usr/bin/qemu-system-i386 \
--disable-rombios --disable-seabios --disable-ipxe --disable-ocamltools \
--disable-pvshim --disable-golang --disable-xsmpolicy"

cd "$tree"
if [ ! -f config/Tools.mk ] || [ "$(cat .git/natsume-configure 2>/dev/null)" != "$conf_flags" ]; then
    # shellcheck disable=SC2086
    ./configure $conf_flags >"$BUILD/configure.log" 2>&1 || {
        tail -n 30 "$BUILD/configure.log" >&2
        echo "xen-build: configure failed, see $BUILD/configure.log" >&2
        exit 1
    }
    echo "$conf_flags" >.git/natsume-configure
fi

# Natsume is a Kconfig option, off by default: on in both builds here.
if ! grep -qx 'CONFIG_NATSUME=y' xen/.config 2>/dev/null; then
    make -s -C xen defconfig >/dev/null
    echo 'CONFIG_NATSUME=y' >>xen/.config
    make -s -C xen olddefconfig >/dev/null
fi
make -j"$jobs" xen XEN_VENDORVERSION="$XEN_VENDORVERSION"

# The test suite boots a debug hypervisor (CONFIG_DEBUG: ASSERTs, lock and
# preemption checks), as Xen's own CI does; the benchmark boots the release
# one.  Built from a second checkout of the same commit, so that each keeps
# its objects and rebuilds incrementally.
dbg=$BUILD/xen-debug
head=$(git rev-parse HEAD)
if [ ! -e "$dbg/.git" ]; then
    rm -rf "$dbg"
    git worktree prune
    git worktree add -q --detach "$dbg" "$head"
else
    git -C "$dbg" checkout -q -f --detach "$head"
fi
if ! grep -qx 'CONFIG_DEBUG=y' "$dbg/xen/.config" 2>/dev/null ||
   ! grep -qx 'CONFIG_NATSUME=y' "$dbg/xen/.config"; then
    sed 's/^# CONFIG_DEBUG is not set$/CONFIG_DEBUG=y/' xen/.config >"$dbg/xen/.config"
    make -s -C "$dbg/xen" olddefconfig
fi
t0=$(date +%s)
make -j"$jobs" -C "$dbg/xen" XEN_VENDORVERSION="$XEN_VENDORVERSION"
echo "xen-build: debug hypervisor up to date in $(($(date +%s) - t0)) s"

# After a change of libxl's IDL, libxl's first make rebuilds too little
# (objects do not depend on every generated header): start libxl and xl
# afresh whenever the IDL is not the one of the last build.
idl_sum=$(sha256sum tools/libs/light/libxl_types.idl | cut -d' ' -f1)
if [ "$(cat .git/natsume-idl 2>/dev/null)" != "$idl_sum" ]; then
    echo "xen-build: libxl_types.idl changed: cleaning libxl and xl"
    rm -f .git/natsume-idl
    make -s -C tools/libs/light clean >/dev/null
    make -s -C tools/xl clean >/dev/null
fi
# libxl's types generated from the IDL, first and one make at a time: under
# make -j two runs of gentypes.py for the same IDL can race on their
# temporary files ("mv: cannot stat '__libxl_types_private.h'").  The
# generated files are only replaced when their content changes, so after the
# series is applied again they stay older than the IDL and every later make
# would run gentypes.py again: mark them up to date.
light=tools/libs/light
for t in _libxl_types.h _libxl_types_internal.h; do
    if ! make -s -q -C $light $t >/dev/null 2>&1; then
        make -s -C $light $t >/dev/null
        touch $light/_libxl_types*.h $light/_libxl_types*.c
    fi
done

# The toolstack subset, in dependency order.
tools="include libs xenstore console helpers xl"
for t in $tools; do
    make -j"$jobs" -C "tools/$t"
done
# CPU hotplug for the tests (xen-hptool), not the rest of tools/misc.
make -j"$jobs" -C tools/misc xen-hptool
# Tracing for the benchmark's causes of tails: xentrace in dom0, xenalyze
# on the host.
make -j"$jobs" -C tools/xentrace xentrace xenalyze

echo "$idl_sum" >.git/natsume-idl

rm -rf "$dist.tmp"
mkdir -p "$dist.tmp/boot"
cp xen/xen "$dist.tmp/boot/xen"
cp xen/xen-syms "$dist.tmp/boot/xen-syms"
cp "$dbg/xen/xen" "$dist.tmp/boot/xen-debug"
cp "$dbg/xen/xen-syms" "$dist.tmp/boot/xen-syms-debug"
for t in $tools; do
    make -C "tools/$t" install DESTDIR="$dist.tmp" >/dev/null
done
install -m 755 tools/misc/xen-hptool "$dist.tmp/usr/sbin/xen-hptool"
install -m 755 tools/xentrace/xentrace "$dist.tmp/usr/sbin/xentrace"
install -m 755 tools/xentrace/xenalyze "$dist.tmp/usr/sbin/xenalyze"
rm -rf "$dist"
mv "$dist.tmp" "$dist"
echo "xen-build: Xen $(make -s -C xen xenversion 2>/dev/null)$XEN_VENDORVERSION installed in $dist"
