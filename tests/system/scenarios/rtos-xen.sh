#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The demo RTOS guest on the stock timer path: 1001 ticks of 1 ms, on CPU 1
# while dom0 keeps to CPU 0.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

rtos_cfg rtos "mode=xen ticks=1001 period_us=1000" 'cpus="1"' 'on_crash="preserve"'
echo "=== xl create"
xl create /tmp/rtos.cfg || fail "xl create"
wait_log rtos "NATSUME-RESULT\|error" 600 || fail "no result from the RTOS guest"
wait_gone rtos 60 || { xl list; fail "the RTOS guest did not power off"; }
echo "=== rtos console"
guest_log rtos
echo "=== xl list after"
xl list
echo "=== end"
