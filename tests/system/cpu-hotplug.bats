#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# CPU offline, CPU online, S3 and S5 with natsume=pit, on two cores of two
# threads booted with smt=0 (CPUs 1 and 3 parked until smt-enable).

load helpers

T=cpu-hotplug

# On guest time (-i 3): the S3 check reads the binding's state, which
# says "stalled" when the PIT's last tick is 10 ms old, and an emulated PIT
# on host time fell that far behind once under host load.
setup_file()
{
    boot $T -t 900 -i 3 -c 4,sockets=1,cores=2,threads=2 \
        -x "natsume=pit smt=0 dom0_max_vcpus=1 dom0_vcpus_pin"
}

# hptool_refused SECTION: xen-hptool was refused (EPERM) in SECTION.
hptool_refused()
{
    section $T "$1" | grep -q 'Operation not permitted'
    nonzero "$(section_rc $T "$1")"
}

@test "cpu hotplug: the scenario ran to its end" {
    [ "$(scenario_rc $T)" = 0 ]
    serial_log $T | grep -q '^=== end$'
}

@test "cpu hotplug: the bound CPU stays online, in its cpupool" {
    hptool_refused "offline bound"
    serial_log $T | grep -q '^(XEN) natsume: CPU2 stays online: PIT bound to d1 there$'
    section $T "status after offline bound" | grep -q '^ *state: ticking;'
}

@test "cpu hotplug: the bound CPU stays online, in Pool-0" {
    hptool_refused "offline bound in Pool-0"
}

@test "cpu hotplug: an unbound CPU goes offline, IRQ0's pin stays masked" {
    [ "$(section_rc $T "offline unbound")" = 0 ]
    section $T "irq0 after offline" | grep -Eq '^IRQ: +0 vec:f0 '
    section $T "irq0 after offline" | grep -Eq 'Pin +[0-9]+: .* mask=1 '
}

@test "cpu hotplug: a CPU online since smt-enable takes IRQ0 on its own vector" {
    [ "$(section_rc $T smt-enable)" = 0 ]
    section $T "irq0 on a later CPU" | grep -Eq '^IRQ: +0 vec:f0 .*aff:\{3\}'
    section $T "status on a later CPU" | grep -q '^ *state: ticking;'
}

# dom0's Linux reports success whatever Xen answers: Xen's log tells.
@test "cpu hotplug: S3 is refused while the PIT is bound, which keeps ticking" {
    section $T "power states" | grep -qw mem
    section $T dmesg | grep -q '^natsume: S3 refused: PIT bound to d[0-9]*$'
    ! serial_log $T | grep -q 'Entering ACPI S3 state' || false
    section $T "status after suspend" | grep -q '^ *state: ticking;'
}

@test "cpu hotplug: powering off with the PIT bound releases it and powers off" {
    # After the scenario's exit marker: dom0's power-off, S5 in Xen.
    serial_log $T | sed -n '/^NATSUME-SCENARIO-EXIT=/,$p' >"$BATS_TEST_TMPDIR/off"
    grep -q '^(XEN) natsume: powering off: PIT released from d[0-9]*$' "$BATS_TEST_TMPDIR/off"
    grep -q '^(XEN) Entering ACPI S5 state\.' "$BATS_TEST_TMPDIR/off"
    ! grep -q 'Error taking CPU\|stays online' "$BATS_TEST_TMPDIR/off" || false
}
