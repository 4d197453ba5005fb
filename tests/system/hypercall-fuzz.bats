#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Random and boundary arguments for XEN_DOMCTL_natsume_op and
# XEN_SYSCTL_natsume_op (tests/progs/natsume-fuzz.c): every answer is the
# one the interface promises, nothing nonsensical binds, a live RTOS guest
# keeps its PIT and its ticks, and Xen survives.  One boot with
# natsume=pit,hpet on three CPUs (CPU 2 taken offline during the runs) and
# an HPET with FSB delivery, so that the calls reach HPET comparators too;
# one boot without.
# FUZZ_CALLS sets the calls per run (default 3000).

load helpers

setup_file()
{
    local calls=${FUZZ_CALLS:-3000}
    echo "FUZZ_CALLS=$calls" >"$BUILD/logs/fuzz.env"
    boot hypercall-fuzz -t $((900 + calls / 10)) -c 3 -H 3 \
        -f "$BUILD/logs/fuzz.env" \
        -x "natsume=pit,hpet dom0_max_vcpus=1 dom0_vcpus_pin"
    boot hypercall-fuzz-stock -t $((600 + calls / 20)) -c 2 \
        -f "$BUILD/logs/fuzz.env" \
        -x "dom0_max_vcpus=1 dom0_vcpus_pin"
}

S=hypercall-fuzz
T=hypercall-fuzz-stock

# fuzzed SCENARIO SECTION: the run there made all its calls, every answer
# as expected, and left the PIT as it found it.
fuzzed()
{
    local want=${FUZZ_CALLS:-3000}
    [ "$(field "$1" "$2" calls)" -ge "$want" ]
    [ "$(field "$1" "$2" mismatches)" = 0 ]
    [ "$(field "$1" "$2" unexpected_ok)" = 0 ]
    [ "$(field "$1" "$2" bad_output)" = 0 ]
    [ "$(field "$1" "$2" unbind_failures)" = 0 ]
    [ "$(field "$1" "$2" result)" = PASS ]
    [ "$(field "$1" "$2" rc)" = 0 ]
}

# xen_survived SCENARIO: the scenario ran to the end and Xen said nothing
# of a crash.
xen_survived()
{
    [ "$(scenario_rc "$1")" = 0 ]
    serial_log "$1" | grep -q '^=== end$'
    ! serial_log "$1" | grep -Eq '^\(XEN\) .*(Xen BUG|FATAL|Assertion|Panic|PANIC|Xen call trace|Xen stack trace|Unexpected)' || false
}

@test "hypercall fuzz: the scenario ran to the end, Xen did not crash" {
    xen_survived $S
}

@test "hypercall fuzz: the sources fuzzed include reserved HPET comparators" {
    [[ "$(field $S 'fuzz idle' reserved)" =~ ^pit\ hpet[0-9]+ ]]
}

@test "hypercall fuzz, nothing bound: every answer as the interface says" {
    fuzzed $S "fuzz idle"
    [ "$(field $S 'fuzz idle' offline_cpu)" = 2 ]
    [ "$(field $S 'fuzz idle' bound_before)" = none ]
    [ "$(field $S 'fuzz idle' bound_after)" = none ]
}

@test "hypercall fuzz, nothing bound: the calls reach every error" {
    local e
    for e in ESRCH EACCES EFAULT EINVAL EOPNOTSUPP ENOENT; do
        [ "$(field $S 'fuzz idle' "errno $e")" -gt 0 ]
    done
    # Valid binds from the boundary set happen, and are undone.
    [ "$(field $S 'fuzz idle' valid_binds)" -gt 0 ]
    [ "$(field $S 'status after idle fuzz' bound)" = no ]
}

@test "hypercall fuzz, live RTOS guest: every answer as the interface says" {
    local d
    d=$(section $S "live domid")
    fuzzed $S "fuzz live"
    [ "$(field $S 'fuzz live' bound_before)" = "$d" ]
    [ "$(field $S 'fuzz live' bound_after)" = "$d" ]
    [ "$(field $S 'fuzz live' 'errno EBUSY')" -gt 0 ]
    # The PIT is taken; free HPET comparators still bind (and are undone).
    [ "$(field $S 'fuzz live' valid_binds)" -gt 0 ]
}

@test "hypercall fuzz, live RTOS guest: it keeps its PIT and its ticks" {
    local d t0 t1 t2 d0 d2
    d=$(section $S "live domid")
    t0=$(field $S 'status before live fuzz' ticks)
    d0=$(field $S 'status before live fuzz' delivered)
    t1=$(field $S 'status after live fuzz' ticks)
    t2=$(field $S 'status after live fuzz, 2 s later' ticks)
    d2=$(field $S 'status after live fuzz, 2 s later' delivered)
    for s in 'status after live fuzz' 'status after live fuzz, 2 s later'; do
        [ "$(field $S "$s" bound)" = yes ]
        [ "$(field $S "$s" domid)" = "$d" ]
        [ "$(field $S "$s" cpu)" = 1 ]
        [ "$(field $S "$s" period_ns)" = 999847 ]
    done
    [ "$t1" -gt "$t0" ]
    [ "$t2" -gt "$t1" ]
    [ "$d2" -gt "$d0" ]
}

@test "hypercall fuzz: the PIT is free afterwards, a plain bind and unbind work" {
    [ "$(field $S 'status after destroy' bound)" = no ]
    [ "$(field $S bind period_ns)" = 999847 ]
    [ "$(field $S bind rc)" = 0 ]
    [ "$(field $S unbind rc)" = 0 ]
    [ "$(field $S 'status end' bound)" = no ]
}

@test "hypercall fuzz, stock Xen: Xen did not crash" {
    xen_survived $T
}

@test "hypercall fuzz, stock Xen: every answer as the interface says" {
    fuzzed $T fuzz
    [ "$(field $T fuzz reserved)" = none ]
    [ "$(field $T fuzz valid_binds)" = 0 ]
    [ "$(field $T fuzz 'errno ENODEV')" -gt 0 ]
    [ "$(field $T status bound)" = no ]
}
