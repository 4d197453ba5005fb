#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Where the memory of a real-time domain goes, on two NUMA nodes (CPU 0 on
# node 0; CPUs 1 and 2 on node 1), dom0 pinned on CPU 0 and two busy
# domains pinned on CPU 2: node 1 has more vCPUs, so libxl's placement
# would choose node 0 for a domain made in Pool-0.  Made in its own
# cpupool, the domain with rtos_cpu=1 gets its memory on node 1.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

echo "=== nodes"
xl info -n | sed -n '/^cpu_topology/,/^numa_info/p'

for b in busy1 busy2; do
    rtos_cfg $b "mode=xen ticks=200000 period_us=1000" 'cpus="2"'
    xl create /tmp/$b.cfg 2>&1 || fail "xl create $b"
done
rtos_cfg rtos "mode=natsume ticks=200000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
echo "=== create"
xl -vvv create /tmp/rtos.cfg >/tmp/create.out 2>&1
echo "rc: $?"
echo "=== placement"
grep 'NUMA placement candidate' /tmp/create.out
domid=$(xl domid rtos) || { cat /tmp/create.out; fail "no domain rtos"; }
echo "=== memory"
xl dmesg -c >/dev/null
xl debug-keys u
# The domain's pages per node: "Domain <id> (total: N):", then
# "Node i: N" lines.
xl dmesg | sed 's/^(XEN) *//' |
    awk -v d="Domain $domid " 'index($0, d) == 1 { on = 1; print; next }
                         on && /^Node [0-9]+:/ { print; next }
                         { on = 0 }'
for d in rtos busy1 busy2; do xl destroy $d; done
echo "=== end"
