#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Xen booted without natsume=: nothing is reserved, binding fails with
# ENODEV, and a guest runs as usual.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl

echo "=== status"
$ctl status || fail "natsume-ctl status"
xl create -p /opt/natsume/guest.cfg || fail "xl create -p"
domid=$(xl domid guest)
echo "=== bind"
$ctl bind "$domid" 1 1000
echo "rc=$?"
echo "=== unbind"
$ctl unbind "$domid"
echo "rc=$?"
xl unpause guest || fail "xl unpause"
wait_log guest "natsume-guest: hello" 120 || fail "no console output from the guest"
echo "=== guest console"
guest_log guest
xl destroy guest || fail "xl destroy"
wait_gone guest 30 || fail "guest still there after xl destroy"
echo "=== end"
