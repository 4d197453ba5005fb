#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The packages of make debs in a dom0 made of them (tests/system/debs.bats):
# Debian's layout and version wrappers, the hypervisor of the
# xen-hypervisor package, natsume-demo's guest and natsume-bench.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

echo "=== toolstack"
echo "xl: $(command -v xl) -> $(readlink -f "$(command -v xl)")"
echo "xl binary: $(ls /usr/lib/xen-4.17/bin/xl)"
# ldd's own way, without ldd (dom0 has busybox).
/lib64/ld-linux-x86-64.so.2 --list /usr/lib/xen-4.17/bin/xl |
    grep -E 'libxenlight|libxlutil|libxenctrl'
xl info | grep -E '^(xen_version|xen_extra|xen_commandline)'

echo "=== status before"
xl natsume-status || fail "xl natsume-status"

# The package's config, as the install guide has it.
cp /usr/share/natsume/rtos.cfg /tmp/rtos.cfg || fail "no /usr/share/natsume/rtos.cfg"
xl create /tmp/rtos.cfg 'extra="mode=natsume ticks=2001 period_us=1000 delay_ms=2000"' \
    'rtos_timer="pit"' 'rtos_cpu=1' 'on_poweroff="preserve"' ||
    fail "xl create with rtos_timer=\"pit\""
retry 100 0.1 sh -c 'xl natsume-status | grep -q "state: ticking"' ||
    fail "the PIT did not start ticking"
echo "=== status while ticking"
xl natsume-status
wait_quietly rtos "NATSUME-RESULT" 600 || { guest_log rtos; fail "no result from the guest"; }
echo "=== rtos console"
guest_log rtos
xl destroy rtos || fail "xl destroy"

echo "=== natsume-bench"
natsume-bench -k "stock natsume" -n 1001 -o /tmp/bench || fail "natsume-bench"
echo "=== end"
