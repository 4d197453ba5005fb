#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Usage: tests/debs/install.sh
# The install guide's commands (docs/install.md), where apt and GRUB exist:
# a Debian 12 chroot made with debootstrap from Debian's archive, with
# Debian's kernel and GRUB's scripts, then our packages installed beside
# Debian's own with apt, held, and GRUB's Xen entry made with our command
# line.  Prints "=== section" blocks for tests/system/debs-install.bats.  The
# chroot is kept in $BUILD/debs/chroot.base between runs (only its copy is
# changed).
set -eu

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
debs=$BUILD/debs
base=$debs/chroot.base
root=$debs/chroot

ls "$debs"/xen-utils-4.17_*+natsume*.deb >/dev/null 2>&1 ||
    { echo "install: no packages in $debs (make debs)" >&2; exit 1; }

if [ ! -f "$base/.done" ]; then
    rm -rf "$base"
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian \
        >"$debs/debootstrap.log" 2>&1 ||
        { tail -n 20 "$debs/debootstrap.log" >&2; exit 1; }
    touch "$base/.done"
fi
rm -rf "$root"
cp -a "$base" "$root"

cleanup() {
    for m in dev/pts dev proc sys; do umount "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# No service starts in a chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
# The Xen and Natsume packages installed, with their versions and states.
xen_packages() {
    # shellcheck disable=SC2016 # dpkg-query's own format
    in_root dpkg-query -W -f '${Package} ${Version} ${Status}\n' | grep -E 'xen|natsume' | sort
}
# What an upgrade would do to Xen's packages.
xen_upgrade() {
    in_root apt-get -s -q upgrade | grep -E '^(Inst|Conf) .*xen' || echo "upgrade: nothing of Xen's"
}
# Xen's command line, as the install guide has it.
xen_cmdline="natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"

echo "=== debian"
in_root apt-get update -q >/dev/null
# What a host has before: Debian's kernel and GRUB's scripts.
in_root apt-get install -y -q --no-install-recommends linux-image-amd64 grub2-common \
    >"$debs/chroot-debian.log" 2>&1 || { tail -n 20 "$debs/chroot-debian.log"; exit 1; }
in_root dpkg-query -W linux-image-amd64 grub2-common

echo "=== install"
mkdir -p "$root/tmp/debs"
cp "$debs"/*.deb "$root/tmp/debs/"
# The install guide's command, in the packages' folder.
rc=0
in_root sh -c "cd /tmp/debs && apt-get install -y -q \$(ls ./*.deb | grep -v -e '-dbg_' -e '-dbgsym_' -e '^./libxen-dev_')" \
    >"$debs/chroot-install.log" 2>&1 || rc=$?
grep -E '^(Setting up|Unpacking|E:|dpkg: error)' "$debs/chroot-install.log" || true
echo "apt-get install exit status: $rc"

echo "=== installed"
xen_packages
in_root dpkg --audit && echo "dpkg --audit: nothing to report"
in_root apt-get check -q && echo "apt-get check: no broken dependencies"

echo "=== unheld"
# What an upgrade would do to them were they not held: Debian's security
# updates of Xen have higher versions.
xen_upgrade

echo "=== hold"
# shellcheck disable=SC2016 # expanded in the chroot
in_root sh -c "apt-mark hold \$(dpkg-query -W -f '\${Package} \${Version}\n' | awk '/\+natsume/ { print \$1 }')"
xen_upgrade

echo "=== grub"
# GRUB_CMDLINE_XEN_DEFAULT as the guide has it, then update-grub.  Only
# grub-probe is replaced, in this copy of the chroot: a chroot has no disk
# of its own for it to find, so it answers for an ext4 root on /dev/vda1.
sed -i "s/^#\{0,1\}GRUB_CMDLINE_XEN_DEFAULT=.*/GRUB_CMDLINE_XEN_DEFAULT=\"$xen_cmdline\"/" \
    "$root/etc/default/grub.d/xen.cfg"
grep -qx "GRUB_CMDLINE_XEN_DEFAULT=\"$xen_cmdline\"" "$root/etc/default/grub.d/xen.cfg" ||
    echo "GRUB_CMDLINE_XEN_DEFAULT=\"$xen_cmdline\"" >>"$root/etc/default/grub.d/xen.cfg"
cat >"$root/usr/sbin/grub-probe" <<'PROBE'
#!/bin/sh
case "$*" in
*--target=fs_uuid*) echo 00000000-0000-0000-0000-000000000000 ;;
*--target=fs\ *|*--target=fs) echo ext2 ;;
*--target=device*) echo /dev/vda1 ;;
esac
PROBE
mkdir -p "$root/boot/grub"
# /etc/default/grub, as grub-pc's (or grub-efi's) postinst puts it there.
cp "$root/usr/share/grub/default/grub" "$root/etc/default/grub"
in_root update-grub >"$debs/chroot-grub.log" 2>&1 || { cat "$debs/chroot-grub.log"; exit 1; }
grep -E "^ *set default=\"[^$]|^menuentry|multiboot2|module2" "$root/boot/grub/grub.cfg" | head -n 6
echo "=== back"
# The guide's way back to Debian's own packages.
rc=0
# shellcheck disable=SC2016 # expanded in the chroot
in_root sh -c '
    apt-get purge -y -q natsume-demo &&
    apt-mark unhold $(dpkg-query -W -f "\${Package} \${Version}\n" | awk "/\\+natsume/ { print \$1 }") &&
    apt-get install -y -q --allow-downgrades $(dpkg-query -W -f "\${Package} \${Version}\n" |
        awk "/\\+natsume/ { print \$1 \"/bookworm\" }")' >"$debs/chroot-back.log" 2>&1 || rc=$?
echo "way back exit status: $rc"
xen_packages
echo "=== end"
