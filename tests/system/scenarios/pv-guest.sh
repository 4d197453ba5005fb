#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Our Xen boots, xl works, and a PV Linux guest runs and goes away again.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

echo "=== xl info"
xl info
echo "=== xl libraries"
LD_TRACE_LOADED_OBJECTS=1 /usr/sbin/xl
echo "=== xl create"
xl create /opt/natsume/guest.cfg || fail "xl create"
wait_log guest "natsume-guest: hello" 120 || fail "no console output from the guest"
echo "=== xl list running"
xl list
echo "=== guest console"
guest_log guest
echo "=== xl destroy"
xl destroy guest || fail "xl destroy"
wait_gone guest 30 || fail "guest still there after xl destroy"
echo "=== xl list after"
xl list
echo "=== end"
