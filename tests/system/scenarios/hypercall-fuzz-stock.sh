#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Xen booted without natsume=: the same random and boundary arguments for
# the natsume domctl and sysctl; every bind and unbind gets ENODEV.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl
FUZZ_CALLS=3000
# shellcheck source=/dev/null
[ ! -f /opt/natsume/fuzz.env ] || . /opt/natsume/fuzz.env

echo "=== fuzz"
/opt/natsume/natsume-fuzz -n "$FUZZ_CALLS" -s 3
echo "rc: $?"
echo "=== status"
$ctl status || fail "natsume-ctl status"
echo "=== end"
