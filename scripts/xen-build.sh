#!/bin/sh
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

make -j"$jobs" xen XEN_VENDORVERSION="$XEN_VENDORVERSION"

# The toolstack subset, in dependency order.
tools="include libs xenstore console helpers xl"
for t in $tools; do
    make -j"$jobs" -C "tools/$t"
done

rm -rf "$dist.tmp"
mkdir -p "$dist.tmp/boot"
cp xen/xen "$dist.tmp/boot/xen"
cp xen/xen-syms "$dist.tmp/boot/xen-syms"
for t in $tools; do
    make -C "tools/$t" install DESTDIR="$dist.tmp" >/dev/null
done
rm -rf "$dist"
mv "$dist.tmp" "$dist"
echo "xen-build: Xen $(make -s -C xen xenversion 2>/dev/null)$XEN_VENDORVERSION installed in $dist"
