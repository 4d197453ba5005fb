#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# bench/tails on a small made-up xenalyze dump: which record came before a
# late IRQ0, and how long interrupt handlers ran.

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

# run_tails DUMP ARGS...: bench/tails ARGS on what the function DUMP prints.
run_tails()
{
    local fn=$1
    shift
    run bash -c "$(declare -f "$fn"); $fn | '$TOP/bench/tails' $*"
}

# Three PIT ticks 1 ms apart at Xen's entry, then one 5 us late after a
# 4 us NIC handler (irq 15), then one on time after a hypercall.  The
# handlers' TSC values are 32 bits, offset from the records' clock (a
# record is written when its handler ends).
dump()
{
    cat <<'DUMP'
   0.000000100  x d32767v1 irq_handled irq 0 900 (1000000100,1000001000)
   0.001000100  x d32767v1 irq_handled irq 0 900 (1001000100,1001001000)
   0.001500000  x d1v0 hypercall 21 (physdev_op)
   0.002000100  x d32767v1 irq_handled irq 0 900 (1002000100,1002001000)
   0.002999000  x d32767v1 vcpu_wake d1v0
   0.003004100  x d32767v1 irq_handled irq 15 4000 (1003001000,1003005000)
   0.003005100  x d32767v1 irq_handled irq 0 900 (1003005100,1003006000)
   0.003500000  x d1v0 hypercall 21 (physdev_op)
   0.004000100  x d32767v1 irq_handled irq 0 900 (1004000100,1004001000)
DUMP
}

@test "tails: the late tick is put on the NIC's handler, the on-time ones nowhere" {
    run_tails dump 1000000
    echo "$output"
    [ "$status" = 0 ]
    [ "${lines[0]}" = "IRQ0 intervals on CPU 1: 4; longer than the period by more than 1 us: 1" ]
    [ "${lines[2]}" = "irq 15 handled | 1 | 5.0" ]
    [ "${lines[3]}" = "interrupt handlers on CPU 1 | count | median (us) | max (us)" ]
    [ "${lines[4]}" = "irq 0 | 5 | 0.9 | 0.9" ]
    [ "${lines[5]}" = "irq 15 | 1 | 4.0 | 4.0" ]
}

@test "tails: no interrupt records is an error, usage without a period" {
    run bash -c "echo nothing | '$TOP/bench/tails' 1000000"
    [ "$status" = 1 ]
    [ "$output" = "tails: no interrupt records in the dump" ]
    run "$TOP/bench/tails"
    [ "$status" = 1 ]
    [[ "$output" == "Usage: bench/tails [--stock] PERIOD_NS < DUMP"* ]]
}

# Both CPUs (bench/run -W): two ticks, the first while CPU 0 is idle (10 us
# from IRQ0's entry to the RTOS's vCPU running), the second while CPU 0 runs
# dom0 (20 us).  The pcpu column has one character a CPU: 'x' the record's.
dump2()
{
    cat <<'DUMP'
   0.000001000 -x d32767v1 irq_handled irq 0 900 (1000000100,1000001000)
   0.000005000 -x d32767v1 runstate_change d1v0 blocked->runnable
   0.000010100 -x d?v? runstate_change d1v0 runnable->running
   0.000999000 x- d0v0 runstate_change d0v0 runnable->running
   0.001001000 |x d32767v1 irq_handled irq 0 900 (1001000100,1001001000)
   0.001020100 |x d?v? runstate_change d1v0 runnable->running
   0.001500000 x- d32767v0 runstate_change d32767v0 runnable->running
DUMP
}

@test "tails: with CPU 0 traced, IRQ0's way to the RTOS's vCPU is grouped by CPU 0's share" {
    run_tails dump2 1000000
    echo "$output"
    [ "$status" = 0 ]
    [ "${lines[0]}" = "IRQ0 intervals on CPU 1: 1; longer than the period by more than 1 us: 0" ]
    [ "${lines[4]}" = "CPU 0 running a guest, share of the way from IRQ0 to the RTOS's vCPU | ticks | median (us) | p90 (us)" ]
    [ "${lines[5]}" = "under 25 % | 1 | 10.0 | 10.0" ]
    [ "${lines[6]}" = "75 % or more | 1 | 20.0 | 20.0" ]
    [ "${#lines[@]}" = 7 ]
}

@test "tails: with CPU 1 alone traced, no such grouping" {
    run_tails dump 1000000
    [ "$status" = 0 ]
    [[ "$output" != *"CPU 0 running a guest"* ]]
}

# Stock Xen (--stock): the guest re-arms its timer from each tick's
# handler, usually 10 us after Xen wakes it.  The third tick is 10 us late,
# its wake-up 15 us late behind a NIC's interrupt on CPU 1; the fifth 20 us
# late on its way from the wake-up while CPU 0 runs dom0; the seventh 5 us
# late, its wake-up 5 us late with nothing else traced.  The first
# interval, after the run's start, is not the run's.
dump3()
{
    cat <<'DUMP'
   0.000000000 -x d1v0 hypercall 18 (vcpu_op)
   0.000990000 -x d32767v1 vcpu_wake d1v0
   0.001000000 -x d1v0 hypercall 18 (vcpu_op)
   0.002002000 -x d32767v1 irq_handled irq 16 900 (1002001000,1002001900)
   0.002005000 -x d32767v1 vcpu_wake d1v0
   0.002010000 -x d1v0 hypercall 18 (vcpu_op)
   0.002990000 -x d32767v1 vcpu_wake d1v0
   0.003000000 -x d1v0 hypercall 18 (vcpu_op)
   0.003500000 x- d0v0 runstate_change d0v0 runnable->running
   0.003990000 |x d32767v1 vcpu_wake d1v0
   0.004020000 |x d1v0 hypercall 18 (vcpu_op)
   0.004500000 x- d32767v0 runstate_change d32767v0 runnable->running
   0.004990000 -x d32767v1 vcpu_wake d1v0
   0.005000000 -x d1v0 hypercall 18 (vcpu_op)
   0.005995000 -x d32767v1 vcpu_wake d1v0
   0.006005000 -x d1v0 hypercall 18 (vcpu_op)
DUMP
}

@test "tails --stock: the worst intervals between timer re-arms, with their causes" {
    run_tails dump3 --stock 1000000
    echo "$output"
    [ "$status" = 0 ]
    [ "${lines[0]}" = "timer re-arms: 7; the ten longest intervals" ]
    [ "${lines[2]}" = "20.0 | 0.0 | 10.0, 30.0 | the way after the wake-up: CPU 0 ran a guest: CPU 1 at half speed (the emulator)" ]
    [ "${lines[3]}" = "10.0 | 15.0 | 10.0, 5.0 | the wake-up came late: a device interrupt on CPU 1 (irq 16)" ]
    [ "${lines[4]}" = "5.0 | 5.0 | 10.0, 10.0 | the wake-up came late: nothing else traced, Xen's timer itself (timer_slop)" ]
    [ "${lines[5]}" = "-10.0 | -15.0 | 5.0, 10.0 | early: the tick before came late" ]
    [ "${#lines[@]}" = 7 ]
}

@test "tails --stock: no re-arms is an error" {
    run_tails dump --stock 1000000
    [ "$status" = 1 ]
    [ "$output" = "tails: no timer re-arms in the dump" ]
}

@test "tails --stock: Xen's own work on CPU 0 on the way is named" {
    # dom0 stays asleep, but Xen on CPU 0 wakes it 20 us into the way.
    run bash -c "$(declare -f dump3); dump3 | sed -e '/ 0.003500000 /d' -e 's/|x/-x/' \
        -e '/ 0.003990000 /a\   0.004010000 x- d32767v0 vcpu_wake d0v0' | '$TOP/bench/tails' --stock 1000000"
    echo "$output"
    [ "$status" = 0 ]
    [ "${lines[2]}" = "20.0 | 0.0 | 10.0, 30.0 | the way after the wake-up: Xen worked on CPU 0: CPU 1 at half speed (the emulator)" ]
}

@test "tails --stock: a tick late after one that came the fast way" {
    # The fourth tick's way is 2 us with CPU 0 idle, the fifth's the usual.
    run bash -c "$(declare -f dump3); dump3 | sed -e 's/^   0.003000000 -x/   0.002992000 -x/' \
        -e 's/^   0.004020000/   0.004000000/' | '$TOP/bench/tails' --stock 1000000"
    echo "$output"
    [ "$status" = 0 ]
    [ "${lines[3]}" = "8.0 | 0.0 | 2.0, 10.0 | the tick before took the fast way: CPU 0 was idle, CPU 1 at full speed (the emulator)" ]
}
