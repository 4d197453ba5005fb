#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# HPET comparators as sources (natsume=hpet).  One boot with natsume=pit,
# hpet:1 on three CPUs and an HPET whose comparators have FSB delivery
# (run-xen -H: QEMU's pc machine, no IOMMU, so no interrupt remapping; the
# benchmark's q35 has an IOMMU): a guest on the PIT and one on the HPET tick
# at once; a further claim is refused naming the holder; destroy and crash
# give the comparator back.  One boot on QEMU's default HPET, whose
# comparators have no FSB delivery: nothing to spare.

load helpers

setup_file()
{
    boot hpet -t 1500 -c 3 -H 3 -i 3 \
        -x "natsume=pit,hpet:1 dom0_max_vcpus=1 dom0_vcpus_pin"
    boot hpet-none -t 300 -c 2 \
        -x "natsume=pit,hpet dom0_max_vcpus=1 dom0_vcpus_pin"
}

S=hpet
N=hpet-none

# row SECTION SOURCE: SOURCE's row of the status table there.
row()
{
    section "$1" "$2" | awk -v s="$3" '$1 == s'
}

# result NAME KEY: KEY of guest NAME's NATSUME-RESULT line.
result()
{
    section $S "$1 console" | sed -n 's/^NATSUME-RESULT //p' | json ".$2"
}

@test "hpet: the scenarios ran to the end" {
    [ "$(scenario_rc $S)" = 0 ]
    serial_log $S | grep -q '^=== end$'
    [ "$(scenario_rc $N)" = 0 ]
    serial_log $N | grep -q '^=== end$'
}

@test "hpet: the boot log says which comparators were reserved and why not the others" {
    serial_log $S | grep -q '^(XEN) natsume: HPET comparator 0 reserved$'
    serial_log $S | grep -q '^(XEN) natsume: HPET comparator 1 not reserved: natsume=hpet:N asks for no more$'
    serial_log $S | grep -q '^(XEN) natsume: HPET comparator 2 not reserved: natsume=hpet:N asks for no more$'
    serial_log $S | grep -q '^(XEN) natsume: HPET: 1 of 3 comparators reserved, clock 100000000 Hz$'
    # Xen's own timekeeping keeps the HPET's main counter.
    serial_log $S | grep -q '^(XEN) Platform timer is 100.000MHz HPET$'
}

@test "hpet: xl natsume-status lists the PIT and the comparator, both free at boot" {
    run section $S "status at boot"
    [ "${lines[0]}" = "Reserved at boot: pit hpet0" ]
    row $S "status at boot" pit | grep -q '(free)'
    row $S "status at boot" hpet0 | grep -q '(free)'
}

@test "hpet: two real-time domains bound at once, PIT on CPU 1, HPET on CPU 2" {
    section $S "create both" | grep -qx 'rc pit: 0'
    section $S "create both" | grep -qx 'rc hpet: 0'
    row $S "status both" pit | grep -Eq '^pit +rtpit +[0-9]+ +1 +1000000 +999847 +[0-9]+ +[0-9]+ +[0-9]+$'
    row $S "status both" hpet0 | grep -Eq '^hpet0 +rthpet +[0-9]+ +2 +1000000 +1000000 +[0-9]+ +[0-9]+ +[0-9]+$'
    section $S "pools both" | grep -Eq '^natsume-cpu1 +1 +null +y +1$'
    section $S "pools both" | grep -Eq '^natsume-cpu2 +1 +null +y +1$'
}

@test "hpet: the HPET's period is exact to its clock, the PIT's is not" {
    section $S xenstore | grep -qx 'rtpit: pit 999847'
    section $S xenstore | grep -qx 'rthpet: hpet0 1000000'
    serial_log $S | grep -q '^(XEN) natsume: HPET comparator 0 bound to d[0-9]*v0 on CPU2, period 1000000 ns (asked 1000000, count 100000)$'
}

@test "hpet: natsume-status -j has both bindings" {
    section $S "status json" | sed '/^rc: /d' | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["reserved"] == ["pit", "hpet0"], d
b = {x["source"]: x for x in d["bindings"]}
assert b["pit"]["domain"] == "rtpit" and b["pit"]["cpu"] == 1, b
assert b["hpet0"]["domain"] == "rthpet" and b["hpet0"]["cpu"] == 2, b
assert b["hpet0"]["rtos_timer"] == "hpet", b
assert b["hpet0"]["actual_period_ns"] == 1000000, b
assert b["hpet0"]["state"] == "ticking", b
'
}

@test "hpet: each guest took its 2000 ticks of 1 ms, none missed" {
    local d
    for d in rtpit rthpet; do
        [ "$(result $d ticks)" = 2000 ]
        [ "$(result $d missed)" = 0 ]
    done
    [ "$(result rtpit period_ns)" = 1000000 ]
    [ "$(result rthpet period_est_ns)" -ge 999990 ]
    [ "$(result rthpet period_est_ns)" -le 1000010 ]
}

@test "hpet: across the 32-bit counter's wrap, no tick lost or doubled" {
    [ "$(result wrap ticks)" = 45000 ]
    [ "$(result wrap missed)" = 0 ]
    # The wrap's own interrupt is not a tick: no short interval.
    [ "$(result wrap min_ns)" -gt 900000 ]
    [ "$(result wrap max_ns)" -lt 1100000 ]
}

@test "hpet: with every comparator bound, a claim is refused naming the holder" {
    refused_with $S exhausted -E 'rtos_timer="hpet": every reserved HPET comparator is bound: hpet0 to domain [0-9]+ \(hold\)$'
}

@test "hpet: destroy and crash give the comparator back" {
    row $S "status after poweroff" hpet0 | grep -q '(free)'
    [ "$(section_rc $S 'destroy hold')" = 0 ]
    row $S "status after destroy" hpet0 | grep -q '(free)'
    # The holder on CPU 2 crashed (fail=crash), and its comparator is free.
    serial_log $S | grep -Eq '^\(XEN\) Domain [0-9]+ \(vcpu#0\) crashed on cpu#2:$'
    row $S "status after crash" hpet0 | grep -q '(free)'
}

@test "hpet, nothing to spare: the boot log says why, and the PIT is still reserved" {
    local i
    for i in 0 1 2; do
        serial_log $N | grep -q "^(XEN) natsume: HPET comparator $i not reserved: no FSB (MSI) delivery$"
    done
    serial_log $N | grep -q '^(XEN) natsume: HPET not reserved: no comparator to spare (3 in all)$'
    run section $N "status at boot"
    [ "${lines[0]}" = "Reserved at boot: pit" ]
}

@test "hpet, nothing to spare: rtos_timer=\"hpet\" is refused, nothing changed" {
    refused_with $N "no hpet" -F 'rtos_timer="hpet": Xen has reserved no HPET comparator (boot option natsume=hpet or natsume=hpet:N; if given, "xl dmesg" says why it was dropped)'
}
