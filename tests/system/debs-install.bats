#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The packages where apt and GRUB exist: tests/debs/install.sh runs the
# install guide's commands in a Debian 12 chroot (debootstrap).

load helpers

LOG=$BUILD/logs/debs-install.log

setup_file()
{
    mkdir -p "$BUILD/logs"
    "$TOP/tests/debs/install.sh" >"$LOG" 2>&1
    echo $? >"$LOG.rc"
}

@test "install: the script ran to the end" {
    [ "$(cat "$LOG.rc")" = 0 ]
    grep -qx '=== end' "$LOG"
}

@test "install: apt installs the packages beside Debian's own" {
    section debs-install install | grep -qx 'apt-get install exit status: 0'
    section debs-install install | grep -q '^Setting up xen-utils-4.17 (4.17.5+72-g01140da4e8-1+natsume1)'
    section debs-install install | grep -q '^Setting up natsume-demo '
    run grep -E '^(E:|dpkg: error)' <(section debs-install install)
    [ "$status" = 1 ]
}

@test "install: every package is installed, none broken" {
    section debs-install installed | grep -qx 'xen-hypervisor-4.17-amd64 4.17.5+72-g01140da4e8-1+natsume1 install ok installed'
    section debs-install installed | grep -qx 'libxenmisc4.17 4.17.5+72-g01140da4e8-1+natsume1 install ok installed'
    section debs-install installed | grep -qx 'dpkg --audit: nothing to report'
    section debs-install installed | grep -qx 'apt-get check: no broken dependencies'
}

@test "install: held, an upgrade keeps them (unheld, Debian's security update would replace them)" {
    section debs-install unheld | grep -q '^Inst xen-utils-4.17 \[4.17.5+72-g01140da4e8-1+natsume1\]'
    section debs-install hold | grep -qx "upgrade: nothing of Xen's"
}

@test "install: update-grub makes the Xen entry, with natsume=pit, the default" {
    section debs-install grub | grep -q '^	multiboot2	/boot/xen-4.17-amd64.gz placeholder *natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin'
    section debs-install grub | grep -q "^menuentry 'Debian GNU/Linux, with Xen hypervisor'"
    section debs-install grub | grep -q '^ *set default="Debian GNU/Linux, with Xen hypervisor"$'
}

@test "install: the way back leaves Debian's own packages, and no natsume-demo" {
    section debs-install back | grep -qx 'way back exit status: 0'
    section debs-install back | grep -qx 'xen-utils-4.17 4.17.5+72-g01140da4e8-1 install ok installed'
    section debs-install back | grep -qx 'libxenmisc4.17 4.17.5+72-g01140da4e8-1 install ok installed'
    run grep -E 'natsume' <(section debs-install back)
    [ "$status" = 1 ]
}
