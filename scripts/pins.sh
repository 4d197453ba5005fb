# Versions and checksums the build is pinned to (sourced by the scripts).
: "${BUILD:?BUILD must be set}"
XEN_DEB_VERSION=4.17.5+72-g01140da4e8-1
XEN_ORIG=xen_4.17.5+72-g01140da4e8.orig.tar.xz
XEN_ORIG_SHA256=53922f4d0a02c577f2ea9d63f65989cd88715779eebeed879ca1d314103ee06e
XEN_VENDORVERSION=-natsume
