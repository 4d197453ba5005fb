#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Xen booted with natsume=pit on three CPUs: random and boundary arguments
# for the natsume domctl and sysctl (natsume-fuzz), first with nothing
# bound, then while the demo RTOS guest holds the PIT and ticks.  CPU 2 is
# offline during each run.  Afterwards nothing is left bound and a plain
# bind and unbind still work.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl
fuzz=/opt/natsume/natsume-fuzz
FUZZ_CALLS=3000
# shellcheck source=/dev/null
[ ! -f /opt/natsume/fuzz.env ] || . /opt/natsume/fuzz.env


echo "=== fuzz idle"
$fuzz -n "$FUZZ_CALLS" -s 1 -o 2
echo "rc: $?"
echo "=== status after idle fuzz"
ctl_status

# The demo RTOS guest, bound to the PIT by xl, ticking for minutes.
rtos_cfg rtos "mode=natsume ticks=200000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/rtos.cfg || fail "xl create rtos"
domid=$(xl domid rtos)
wait_log rtos "natsume-rtos: mode=natsume" 120 || { guest_log rtos; fail "rtos did not start"; }
sleep 1
echo "=== live domid"
echo "$domid"
echo "=== status before live fuzz"
ctl_status
echo "=== fuzz live"
$fuzz -n "$FUZZ_CALLS" -s 2 -o 2 -p "$domid"
echo "rc: $?"
echo "=== status after live fuzz"
ctl_status
sleep 2
echo "=== status after live fuzz, 2 s later"
ctl_status
echo "=== rtos console"
guest_log rtos
xl destroy rtos || fail "xl destroy rtos"
wait_gone rtos 30 || fail "rtos still there after xl destroy"
pool0_settled || true
echo "=== status after destroy"
ctl_status

# A plain bind and unbind still work.
{ sed 's/^name = .*/name = "guest"/' /opt/natsume/guest.cfg
  echo 'cpus = "1"'; } >/tmp/guest.cfg
xl create -p /tmp/guest.cfg || fail "xl create -p guest"
gid=$(xl domid guest)
echo "=== bind"
$ctl bind "$gid" 1 1000
echo "rc: $?"
echo "=== unbind"
$ctl unbind "$gid"
echo "rc: $?"
echo "=== status end"
ctl_status
xl destroy guest
wait_gone guest 30 || fail "guest still there"
echo "=== end"
