#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# natsume=pit: the PIT is reserved at boot and can be bound to a guest's
# vCPU on CPU 1 with the domctl; the sysctl reports the binding and its
# ticks.  One boot with natsume=pit, one without.

load helpers

setup_file()
{
    # clocksource=pit too: the reservation wins, with one clear warning.
    boot natsume-pit -t 400 -c 2 \
        -x "natsume=pit clocksource=pit dom0_max_vcpus=1 dom0_vcpus_pin"
    boot natsume-stock -t 300 -c 2 -x "dom0_max_vcpus=1 dom0_vcpus_pin"
    # The demo RTOS guest, with deterministic guest time (-icount).
    boot natsume-rtos -t 900 -c 2 -i 3 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
}

# result KEY: KEY of the RTOS guest's NATSUME-RESULT line.
result()
{
    rtos_result natsume-rtos "$1"
}

@test "natsume=pit: the scenario ran to the end" {
    [ "$(scenario_rc natsume-pit)" = 0 ]
    serial_log natsume-pit | grep -q '^=== end$'
}

@test "natsume=pit: the boot log says what was reserved" {
    serial_log natsume-pit | grep -q '^(XEN) natsume: PIT reserved: channel 0 stopped, IRQ0 (IO-APIC [0-9]* pin [0-9]*) released by Xen and masked$'
}

@test "natsume=pit: Xen does not use the PIT nor HPET legacy replacement" {
    serial_log natsume-pit | grep -q '^(XEN) Platform timer is .* HPET$'
    ! serial_log natsume-pit | grep -q 'PIT broadcast' || false
    ! serial_log natsume-pit | grep -q 'Legacy Replacement Mode$' || false
}

@test "natsume=pit: a forced clocksource=pit is ignored with one warning" {
    serial_log natsume-pit | grep -q '^(XEN) natsume: PIT reserved, clocksource=pit ignored$'
    ! serial_log natsume-pit | grep -q "clocksource 'pit'" || false
}

@test "natsume=pit: the sysctl shows the PIT reserved and unbound at boot" {
    [ "$(field natsume-pit 'status at boot' reserved_sources)" = pit ]
    [ "$(field natsume-pit 'status at boot' reserved)" = yes ]
    [ "$(field natsume-pit 'status at boot' bound)" = no ]
}

# Unbound, IRQ0 has no handler (so fixup_irqs() leaves it alone) and its
# pin is masked; bound, the timer manager's handler takes it.
@test "natsume=pit: IRQ0 is masked and without a handler while unbound" {
    run section natsume-pit "irq0 at boot"
    [[ "$output" =~ IRQ:\ +0\ vec:f0\ IO-APIC-edge\ .*\ mapped,\ unbound ]]
    [[ "$output" =~ Pin\ +[0-9]+:\ .*\ mask=1\  ]]
    run section natsume-pit "irq0 unbound"
    [[ "$output" =~ IRQ:\ +0\ vec:f0\ IO-APIC-edge\ .*\ mapped,\ unbound ]]
    [[ "$output" =~ Pin\ +[0-9]+:\ .*\ mask=1\  ]]
    run section natsume-pit "irq0 bound"
    [[ "$output" =~ IRQ:\ +0\ vec:f0\ IO-APIC-edge\ .*natsume_interrupt\(\) ]]
}

@test "natsume=pit: a bound IRQ0 is routed to CPU 1 only and unmasked" {
    run section natsume-pit "irq0 bound"
    [[ "$output" =~ IRQ:\ +0\ vec:[0-9a-f]+\ IO-APIC-edge\ +status=[0-9a-f]+\ aff:\{1\}/ ]]
    [[ "$output" =~ Pin\ +[0-9]+:\ .*\ mask=0\  ]]
}

@test "natsume=pit: a bound IRQ0 keeps its high priority vector 0xf0" {
    run section natsume-pit "irq0 bound"
    [[ "$output" =~ IRQ:\ +0\ vec:f0\  ]]
    [[ "$output" =~ Pin\ +[0-9]+:\ vec=f0\  ]]
}

@test "natsume=pit: bad CPU, vCPU and period give EINVAL, a bad domain ESRCH" {
    section natsume-pit "bind bad cpu" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad vcpu" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad period" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad domain" | grep -q '^error: ESRCH'
    section natsume-pit "unbind unbound" | grep -q '^error: ENOENT'
}

@test "natsume=pit: 1 ms binds with the PIT's actual period 999847 ns" {
    [ "$(field natsume-pit bind period_ns)" = 999847 ]
    [ "$(field natsume-pit 'status bound paused' count)" = 1193 ]
    [ "$(field natsume-pit 'status bound paused' cpu)" = 1 ]
    [ "$(field natsume-pit 'status bound paused' bound)" = yes ]
}

@test "natsume=pit: a second claim gets EBUSY" {
    section natsume-pit "bind again" | grep -q '^error: EBUSY'
    section natsume-pit "bind dom0" | grep -q '^error: EBUSY'
}

@test "natsume=pit: ticks for a paused guest without the VIRQ are no_port" {
    local t np
    t=$(field natsume-pit 'status bound paused' ticks)
    np=$(field natsume-pit 'status bound paused' no_port)
    [ "$t" -gt 0 ]
    [ "$np" = "$t" ]
}

@test "natsume=pit: ticks of a guest without the VIRQ bound count as no_port" {
    local t np nr d p
    t=$(field natsume-pit 'status bound running' ticks)
    np=$(field natsume-pit 'status bound running' no_port)
    nr=$(field natsume-pit 'status bound running' not_running)
    d=$(field natsume-pit 'status bound running' delivered)
    p=$(field natsume-pit 'status bound running' pending)
    [ "$t" -gt 1000 ]
    [ "$np" -gt 0 ]
    [ "$d" = 0 ]
    [ $((np + nr + d + p)) = "$t" ]
}

@test "natsume=pit: the age of the last tick: recent while bound, 0 after" {
    local age
    age=$(field natsume-pit 'status bound running' last_tick_age_ns)
    [ "$age" -lt $((10 * 999847)) ]
    [ "$(field natsume-pit 'status unbound' last_tick_age_ns)" = 0 ]
}

@test "natsume=pit: the histogram accounts for every interval" {
    local n sum=0 b
    n=$(field natsume-pit 'status bound running' intervals)
    for b in $(field natsume-pit 'status bound running' hist); do
        sum=$((sum + b))
    done
    [ "$sum" = "$n" ]
}

@test "natsume=pit: unbind stops the ticks" {
    local t1 t2
    read -r t1 t2 < <(section natsume-pit "ticks after unbind")
    [ "$t1" -gt 0 ]
    [ "$t1" = "$t2" ]
    [ "$(field natsume-pit 'status unbound' bound)" = no ]
}

@test "natsume=pit: destroying a bound domain releases the PIT" {
    [ "$(field natsume-pit 'status after destroy' bound)" = no ]
    [ "$(field natsume-pit 'bind new domain' period_ns)" = 999847 ]
}

@test "natsume=pit: a plain PV guest still works" {
    section natsume-pit "guest2 console" | grep -q '^natsume-guest: hello from 6\.1\.'
}

@test "stock: the scenario ran to the end" {
    [ "$(scenario_rc natsume-stock)" = 0 ]
    serial_log natsume-stock | grep -q '^=== end$'
}

@test "stock: nothing is reserved and bind gets ENODEV" {
    [ "$(field natsume-stock status reserved_sources)" = "" ]
    [ "$(field natsume-stock status reserved)" = no ]
    section natsume-stock bind | grep -q '^error: ENODEV'
    section natsume-stock unbind | grep -q '^error: ENODEV'
}

@test "stock: Xen says nothing about natsume" {
    ! serial_log natsume-stock | grep -q '^(XEN) natsume' || false
}

@test "stock: a PV guest runs" {
    section natsume-stock "guest console" | grep -q '^natsume-guest: hello from 6\.1\.'
}

@test "rtos: the guest ran to the end" {
    [ "$(scenario_rc natsume-rtos)" = 0 ]
    serial_log natsume-rtos | grep -q '^=== end$'
    serial_log natsume-rtos | grep -q '^NATSUME-RESULT {"mode":"natsume"'
}

@test "rtos: 1000 intervals, the median one the PIT's period 999847 ns" {
    local n p50 d
    n=$(result intervals)
    p50=$(result p50_ns)
    [ "$n" = 1000 ]
    [ -n "$p50" ]
    d=$((p50 - 999847))
    [ "${d#-}" -le 100 ]
}

# A tick the guest could not take before the next one came merges two
# intervals into one (Xen counts it as not delivered, pending); the guest
# reports those as missed and estimates the period with them counted.
@test "rtos: the ticks come at 999847 ns within 0.1%, missed ticks counted" {
    local est d
    est=$(result period_est_ns)
    [ -n "$est" ]
    d=$((est - 999847))
    [ "${d#-}" -le 999 ]
}

@test "rtos: Xen delivered as many ticks as the guest counted" {
    local g del d
    g=$(result ticks)
    del=$(field natsume-rtos 'status after' delivered)
    [ "$g" = 1001 ]
    # Xen also delivered the tick that marks the guest's start, and the
    # few that came while the guest was still setting up.
    d=$((del - g))
    [ "$d" -ge 1 ] && [ "$d" -le 5 ]
}

# Dom0 read the second guest's vCPU context over and over: each read
# pauses the vCPU for a moment (XEN_DOMCTL_getvcpucontext).  Ticks that
# found it paused are left pending and taken late, not lost.
@test "rtos: ticks that find the vCPU paused by Xen are kept, not lost" {
    local res nr
    res=$(section natsume-rtos "peek console" | sed -n 's/^NATSUME-RESULT //p')
    [ "$(json .ticks <<<"$res")" = 1001 ]
    [ "$(json .missed <<<"$res")" = 0 ]
    # Some ticks did find it paused; with those, all of its ticks arrived.
    nr=$(field natsume-rtos 'peek status' not_running)
    nonzero "$nr"
    [ $(($(field natsume-rtos 'peek status' delivered) + nr)) -ge 1001 ]
}

@test "rtos: the PIT is released when the guest is gone" {
    [ "$(field natsume-rtos 'status after' bound)" = no ]
    [ "$(field natsume-rtos 'status after' period_ns)" = 999847 ]
}
