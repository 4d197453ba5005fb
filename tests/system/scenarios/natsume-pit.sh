#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Xen booted with natsume=pit: bind the PIT to a PV guest pinned on CPU 1,
# check the errors of bad requests, the counters, unbinding, and that
# destroying a bound domain gives the PIT back.  A plain Linux guest does
# not bind VIRQ_NATSUME_TIMER: its ticks are counted as "no_port".
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl


# irq0: what Xen's 'i' debug key says about IRQ0 (its descriptor and
# IO-APIC pin).
irq0()
{
    xl dmesg -c >/dev/null
    xl debug-keys i
    xl dmesg | sed 's/^(XEN) *//' | grep -E -A1 '^IRQ: +0 vec|^IRQ +0 Vec'
}

# guest_cfg NAME: the shared PV guest config, named NAME, pinned on CPU 1.
guest_cfg()
{
    { sed "s/^name = .*/name = \"$1\"/" /opt/natsume/guest.cfg
      echo 'cpus = "1"'; } >"/tmp/$1.cfg"
}

echo "=== xl info"
xl info | grep -E '^(nr_cpus|xen_commandline)'
echo "=== status at boot"
ctl_status
echo "=== irq0 at boot"
irq0

guest_cfg guest
xl create -p /tmp/guest.cfg || fail "xl create -p"
domid=$(xl domid guest)
echo "=== domid"
echo "$domid"

echo "=== bind bad cpu"
$ctl bind "$domid" 7 1000
echo "=== bind bad vcpu"
$ctl bind "$domid" 1 1000 3
echo "=== bind bad period"
$ctl bind "$domid" 1 10
echo "=== bind bad domain"
$ctl bind 4242 1 1000
echo "=== unbind unbound"
$ctl unbind "$domid"

echo "=== bind"
$ctl bind "$domid" 1 1000 || fail "bind"
echo "=== bind again"
$ctl bind "$domid" 1 1000
echo "=== bind dom0"
$ctl bind 0 0 1000
echo "=== status bound paused"
ctl_status
echo "=== irq0 bound"
irq0
xl unpause guest || fail "xl unpause"
wait_log guest "natsume-guest: hello" 120 || fail "no console output from the guest"
sleep 2
echo "=== status bound running"
ctl_status
echo "=== xl vcpu-list"
xl vcpu-list

echo "=== unbind"
$ctl unbind "$domid" || fail "unbind"
ctl_status >/dev/null
t1=$(ctl_value ticks)
sleep 2
echo "=== status unbound"
ctl_status
t2=$(ctl_value ticks)
echo "=== irq0 unbound"
irq0
echo "=== ticks after unbind"
echo "$t1 $t2"

echo "=== bind then destroy"
$ctl bind "$domid" 1 1000 || fail "bind before destroy"
sleep 1
xl destroy guest || fail "xl destroy"
wait_gone guest 30 || fail "guest still there after xl destroy"
echo "=== status after destroy"
ctl_status

guest_cfg guest2
xl create -p /tmp/guest2.cfg || fail "xl create guest2"
domid2=$(xl domid guest2)
echo "=== bind new domain"
$ctl bind "$domid2" 1 1000 || fail "bind new domain"
xl unpause guest2
wait_log guest2 "natsume-guest: hello" 120 || fail "no console output from guest2"
echo "=== guest2 console"
guest_log guest2
xl destroy guest2
wait_gone guest2 30 || fail "guest2 still there"
echo "=== status end"
ctl_status
echo "=== end"
