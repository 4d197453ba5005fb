#!/bin/sh
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

# value KEY: the value of "KEY: value" in the last status output.
value()
{
    sed -n "s/^$1: //p" /tmp/status
}

status()
{
    $ctl status >/tmp/status || fail "natsume-ctl status"
    cat /tmp/status
}

echo "=== fuzz idle"
$fuzz -n "$FUZZ_CALLS" -s 1 -o 2
echo "rc: $?"
echo "=== status after idle fuzz"
status

# The demo RTOS guest, bound to the PIT by xl, ticking for minutes.
{ sed 's/^extra = .*/extra = "mode=natsume ticks=200000 period_us=1000"/' \
      /opt/natsume/rtos.cfg
  echo 'rtos_timer = "pit"'
  echo 'rtos_cpu = 1'; } >/tmp/rtos.cfg
xl create /tmp/rtos.cfg || fail "xl create rtos"
domid=$(xl domid rtos)
wait_log rtos "natsume-rtos: mode=natsume" 120 || { guest_log rtos; fail "rtos did not start"; }
sleep 1
echo "=== live domid"
echo "$domid"
echo "=== status before live fuzz"
status
echo "=== fuzz live"
$fuzz -n "$FUZZ_CALLS" -s 2 -o 2 -p "$domid"
echo "rc: $?"
echo "=== status after live fuzz"
status
sleep 2
echo "=== status after live fuzz, 2 s later"
status
echo "=== rtos console"
guest_log rtos
xl destroy rtos || fail "xl destroy rtos"
wait_gone rtos 30 || fail "rtos still there after xl destroy"
pool0_settled || true
echo "=== status after destroy"
status

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
status
xl destroy guest
wait_gone guest 30 || fail "guest still there"
echo "=== end"
