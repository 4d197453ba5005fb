#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Reliability of the direct timer path, in the toolstack's hands:
# - contention: a second domain asking for the PIT fails, names the holder,
#   leaves nothing behind, and the holder keeps ticking without a loss;
# - teardown: create/destroy cycles of a bound domain (some destroyed at
#   once, some while ticking, some powering off by themselves) leave
#   nothing bound, the cpupools as at boot, Xen's free memory as at boot,
#   and the PIT stopped.
# The number of cycles is in /opt/natsume/rel-cycles (run-xen -f), 10 when
# there is no such file.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

cycles=10
[ -f /opt/natsume/rel-cycles ] && cycles=$(cat /opt/natsume/rel-cycles)
[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

# counters: Xen's tick counters of the PIT's (last) binding, on one line.
counters()
{
    /opt/natsume/natsume-ctl status |
        awk -F': ' '$1 ~ /^(bound|domid|ticks|delivered|no_port|not_running|pending)$/ {
            printf "%s=%s ", $1, $2 } END { print "" }'
}

# leftovers: what a failed or finished domain must not leave behind.
leftovers()
{
    xl list | awk 'NR > 1 { print $1, $2 }'
    xl cpupool-list
    xl natsume-status | awk '$1 == "pit" { print $1, $2, $3, $4 }'
}

echo "=== pools at boot"
xl cpupool-list | tee /tmp/pools.boot
free0=$(xl info free_memory)
echo "=== free memory at boot"
echo "free_memory: $free0"

# --- Contention -----------------------------------------------------------
# The holder ticks for 8 s (1 ms period); the second claim comes meanwhile.
rtos_cfg holder "mode=natsume ticks=8000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
rtos_cfg second "mode=natsume ticks=1000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/holder.cfg || fail "xl create holder"
holder_id=$(xl domid holder) || fail "no domain holder"
wait_quietly holder "waiting for 8000 ticks" 60 ||
    { guest_log holder; fail "holder did not start its run"; }
sleep 1
before=$(leftovers)
echo "=== holder id"
echo "$holder_id"
echo "=== counters before"
counters
echo "=== second create"
xl create /tmp/second.cfg 2>&1
echo "rc: $?"
echo "=== counters after"
counters
echo "=== second left nothing"
unchanged "$before" "$(leftovers)"
echo "=== holder state"
xl natsume-status holder | grep '^  state:'
# Let the holder finish on its own; its count against Xen's.
wait_quietly holder "NATSUME-RESULT" 120 ||
    { guest_log holder; fail "no result from the holder"; }
wait_gone holder 60 || fail "holder still there after its poweroff"
pool0_settled || fail "Pool-0 did not settle"
echo "=== holder console"
guest_log holder | grep -E '^natsume-rtos: (ticks received|VIRQ_NATSUME_TIMER events taken)|^NATSUME-RESULT'
echo "=== holder final"
counters

# --- Teardown cycles ------------------------------------------------------
# Cycle i: i % 3 == 0 destroyed right after create, 1 destroyed while
# ticking, 2 powers off by itself after 300 ticks.
rtos_cfg cyc-long "mode=natsume ticks=200000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
rtos_cfg cyc-short "mode=natsume ticks=300 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
bad=0
start=$(date +%s)
cycle=0
while [ $cycle -lt "$cycles" ]; do
    case $((cycle % 3)) in
    0|1) name=cyc-long ;;
    2) name=cyc-short ;;
    esac
    # A fresh console log: the result looked for is this cycle's own.
    rm -f "/var/log/xen/console/guest-$name.log"
    if ! xl create "/tmp/$name.cfg" >/tmp/cycle.out 2>&1; then
        echo "cycle $cycle: xl create failed: $(cat /tmp/cycle.out)"
        bad=$((bad + 1))
    else
        case $((cycle % 3)) in
        0) xl destroy "$name" ;;
        1) wait_log "$name" "waiting for" 60 ||
               { echo "cycle $cycle: no start"; bad=$((bad + 1)); }
           xl destroy "$name" ;;
        2) wait_log "$name" "NATSUME-RESULT" 60 ||
               { echo "cycle $cycle: no result"; bad=$((bad + 1)); } ;;
        esac
    fi
    wait_gone "$name" 60 || { echo "cycle $cycle: $name still there"; bad=$((bad + 1)); }
    pool0_settled || { echo "cycle $cycle: Pool-0 did not settle"; bad=$((bad + 1)); }
    if ! xl natsume-status | grep -q '^(no timer bound)$'; then
        echo "cycle $cycle: still bound"
        bad=$((bad + 1))
    fi
    cycle=$((cycle + 1))
done
end=$(date +%s)
echo "=== cycles"
echo "cycles: $cycles"
echo "seconds: $((end - start))"
echo "bad: $bad"

echo "=== after cycles"
xl natsume-status
echo "=== pools after cycles"
xl cpupool-list >/tmp/pools.after
cat /tmp/pools.after
cmp -s /tmp/pools.boot /tmp/pools.after && echo "pools as at boot: yes" ||
    echo "pools as at boot: no"
echo "=== free memory after cycles"
free_settled "$free0" 60 || true
echo "free_memory: $(xl info free_memory) (at boot $free0)"

# --- The PIT stopped while unbound ----------------------------------------
# Unbound, IRQ0 is masked and the manager's counters (of the last binding)
# stand still: nothing ticks.
echo "=== idle 1"
counters
irq0
sleep 5
echo "=== idle 2"
counters
irq0 | tee /tmp/irq0

# --- IRQ0 stays Xen's while unbound ----------------------------------------
# A hardware domain that routes interrupts itself (not Linux) writes IRQ0's
# IO-APIC pin (QEMU's IO-APIC is at 0xfec00000): unmasked, vector 0x30.
pin=$(sed -n 's/.*Pin *\([0-9]*\):.*/\1/p' /tmp/irq0 | head -n 1)
echo "=== apic write"
echo "pin: $pin"
/opt/natsume/natsume-ctl apic-write 0xfec00000 $((0x10 + 2 * pin)) 0x30
echo "rc: $?"
irq0
echo "=== end"
