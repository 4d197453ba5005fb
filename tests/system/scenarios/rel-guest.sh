#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Reliability of the direct timer path against its guests:
# - a holder that crashes (a fault Xen crashes it for), with
#   on_crash="destroy" and "preserve";
# - a holder stuck with its events masked: Xen counts its ticks as pending
#   and natsume-status says so; xl destroy releases it;
# - an unprivileged guest probing the domctl, sysctl, VIRQ, PIT ports and
#   IRQ 0 (mode=probe), with nothing bound and while another domain holds
#   the PIT;
# - a holder asking for a soft reset (restarted, as xl does by default
#   with rtos_timer);
# - ioports=["40-43"] / irqs=[0] in a domU's config;
# then a normal run still works.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh
ctl=/opt/natsume/natsume-ctl

[ -f /opt/natsume/rtos-kernel ] || fail "no rtos-kernel in /opt/natsume"

# released NAME: after NAME is gone, nothing bound and Pool-0 whole.
released()
{
    wait_gone "$1" 60 || fail "$1 still there"
    pool0_settled || fail "Pool-0 did not settle after $1"
    xl natsume-status | grep -v '^Reserved at boot'
    xl cpupool-list
}

# field KEY: KEY's value in natsume-status -j (one key a line; the key
# names of a binding are unique there).
field()
{
    xl natsume-status -j | sed -n 's/^ *"'"$1"'": "\{0,1\}\([^",]*\)"\{0,1\},\{0,1\}$/\1/p' |
        head -n 1
}

echo "=== pools at boot"
xl cpupool-list

# --- Crash, on_crash="destroy" ---------------------------------------------
rtos_cfg crash1 "mode=natsume ticks=300 fail=crash" 'rtos_timer="pit"' rtos_cpu=1
xl dmesg -c >/dev/null
xl create /tmp/crash1.cfg || fail "xl create crash1"
wait_gone crash1 120 || { guest_log crash1; fail "crash1 not destroyed"; }
echo "=== crash destroy console"
guest_log crash1 | grep -E '^natsume-rtos: (failing|FATAL)'
echo "=== crash destroy xen"
xl dmesg | grep -E 'Unhandled: vec 14|domain_crash_sync|crashed' | sed 's/^(XEN) *//'
echo "=== crash destroy released"
released crash1

# --- Crash, on_crash="preserve" ---------------------------------------------
rtos_cfg crash2 "mode=natsume ticks=300 fail=crash" 'rtos_timer="pit"' rtos_cpu=1 'on_crash="preserve"'
xl create /tmp/crash2.cfg || fail "xl create crash2"
crashed()
{
    xl list "$1" 2>/dev/null | awk 'NR == 2 { exit $5 ~ /c/ ? 0 : 1 }'
}
retry 1200 0.1 crashed crash2 || { guest_log crash2; fail "crash2 did not crash"; }
echo "=== crash preserve list"
xl list crash2 | awk 'NR == 2 { print $1, $5 }'
echo "=== crash preserve status"
xl natsume-status crash2
echo "rc: $?"
echo "=== crash preserve pools"
xl cpupool-list
echo "=== crash preserve destroy"
xl destroy crash2
echo "rc: $?"
echo "=== crash preserve released"
released crash2

# --- Stuck: events masked after 300 ticks -----------------------------------
rtos_cfg stuck "mode=natsume ticks=300 fail=stuck" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/stuck.cfg || fail "xl create stuck"
wait_quietly stuck "failing on purpose" 120 ||
    { guest_log stuck; fail "stuck did not get stuck"; }
sleep 1
echo "=== stuck 1"
echo "delivered: $(field delivered)"
echo "pending: $(field pending)"
echo "state: $(field state)"
sleep 3
echo "=== stuck 2"
echo "delivered: $(field delivered)"
echo "pending: $(field pending)"
echo "state: $(field state)"
echo "=== stuck status"
xl natsume-status stuck
echo "=== stuck destroy"
xl destroy stuck
echo "rc: $?"
echo "=== stuck released"
released stuck

# --- Soft reset: Xen resets only HVM domains in place -----------------------
# With rtos_timer, xl's on_soft_reset defaults to "restart": a new domain
# with the same config, bound again.  It asks again after its ticks, so
# it is looked at and destroyed within them.
rtos_cfg reset "mode=natsume ticks=4000 fail=reset" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/reset.cfg || fail "xl create reset"
reset_id=$(xl domid reset) || fail "no domain reset"
runs()
{
    [ "$(guest_log reset | grep -c 'waiting for 4000 ticks')" -ge "$1" ]
}
retry 300 0.1 runs 2 || { guest_log reset; fail "reset was not started again"; }
sleep 1
echo "=== soft reset console"
guest_log reset | grep -E '^natsume-rtos: (failing|waiting)'
echo "=== soft reset ids"
echo "before: $reset_id"
echo "after: $(xl domid reset)"
echo "=== soft reset status"
xl natsume-status reset
echo "rc: $?"
xl destroy reset
echo "=== soft reset released"
released reset

# --- Probe: an unprivileged guest ------------------------------------------
# probe_cfg NAME TARGET: the demo guest in mode=probe, no rtos_* keys.
probe_cfg()
{
    rtos_cfg "$1" "mode=probe target=$2"
}

# With nothing bound: Xen's status must not change at all.
$ctl status >/tmp/ctl.before
probe_cfg probe1 0
xl create /tmp/probe1.cfg || fail "xl create probe1"
wait_log probe1 "PROBE done" 120 || { guest_log probe1; fail "probe1 did not finish"; }
wait_gone probe1 60 || fail "probe1 still there"
$ctl status >/tmp/ctl.after
echo "=== probe unbound console"
guest_log probe1 | grep '^PROBE'
echo "=== probe unbound status"
unchanged "$(cat /tmp/ctl.before)" "$(cat /tmp/ctl.after)"

# While a holder ticks (30 s: it must outlive the probe, however slow the
# host): its binding stays, its ticks go on reaching it only.
rtos_cfg holder "mode=natsume ticks=30000 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/holder.cfg || fail "xl create holder"
holder_id=$(xl domid holder) || fail "no domain holder"
wait_quietly holder "waiting for 30000 ticks" 60 ||
    { guest_log holder; fail "holder did not start its run"; }
sleep 1
echo "=== holder id"
echo "$holder_id"
echo "=== probe bound before"
$ctl status | grep -E '^(bound|domid|cpu|vcpu|period_ns|ticks|delivered|no_port|not_running|pending):'
probe_cfg probe2 "$holder_id"
xl create /tmp/probe2.cfg || fail "xl create probe2"
wait_log probe2 "PROBE done" 120 || { guest_log probe2; fail "probe2 did not finish"; }
wait_gone probe2 60 || fail "probe2 still there"
echo "=== probe bound after"
$ctl status | grep -E '^(bound|domid|cpu|vcpu|period_ns|ticks|delivered|no_port|not_running|pending):'
echo "=== probe bound console"
guest_log probe2 | grep '^PROBE'
wait_quietly holder "NATSUME-RESULT" 120 ||
    { guest_log holder; fail "no result from the holder"; }
wait_gone holder 60 || fail "holder still there"
pool0_settled || fail "Pool-0 did not settle after holder"
echo "=== holder console"
guest_log holder | grep -E '^natsume-rtos: (ticks received|VIRQ_NATSUME_TIMER events taken)|^NATSUME-RESULT'
echo "=== holder final"
$ctl status | grep -E '^(bound|domid|ticks|delivered|no_port|not_running|pending):'

# --- The PIT's ports and IRQ 0 in a domU's config ---------------------------
for what in 'ioports = ["40-43"]' 'irqs = [0]'; do
    probe_cfg grab 0
    echo "$what" >>/tmp/grab.cfg
    before=$(snapshot)
    echo "=== config $what"
    xl create /tmp/grab.cfg 2>&1
    echo "rc: $?"
    sleep 1
    after=$(snapshot)
    unchanged "$before" "$after"
    guest_log grab | grep '^PROBE inb' || true
    xl destroy grab 2>/dev/null || true
    wait_gone grab 30 || true
done

# --- Still works -----------------------------------------------------------
rtos_cfg after "mode=natsume ticks=500 period_us=1000" 'rtos_timer="pit"' rtos_cpu=1
xl create /tmp/after.cfg || fail "xl create after"
wait_quietly after "NATSUME-RESULT" 120 || { guest_log after; fail "no result after"; }
wait_gone after 60 || fail "after still there"
echo "=== after console"
guest_log after | grep '^NATSUME-RESULT'
echo "=== after released"
released after
echo "=== end"
