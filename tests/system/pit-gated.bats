#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# A board whose firmware gates the PIT's clock off (run-xen -G): IRQ0 never
# ticks.  Stock Xen boots it by retrying IRQ0 with the HPET in Legacy
# Replacement Mode; with natsume=pit, Xen drops the reservation, says why
# and boots the same way, and rtos_timer="pit" is refused with a clear
# message.

load helpers

setup_file()
{
    boot xl-unreserved@gated -G -t 300 -c 2 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
    boot xl-unreserved@gated-stock -G -t 300 -c 2 \
        -x "dom0_max_vcpus=1 dom0_vcpus_pin"
}

# The HPET took IRQ0 over, as upstream does on such a board.
took_hpet()
{
    serial_log "$1" | grep -q '^(XEN) ..no 8254 timer found - trying HPET Legacy Replacement Mode$'
    ! serial_log "$1" | grep -q 'IO-APIC + timer doesn.t work' || false
}

@test "gated PIT, stock Xen: boots with the HPET in Legacy Replacement Mode" {
    [ "$(scenario_rc xl-unreserved@gated-stock)" = 0 ]
    took_hpet xl-unreserved@gated-stock
}

@test "gated PIT, natsume=pit: Xen boots as stock Xen does" {
    [ "$(scenario_rc xl-unreserved@gated)" = 0 ]
    serial_log xl-unreserved@gated | grep -q '^=== end$'
    took_hpet xl-unreserved@gated
}

@test "gated PIT, natsume=pit: the boot log says why nothing is reserved" {
    serial_log xl-unreserved@gated | grep -q '^(XEN) natsume: PIT not reserved: IRQ0 does not tick through the IO-APIC (PIT clock gated?)$'
    ! serial_log xl-unreserved@gated | grep -q 'natsume: PIT reserved' || false
}

@test "gated PIT, natsume=pit: xl natsume-status shows nothing reserved" {
    section xl-unreserved@gated status | grep -q '^Reserved at boot: none$'
}

@test "gated PIT, natsume=pit: rtos_timer=\"pit\" is refused and leaves nothing" {
    local T=xl-unreserved@gated
    section $T "bad stock" | grep -qF 'rtos_timer="pit": Xen has not reserved the PIT (boot option natsume=pit; if given, "xl dmesg" says why it was dropped)'
    nonzero "$(section_rc $T "bad stock")"
    run section $T list
    [ "${#lines[@]}" -eq 2 ]
    run section $T pools
    [ "${#lines[@]}" -eq 2 ]
}
