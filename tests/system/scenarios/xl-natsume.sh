#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# xl create with rtos_timer="pit" rtos_cpu=1 (Xen booted with natsume=pit,
# dom0 pinned on CPU 0): xl natsume-status shows the binding and its ticks,
# xenstore has it, the CPU is in a null-scheduler cpupool of its own;
# xl destroy and the guest's own poweroff undo it all; each bad input fails
# with its message and changes nothing.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

# pit_cfg NAME TICKS: the demo RTOS guest, taking its ticks from the PIT.
pit_cfg()
{
    rtos_cfg "$1" "mode=natsume ticks=$2 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
}

echo "=== xl help"
xl help 2>&1 | grep natsume
echo "=== status at boot"
xl natsume-status
echo "rc: $?"
echo "=== pools at boot"
xl cpupool-list

pit_cfg rtos 200000
grep -v '^rtos_cpu' /tmp/rtos.cfg >/tmp/nocpu.cfg
bad "no rtos_cpu" /tmp/nocpu.cfg
bad "cpu 7" /tmp/rtos.cfg 'rtos_cpu=7'
bad "cpu of dom0" /tmp/rtos.cfg 'rtos_cpu=0'
bad "two vcpus" /tmp/rtos.cfg 'vcpus=2'
bad "pvh" /tmp/rtos.cfg 'type="pvh"'
bad "short period" /tmp/rtos.cfg 'rtos_timer_period_us=50'
bad "long period" /tmp/rtos.cfg 'rtos_timer_period_us=60000'
bad "hpet" /tmp/rtos.cfg 'rtos_timer="hpet"'
bad "unknown" /tmp/rtos.cfg 'rtos_timer="hpet2"'
bad "soft reset" /tmp/rtos.cfg 'on_soft_reset="soft-reset"'

echo "=== create"
xl create /tmp/rtos.cfg 2>&1
echo "rc: $?"
domid=$(xl domid rtos) || { guest_log rtos; fail "no domain rtos"; }
echo "=== list"
xl list
echo "=== pools"
xl cpupool-list
echo "=== vcpus"
xl vcpu-list rtos
echo "=== xenstore"
for k in source cpu period-ns virq; do
    echo "$k: $(xenstore-read "/local/domain/$domid/natsume/$k")"
done
sleep 1
echo "=== status 1"
xl natsume-status
echo "rc: $?"
sleep 2
echo "=== status 2"
xl natsume-status rtos
echo "rc: $?"
echo "=== status json"
xl natsume-status -j
echo "rc: $?"
echo "=== status dom0"
xl natsume-status Domain-0 2>&1
echo "rc: $?"

pit_cfg rtos2 1000
bad "pit bound" /tmp/rtos2.cfg

# Xen keeps a bound domain and its CPU in their cpupool.
refused "migrate" xl cpupool-migrate rtos Pool-0
refused "cpu-remove" xl cpupool-cpu-remove natsume-cpu1 1
refused "pool destroy" xl cpupool-destroy natsume-cpu1
# Nor can a host's timer be saved or migrated with its domain.
refused "save" xl save rtos /tmp/rtos.save
echo "=== status after refusals"
xl natsume-status rtos

echo "=== destroy"
xl destroy rtos
echo "rc: $?"
wait_gone rtos 30 || fail "rtos still there after xl destroy"
pool0_settled
echo "=== status after destroy"
xl natsume-status
echo "rc: $?"
echo "=== pools after destroy"
xl cpupool-list
echo "=== list after destroy"
xl list

# A CPU in a cpupool of its own already.
echo "=== cpupool rt"
cpu_pool rt null 1
bad "cpu dedicated" /tmp/rtos2.cfg
bad "pool" /tmp/rtos2.cfg 'pool="rt"'
cpu_pool_back rt 1

# An administrator's own cpupool outlives its domains, whatever its name.
echo "=== admin pool"
cpu_pool natsume-admin null 1
rtos_cfg plain "mode=xen ticks=100000 period_us=1000" \
    'pool="natsume-admin"' 'cpus="1"'
xl create /tmp/plain.cfg 2>&1
echo "rc: $?"
xl destroy plain
wait_gone plain 30 || fail "plain still there after xl destroy"
# Xen counts a destroyed domain in its cpupool until it is freed.
admin_empty()
{
    xl cpupool-list | grep -Eq '^natsume-admin .* 0$'
}
retry 100 0.1 admin_empty
echo "=== pools after plain"
xl cpupool-list
cpu_pool_back natsume-admin 1

# The guest's own poweroff (on_poweroff="destroy") undoes it too.
pit_cfg short 3000
echo "=== create short"
xl create /tmp/short.cfg 2>&1
echo "rc: $?"
echo "=== pools short"
xl cpupool-list
wait_log short "NATSUME-RESULT" 300 || { guest_log short; fail "no result from the short guest"; }
wait_gone short 60 || fail "short still there after its poweroff"
pool0_settled
echo "=== short console"
guest_log short | grep '^NATSUME-RESULT'
echo "=== status after poweroff"
xl natsume-status
echo "=== pools after poweroff"
xl cpupool-list
echo "=== end"
