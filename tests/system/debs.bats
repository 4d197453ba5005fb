#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The Debian packages of make debs, as a host would run them: the
# hypervisor of xen-hypervisor-4.17-amd64 boots with natsume=pit, and a
# dom0 made of the packages (dpkg-deb -x) runs xl, its libraries, the demo
# RTOS guest of natsume-demo with rtos_timer="pit", xl natsume-status and
# natsume-bench.

load helpers

setup_file()
{
    local debs=$BUILD/debs hyp
    hyp=$(find "$debs" -maxdepth 1 -name 'xen-hypervisor-4.17-amd64_*+natsume*.deb' | head -n 1)
    [ -n "$hyp" ] || { echo "no packages in $debs (make debs)" >&2; return 1; }
    dpkg-deb --fsys-tarfile "$hyp" | tar -xO ./boot/xen-4.17-amd64.gz >"$debs/xen.gz"
    DEBS=$debs "$TOP/tests/qemu/mkinitrd" "$debs/dom0.cpio.gz" >/dev/null
    boot debs -X "$debs/xen.gz" -I "$debs/dom0.cpio.gz" -t 1800 -c 2 -i 3 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
}

@test "debs: the scenario ran to the end" {
    [ "$(scenario_rc debs)" = 0 ]
    serial_log debs | grep -q '^=== end$'
}

@test "debs: the packaged hypervisor names its package version and reserves the PIT" {
    serial_log debs | grep -q '^(XEN) Xen version 4\.17\.5.*Debian 4\.17\.5+72-g01140da4e8-1+natsume1'
    serial_log debs | grep -q '^(XEN) natsume: PIT reserved: channel 0 stopped'
}

@test "debs: xl is Debian's wrapper over the package's xl, with the package's libraries" {
    section debs toolstack | grep -qx 'xl: /usr/sbin/xl -> /usr/lib/xen-common/bin/xen-utils-wrapper'
    section debs toolstack | grep -q 'libxenlight.so.4.17 => /usr/lib/x86_64-linux-gnu/libxenlight.so.4.17'
}

@test "debs: xl natsume-status lists the PIT reserved and free" {
    section debs "status before" | grep -qx 'Reserved at boot: pit'
    section debs "status before" | grep -qx '(no timer bound)'
}

@test "debs: the packaged demo guest ticks on the PIT, none lost" {
    section debs "status while ticking" | grep -q 'state: ticking'
    [ "$(rtos_result debs ticks)" = 2001 ]
    [ "$(rtos_result debs mode)" = natsume ]
}

@test "debs: natsume-bench prints the table for stock and natsume" {
    section debs natsume-bench | grep -q '^| stock | host | 1001 |'
    section debs natsume-bench | grep -q '^| natsume | host | 1001 |'
    section debs natsume-bench | grep -q '^natsume-bench: instrument: '
}
