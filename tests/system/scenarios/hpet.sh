#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# natsume=pit,hpet:1 on three CPUs (dom0 pinned on CPU 0), an HPET whose
# comparators have FSB delivery: two RTOS guests tick at once, one on the
# PIT (CPU 1), one on the reserved HPET comparator (CPU 2); a claim with
# every comparator taken is refused naming the holder; destroy and crash
# give the comparator back.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

# rt NAME TIMER CPU TICKS [FAIL]: the demo RTOS guest on that source.
rt()
{
    rtos_cfg "$1" "mode=natsume ticks=$4 period_us=1000 fail=${5:-none}" \
        "rtos_timer=\"$2\"" "rtos_cpu=$3"
}

echo "=== status at boot"
xl natsume-status
echo "rc: $?"

# Created paused, bound, then let go together: their runs overlap.
rt rtpit pit 1 2000
rt rthpet hpet 2 2000
echo "=== create both"
xl create -p /tmp/rtpit.cfg 2>&1
echo "rc pit: $?"
xl create -p /tmp/rthpet.cfg 2>&1
echo "rc hpet: $?"
echo "=== xenstore"
for d in rtpit rthpet; do
    domid=$(xl domid $d) || fail "no domain $d"
    echo "$d: $(xenstore-read "/local/domain/$domid/natsume/source")" \
        "$(xenstore-read "/local/domain/$domid/natsume/period-ns")"
done
xl unpause rtpit || fail "xl unpause rtpit"
xl unpause rthpet || fail "xl unpause rthpet"
sleep 1
echo "=== status both"
xl natsume-status
echo "rc: $?"
echo "=== status json"
xl natsume-status -j
echo "rc: $?"
echo "=== pools both"
xl cpupool-list
for d in rtpit rthpet; do
    wait_quietly $d "NATSUME-RESULT" 900 || { guest_log $d; fail "no result from $d"; }
done
for d in rtpit rthpet; do
    echo "=== $d console"
    guest_log $d | grep -E '^(NATSUME-RESULT|natsume-rtos: )'
    wait_gone $d 60 || fail "$d still there after powering off"
done
pool0_settled
echo "=== status after poweroff"
xl natsume-status

# Every reserved comparator taken: a further claim names its holder.
rt hold hpet 2 200000
xl create /tmp/hold.cfg 2>&1 || fail "xl create hold"
rt more hpet 1 1000
bad exhausted /tmp/more.cfg
echo "=== destroy hold"
xl destroy hold
echo "rc: $?"
wait_gone hold 30 || fail "hold still there after xl destroy"
pool0_settled
echo "=== status after destroy"
xl natsume-status

# A holder that crashes (on_crash="destroy") gives the comparator back.
rt crash hpet 2 300 crash
xl create /tmp/crash.cfg 2>&1 || fail "xl create crash"
wait_gone crash 120 || { guest_log crash; fail "crash not destroyed"; }
pool0_settled
echo "=== status after crash"
xl natsume-status

# Across a wrap of the low 32 bits of the HPET's counter (every 43 s at
# 100 MHz), where a comparator in 32-bit one-shot mode interrupts too.
rt wrap hpet 2 45000
xl create /tmp/wrap.cfg 2>&1 || fail "xl create wrap"
wait_quietly wrap "NATSUME-RESULT" 1800 || { guest_log wrap; fail "no result from wrap"; }
echo "=== wrap console"
guest_log wrap | grep -E '^(NATSUME-RESULT|natsume-rtos: )'
wait_gone wrap 60 || fail "wrap still there after powering off"
echo "=== end"
