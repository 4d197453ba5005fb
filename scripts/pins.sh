# shellcheck shell=sh disable=SC2034 # read by the scripts that source it
# SPDX-License-Identifier: GPL-2.0-only
# Versions and checksums the build is pinned to (sourced by the scripts).
: "${BUILD:?BUILD must be set}"
XEN_DEB_VERSION=4.17.5+72-g01140da4e8-1
XEN_ORIG=xen_4.17.5+72-g01140da4e8.orig.tar.xz
XEN_ORIG_SHA256=53922f4d0a02c577f2ea9d63f65989cd88715779eebeed879ca1d314103ee06e
XEN_VENDORVERSION=-natsume
# The emulator every test, the benchmark and the demo run on: Debian's
# QEMU 10.0.2 source (bookworm-backports) with qemu-patches/ on top.
QEMU_DEB_VERSION=1:10.0.2+ds-2+deb13u1~bpo12+1
QEMU_ORIG=qemu_10.0.2+ds.orig.tar.xz
QEMU_ORIG_SHA256=0901da33844a331bf8b3602b9c1fbd178e60b737c8e3ade678255bd090c9b9f1
# make debs: Debian's xen packages with our series get this suffix on
# Debian's version (so they sort after the version they are built from);
# the demo guest's package has a version of its own.
NATSUME_DEB_SUFFIX=+natsume1
NATSUME_DEMO_VERSION=0.1
