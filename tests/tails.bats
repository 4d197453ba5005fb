#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# bench/tails on a small made-up xenalyze dump: which record came before a
# late IRQ0, and how long interrupt handlers ran.

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

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
    run bash -c "$(declare -f dump); dump | '$TOP/bench/tails' 1000000"
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
    [[ "$output" == "Usage: bench/tails PERIOD_NS < DUMP"* ]]
}
