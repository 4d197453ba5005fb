#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The demo RTOS guest (mode=natsume) on CPU 1, alone in a cpupool of its
# own, with the PIT bound to its vCPU at 1 ms: created paused, bound,
# unpaused.  It takes 1001 ticks from VIRQ_NATSUME_TIMER, reports and
# powers off; destroying it releases the PIT.  Then once more while dom0
# reads its vCPU's context over and over, which pauses the vCPU each time.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"
[ -f /opt/natsume/rtos.cfg ] || fail "no rtos.cfg in /opt/natsume"

echo "=== cpupool"
cpu_pool rt credit 1
xl cpupool-list

# The shipped config, in mode=natsume for 1001 ticks, in the pool on CPU 1.
rtos_cfg rtos "mode=natsume ticks=1001 period_us=1000" 'pool="rt"' 'cpus="1"'
grep -v '^#' /tmp/rtos.cfg
xl create -p /tmp/rtos.cfg || fail "xl create -p"
domid=$(xl domid rtos)
echo "=== bind"
$ctl bind "$domid" 1 1000 || fail "bind"
xl unpause rtos || fail "xl unpause"
# The guest measures for about a second: stay out of its way meanwhile.
sleep 5
wait_quietly rtos "NATSUME-RESULT" 600 || { guest_log rtos; fail "no result from the RTOS guest"; }
echo "=== rtos console"
guest_log rtos
wait_gone rtos 60 || fail "rtos still there after powering off"
echo "=== status after"
$ctl status || fail "natsume-ctl status"

rtos_cfg rtos2 "mode=natsume ticks=1001 period_us=1000" 'pool="rt"' 'cpus="1"'
xl create -p /tmp/rtos2.cfg || fail "xl create -p rtos2"
domid=$(xl domid rtos2)
$ctl bind "$domid" 1 1000 >/dev/null || fail "bind rtos2"
xl unpause rtos2 || fail "xl unpause rtos2"
$ctl peek "$domid" 100000000 >/dev/null 2>&1 &
peek=$!
wait_quietly rtos2 "NATSUME-RESULT" 600 || { guest_log rtos2; fail "no result from rtos2"; }
kill $peek
echo "=== peek console"
guest_log rtos2
wait_gone rtos2 60 || fail "rtos2 still there after powering off"
echo "=== peek status"
$ctl status || fail "natsume-ctl status"
echo "=== end"
