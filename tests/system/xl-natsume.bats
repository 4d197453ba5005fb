#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# xl create with rtos_timer / rtos_cpu / rtos_timer_period_us, and
# xl natsume-status.  One boot with natsume=pit (dom0 pinned on CPU 0), one
# without.

load helpers

setup_file()
{
    boot xl-natsume -t 600 -c 2 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
    boot xl-unreserved -t 300 -c 2 -x "dom0_max_vcpus=1 dom0_vcpus_pin"
}

S=xl-natsume

# col SECTION N: column N of the "pit" row of the status table there.
col()
{
    section $S "$1" | awk -v n="$2" '$1 == "pit" { print $n; exit }'
}

# rc_of SECTION: the "rc: N" line of that section.
rc_of()
{
    section_rc "${2:-$S}" "$1"
}

# failed_with NAME MESSAGE: "bad NAME" failed with MESSAGE, nothing changed.
failed_with()
{
    refused_with $S "$1" -F "$2"
}

domid()
{
    section $S list | awk '$1 == "rtos" { print $2 }'
}

@test "xl-natsume: the scenario ran to the end" {
    [ "$(scenario_rc $S)" = 0 ]
    serial_log $S | grep -q '^=== end$'
}

@test "xl help lists natsume-status" {
    section $S "xl help" | grep -Eq '^ natsume-status +Show the hardware timers'
}

@test "natsume-status at boot: PIT reserved, nothing bound" {
    run section $S "status at boot"
    [ "${lines[0]}" = "Reserved at boot: pit" ]
    [[ "$output" == *"(no timer bound)"* ]]
    [ "$(rc_of 'status at boot')" = 0 ]
}

@test "xl create with rtos_timer=\"pit\" rtos_cpu=1 succeeds" {
    [ "$(rc_of create)" = 0 ]
    [ -n "$(domid)" ]
}

@test "rtos_cpu=1 is alone in a null-scheduler cpupool with the domain" {
    section $S pools | grep -Eq '^Pool-0 +1 +credit2 +y +1$'
    section $S pools | grep -Eq '^natsume-cpu1 +1 +null +y +1$'
    section $S vcpus | grep -Eq '^rtos +[0-9]+ +0 +1 '
}

@test "the binding is in xenstore for the guest" {
    run section $S xenstore
    [ "${lines[0]}" = "source: pit" ]
    [ "${lines[1]}" = "cpu: 1" ]
    [ "${lines[2]}" = "period-ns: 999847" ]
    [ "${lines[3]}" = "virq: 17" ]
}

@test "natsume-status shows the binding, and its ticks advance" {
    local t1 t2
    [ "$(rc_of 'status 1')" = 0 ]
    section $S "status 1" | grep -q '^Reserved at boot: pit$'
    section $S "status 1" | grep -Eq "^pit +rtos +$(domid) +1 +1000000 +999847 +[0-9]+ +[0-9]+ +[0-9]+$"
    section $S "status 2" | grep -Eq "^pit +rtos +$(domid) +1 +1000000 +999847 "
    t1=$(col "status 1" 7)
    t2=$(col "status 2" 7)
    [ "$t1" -gt 0 ]
    [ "$t2" -gt "$t1" ]
    # The guest binds the VIRQ: its ticks are delivered.
    [ "$(col 'status 2' 8)" -gt 0 ]
    section $S "status 2" | grep -Eq '^  interval \(ns\): count [0-9]+, min [0-9]+, mean [0-9]+, max [0-9]+, stddev [0-9]+, late [0-9]+$'
    section $S "status 2" | grep -q '^  deviation from 999847 ns:'
}

@test "natsume-status -j is JSON with the same figures as the table" {
    local json py
    [ "$(rc_of 'status json')" = 0 ]
    json=$(section $S "status json" | sed '/^rc: /d')
    py=$(cat <<'PY'
import json, sys
domid, ticks, delivered = (int(a) for a in sys.argv[1:])
d = json.load(sys.stdin)
assert d["reserved"] == ["pit"], d
(b,) = d["bindings"]
assert b["source"] == "pit" and b["domain"] == "rtos" and b["domid"] == domid, b
assert b["cpu"] == 1 and b["vcpu"] == 0, b
assert b["period_ns"] == 1000000 and b["actual_period_ns"] == 999847, b
# Taken after the table: the counters can only have grown.
assert b["ticks"] >= ticks and b["delivered"] >= delivered, (b, ticks)
r = b["dropped_by_reason"]
assert b["dropped"] == r["no_port"] + r["pending"], b
# A live source: its last tick is recent.
assert b["state"] == "ticking", b
assert 0 <= b["last_tick_age_ns"] < 10 * b["actual_period_ns"], b
assert b["ticks"] >= b["delivered"] + b["not_running"] + b["dropped"], b
iv = b["interval_ns"]
assert iv["min"] <= iv["mean"] <= iv["max"], iv
h = b["deviation_histogram"]
assert len(h) == 16 and h[0]["from_ns"] == 0 and h[-1]["to_ns"] is None, h
assert sum(x["count"] for x in h) == iv["count"], (h, iv)
PY
)
    python3 -c "$py" "$(domid)" "$(col 'status 2' 7)" "$(col 'status 2' 8)" <<<"$json"
}

@test "natsume-status of a domain without a binding fails" {
    section $S "status dom0" | grep -qF 'natsume-status: domain "Domain-0" (id 0) has no timer bound'
    [ "$(rc_of 'status dom0')" = 1 ]
}

@test "bad: no rtos_cpu" {
    failed_with "no rtos_cpu" 'rtos_timer="pit": rtos_cpu is required'
}

@test "bad: a CPU the host does not have" {
    failed_with "cpu 7" 'rtos_cpu=7: host has CPUs 0-1'
}

@test "bad: dom0's only CPU" {
    failed_with "cpu of dom0" 'rtos_cpu=0: CPU 0 is the only CPU dom0 may run on'
}

@test "bad: two vCPUs" {
    failed_with "two vcpus" 'vcpus=2: rtos_timer="pit" needs a domain with exactly one vCPU'
}

@test "a bound domain and its CPU stay in their cpupool" {
    local why
    why="domain \"rtos\" (id $(domid)) has rtos_timer=\"pit\" bound, its interrupt on CPU 1: the domain and the CPU stay in their cpupool until the domain is destroyed"
    failed_with "migrate" "$why"
    # xl cpupool-cpu-remove exits 0 whatever happened (upstream's xl).
    section $S "bad cpu-remove" | grep -qF "$why"
    section $S "bad cpu-remove" | grep -qx 'unchanged: yes'
    # libxl itself refuses a cpupool that still has a domain.
    nonzero "$(rc_of 'bad pool destroy')"
    section $S "bad pool destroy" | grep -qx 'unchanged: yes'
}

@test "save (and so migrate) of a bound domain is refused up front" {
    failed_with "save" "rtos_timer=\"pit\" is bound to this domain (its interrupt on CPU 1): a host's timer cannot be saved or migrated; shut the domain down and create it again instead"
    section $S "status after refusals" | grep -q '^  state: ticking; '
}

@test "bad: a domain that is not PV" {
    failed_with "pvh" 'type="pvh": rtos_timer="pit" needs a PV domain (type="pv")'
}

@test "bad: on_soft_reset=\"soft-reset\" (Xen resets only HVM domains in place)" {
    failed_with "soft reset" 'on_soft_reset="soft-reset": Xen resets only HVM domains in place, and rtos_timer="pit" needs a PV domain; use "restart" (the default with rtos_timer) or "destroy"'
}

@test "bad: periods the PIT cannot do" {
    failed_with "short period" 'rtos_timer_period_us=50: the PIT can do 100-54900 us'
    failed_with "long period" 'rtos_timer_period_us=60000: the PIT can do 100-54900 us'
}

@test "bad: an unknown source" {
    failed_with "unknown" 'rtos_timer="hpet2": allowed values are "xen", "pit" and "hpet"'
}

@test "bad: rtos_timer=\"hpet\" with no HPET comparator reserved" {
    failed_with "hpet" 'rtos_timer="hpet": Xen has reserved no HPET comparator (boot option natsume=hpet or natsume=hpet:N; if given, "xl dmesg" says why it was dropped)'
}

@test "bad: pool= with rtos_timer" {
    failed_with "pool" 'pool="rt": rtos_timer="pit" puts the domain in a cpupool of its own; leave pool unset'
}

@test "bad: the PIT is bound already" {
    failed_with "pit bound" "rtos_timer=\"pit\": the PIT is already bound to domain \"rtos\" (id $(domid))"
}

@test "bad: the CPU is in another cpupool" {
    failed_with "cpu dedicated" 'rtos_cpu=1: CPU 1 is already dedicated (cpupool "rt")'
}

@test "xl destroy unbinds the PIT and gives the CPU back to Pool-0" {
    [ "$(rc_of destroy)" = 0 ]
    [ "$(rc_of 'status after destroy')" = 0 ]
    section $S "status after destroy" | grep -q '^(no timer bound)$'
    run section $S "pools after destroy"
    [ "${#lines[@]}" -eq 2 ]
    [[ "${lines[1]}" =~ ^Pool-0\ +2\ +credit2\ +y\ +1$ ]]
    run section $S "list after destroy"
    [ "${#lines[@]}" -eq 2 ]
}

@test "destroy leaves an administrator's cpupool alone, even named natsume-*" {
    [ "$(rc_of 'admin pool')" = 0 ]
    section $S "pools after plain" | grep -Eq '^natsume-admin +1 +null +y +0$'
}

@test "the guest's own poweroff undoes it too" {
    [ "$(rc_of 'create short')" = 0 ]
    section $S "pools short" | grep -Eq '^natsume-cpu1 +1 +null +y +1$'
    section $S "short console" | grep -q '^NATSUME-RESULT {"mode":"natsume"'
    section $S "status after poweroff" | grep -q '^(no timer bound)$'
    run section $S "pools after poweroff"
    [ "${#lines[@]}" -eq 2 ]
    [[ "${lines[1]}" =~ ^Pool-0\ +2\ +credit2\ +y\ +1$ ]]
}

@test "stock Xen: rtos_timer=\"pit\" says natsume=pit is missing" {
    local T=xl-unreserved
    [ "$(scenario_rc $T)" = 0 ]
    section $T "status" | grep -q '^Reserved at boot: none$'
    section $T "bad stock" | grep -qF 'rtos_timer="pit": Xen has not reserved the PIT (boot option natsume=pit; if given, "xl dmesg" says why it was dropped)'
    nonzero "$(rc_of 'bad stock' $T)"
    run section $T list
    [ "${#lines[@]}" -eq 2 ]
    run section $T pools
    [ "${#lines[@]}" -eq 2 ]
}

@test "man pages for the keys and the command are built" {
    [ -s "$BUILD/man/man1/xl-natsume.1" ]
    [ -s "$BUILD/man/man5/xl.cfg-natsume.5" ]
    grep -q 'rtos_timer_period_us' "$BUILD/man/man5/xl.cfg-natsume.5"
}
