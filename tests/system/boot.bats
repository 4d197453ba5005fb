#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Our Xen boots under QEMU with a Linux dom0; a PV Linux guest comes and goes.

load helpers

setup_file()
{
    boot pv-guest -t 300
}

@test "the scenario ran to the end" {
    [ "$(scenario_rc pv-guest)" = 0 ]
    section pv-guest "end" >/dev/null
    serial_log pv-guest | grep -q '^=== end$'
}

@test "Xen identifies itself as our build" {
    serial_log pv-guest | grep -q '^(XEN) Xen version 4\.17\.5-natsume '
    section pv-guest "xl info" | grep -Eq '^xen_extra +: \.5-natsume$'
}

@test "system tests boot the debug hypervisor" {
    serial_log pv-guest | grep -q '^(XEN) Xen version 4\.17\.5-natsume .* debug=y '
}

@test "xl links our Xen libraries" {
    run section pv-guest "xl libraries"
    [[ "$output" == *"libxenlight.so.4.17 => /usr/lib/libxenlight.so.4.17"* ]]
    [[ "$output" == *"libxenctrl.so.4.17 => /usr/lib/libxenctrl.so.4.17"* ]]
    ! grep -E 'libxen.*=> /lib/x86_64' <<<"$output" || false
}

@test "the PV guest's console output is seen" {
    section pv-guest "guest console" | grep -q '^natsume-guest: hello from 6\.1\.'
}

@test "the guest is listed while it runs" {
    section pv-guest "xl list running" | grep -Eq '^guest +[0-9]+ +128 +1 '
}

@test "after xl destroy only Domain-0 is left" {
    run section pv-guest "xl list after"
    [ "${#lines[@]}" -eq 2 ]
    [[ "${lines[0]}" == Name* ]]
    [[ "${lines[1]}" == Domain-0* ]]
}
