#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# CPU offline, CPU online and S3 with the PIT reserved, on a machine with
# two cores of two threads booted with smt=0 (CPUs 1 and 3 parked until
# "xen-hptool smt-enable"; dom0 pinned on CPU 0): the bound CPU stays
# online, whichever cpupool it is in; an unbound IRQ0 stays masked when a
# CPU goes offline; a CPU that came online after boot takes IRQ0 on its own
# vector; S3 is refused while the PIT is bound; the machine powers off
# with the PIT still bound.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

# rtos_on CPU: the demo RTOS guest "rtos", ticking from the PIT on CPU.
rtos_on()
{
    rtos_cfg rtos "mode=natsume ticks=200000 period_us=1000" \
        'rtos_timer="pit"' "rtos_cpu=$1"
    xl create /tmp/rtos.cfg 2>&1 || fail "xl create rtos on CPU $1"
    wait_log rtos "waiting for" 120 || { guest_log rtos; fail "rtos not ticking"; }
}

# hptool ARGS...: xen-hptool with its status.
hptool()
{
    xen-hptool "$@" 2>&1
    echo "rc: $?"
}

echo "=== cpus at boot"
xl info | grep -E '^(nr_cpus|threads_per_core|cores_per_socket) '
xl cpupool-list -c

rtos_on 2
echo "=== offline bound"
hptool cpu-offline 2
echo "=== status after offline bound"
sleep 1
xl natsume-status rtos
xl destroy rtos
wait_gone rtos 30 || fail "rtos still there after xl destroy"
pool0_settled

# Bound by hand, the CPU in Pool-0: only Xen's own check keeps it online.
rtos_cfg plain "mode=xen ticks=200000 period_us=1000" 'cpus="2"'
xl create /tmp/plain.cfg 2>&1 || fail "xl create plain"
domid=$(xl domid plain) || fail "no domain plain"
/opt/natsume/natsume-ctl bind "$domid" 2 1000 || fail "natsume-ctl bind"
echo "=== offline bound in Pool-0"
hptool cpu-offline 2
/opt/natsume/natsume-ctl unbind "$domid" || fail "natsume-ctl unbind"
xl destroy plain
wait_gone plain 30 || fail "plain still there after xl destroy"

echo "=== offline unbound"
hptool cpu-offline 2
echo "=== irq0 after offline"
irq0
hptool cpu-online 2

echo "=== smt-enable"
hptool smt-enable
xl info | grep '^nr_cpus '
rtos_on 3
sleep 1
echo "=== irq0 on a later CPU"
irq0
echo "=== status on a later CPU"
xl natsume-status rtos

echo "=== power states"
cat /sys/power/state
echo "=== suspend"
echo mem >/sys/power/state
sleep 1
echo "=== status after suspend"
xl natsume-status rtos
echo "=== dmesg"
xl dmesg | sed -n 's/^(XEN) *\(natsume:\)/\1/p'
# The RTOS stays bound: dom0's power-off (S5) must still power off.
echo "=== end"
