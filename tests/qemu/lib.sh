# shellcheck shell=sh
# SPDX-License-Identifier: GPL-2.0-only
# Helpers for scenario scripts run inside dom0 (sourced: . /opt/natsume/lib.sh).

# fail MESSAGE: report and end the scenario with status 1.
fail()
{
    echo "SCENARIO-FAIL: $*"
    exit 1
}

# retry TRIES PAUSE COMMAND...: run COMMAND until it succeeds, at most
# TRIES more times PAUSE seconds apart; fails if it never does.
retry()
{
    _tries=$1 _pause=$2 _i=0
    shift 2
    until "$@"; do
        _i=$((_i + 1))
        [ $_i -le "$_tries" ] || return 1
        sleep "$_pause"
    done
}

# wait_gone NAME SECONDS: wait until domain NAME no longer exists.
wait_gone()
{
    retry $(($2 * 10)) 0.1 gone "$1"
}

gone()
{
    ! xl domid "$1" >/dev/null 2>&1
}

# wait_log NAME PATTERN SECONDS: wait until the console log of domain NAME
# (kept by xenconsoled) has a line matching PATTERN; looks ten times a second.
wait_log()
{
    poll_log "$1" "$2" $(($3 * 10)) 0.1
}

# wait_quietly NAME PATTERN SECONDS: wait_log with one look a second.  Under
# QEMU with -icount the emulated CPUs take turns, so whatever dom0 does on
# CPU 0 while a guest measures its ticks delays that guest's CPU.
wait_quietly()
{
    poll_log "$1" "$2" "$3" 1
}

# poll_log NAME PATTERN TRIES PAUSE: the loop behind both.
poll_log()
{
    retry "$3" "$4" logged "$1" "$2"
}

# logged NAME PATTERN: domain NAME's console log has a line matching PATTERN.
logged()
{
    grep -q "$2" "/var/log/xen/console/guest-$1.log" 2>/dev/null
}

# pool0_settled: wait (up to 10 s) for a dead domain to leave Pool-0's
# domain count, which lags a moment behind its name going from xl list.
pool0_settled()
{
    retry 100 0.1 pool0_alone
}

pool0_alone()
{
    xl cpupool-list | grep -Eq '^Pool-0 .* 1$'
}

# guest_log NAME: the console output of domain NAME so far.
guest_log()
{
    cat "/var/log/xen/console/guest-$1.log" 2>/dev/null
}

# rtos_cfg NAME EXTRA [KEY=VALUE...]: /tmp/NAME.cfg, the shipped config of
# the demo RTOS guest (examples/rtos.cfg) named NAME, with command line
# EXTRA.  Each KEY=VALUE replaces KEY's line, commented out or not, or is
# added (VALUE as xl wants it: 'rtos_timer="pit"'); KEY= removes it.
rtos_cfg()
{
    _cfg=/tmp/$1.cfg
    sed -e "s/^name = .*/name = \"$1\"/" -e "s/^extra = .*/extra = \"$2\"/" \
        /opt/natsume/rtos.cfg >"$_cfg" || fail "no /opt/natsume/rtos.cfg"
    shift 2
    for _kv in "$@"; do
        sed -i "/^#\{0,1\}${_kv%%=*} = /d" "$_cfg"
        [ -z "${_kv#*=}" ] || echo "${_kv%%=*} = ${_kv#*=}" >>"$_cfg"
    done
}

# ctl_status: Xen's own status of the direct timer path (natsume-ctl),
# printed and kept in /tmp/status for ctl_value.
ctl_status()
{
    /opt/natsume/natsume-ctl status >/tmp/status || fail "natsume-ctl status"
    cat /tmp/status
}

# ctl_value KEY: KEY's value in the last ctl_status.
ctl_value()
{
    sed -n "s/^$1: //p" /tmp/status | head -n 1
}

# cpu_pool NAME SCHED CPU: move CPU out of Pool-0 into a new cpupool NAME
# running scheduler SCHED.
cpu_pool()
{
    xl cpupool-cpu-remove Pool-0 "$3" || fail "cpupool-cpu-remove $3"
    xl cpupool-create "name=\"$1\"" "sched=\"$2\"" "cpus=[\"$3\"]" ||
        fail "cpupool-create $1"
}

# cpu_pool_back NAME CPU: destroy cpupool NAME and give CPU back to Pool-0.
cpu_pool_back()
{
    { xl cpupool-destroy "$1" && xl cpupool-cpu-add Pool-0 "$2"; } ||
        fail "giving CPU $2 back to Pool-0"
}

# irq0: what Xen's 'i' debug key says about IRQ0 (descriptor, IO-APIC pin).
irq0()
{
    xl dmesg -c >/dev/null
    xl debug-keys i
    xl dmesg | sed 's/^(XEN) *//' | grep -E -A1 '^IRQ: +0 vec|^IRQ +0 Vec'
}

# snapshot: what a refused request must leave as it was: the domains,
# the cpupools and the sources' bindings.
snapshot()
{
    xl list | awk '{ print $1, $2 }'
    xl cpupool-list
    xl natsume-status | sed -n 's/^\(pit\|hpet[0-9]*\) *\([^ ]*\) *\([0-9]*\) *\([0-9]*\) .*/\1 \2 \3 \4/p'
}

# unchanged BEFORE AFTER: "unchanged: yes", or "unchanged: no" and both.
unchanged()
{
    if [ "$1" = "$2" ]; then
        echo "unchanged: yes"
    else
        echo "unchanged: no"
        echo "$1"
        echo "---"
        echo "$2"
    fi
}

# refused NAME COMMAND...: "=== bad NAME", COMMAND's output and "rc: N";
# COMMAND must fail and change nothing (see snapshot).
refused()
{
    _rname=$1
    shift
    _before=$(snapshot)
    echo "=== bad $_rname"
    "$@" 2>&1
    echo "rc: $?"
    unchanged "$_before" "$(snapshot)"
}

# bad NAME CONFIG [KEY=VALUE...]: xl create must fail and change nothing.
bad()
{
    _name=$1 _cfg=$2
    shift 2
    refused "$_name" xl create "$_cfg" "$@"
}

# free_settled MB SECONDS: wait until Xen's free memory is MB again; a
# dead domain's pages come back a moment after its name is gone.
free_settled()
{
    retry $(($2 * 10)) 0.1 free_is "$1"
}

free_is()
{
    [ "$(xl info free_memory)" = "$1" ]
}

# The flood NICs of run-xen -F: dom0 sends from one, the other is passed
# through to the RTOS guest.
FLOOD_TX=0000:00:10.0
FLOOD_RTOS=0000:00:11.0
# shellcheck disable=SC2034 # for the scenarios
FLOOD_RTOS_MAC=52:54:00:4e:53:11

# flood_prepare: keep the RTOS's NIC from dom0's e1000 driver (call before
# loading it) and make it assignable.
flood_prepare()
{
    insmod /lib/modules/xen-pciback.ko "hide=($FLOOD_RTOS)" ||
        fail "insmod xen-pciback"
    xl pci-assignable-add "$FLOOD_RTOS" || fail "pci-assignable-add $FLOOD_RTOS"
}

# flood_if: dom0's interface on the flood hub.
flood_if()
{
    for _n in "/sys/bus/pci/devices/$FLOOD_TX/net/"*; do
        [ -e "$_n" ] && echo "${_n##*/}" && return 0
    done
    return 1
}

# flood_nic_opts: the demo RTOS guest's options for the passed-through NIC:
# its BAR 0 and its IRQ (Xen maps the GSI as the same pirq for a PV guest).
# The guest has no PCI frontend to read them from config space.
flood_nic_opts()
{
    _d=/sys/bus/pci/devices/$FLOOD_RTOS
    echo "nic_mmio=$(head -n 1 "$_d/resource" | cut -d' ' -f1 | sed 's/^0x0*/0x/') nic_pirq=$(cat "$_d/irq")"
}

# flood_bus_master: what a PCI frontend would ask the backend for: let the
# passed-through NIC master the bus (xen-pciback turned it off).
flood_bus_master()
{
    _cfg=/sys/bus/pci/devices/$FLOOD_RTOS/config
    _cmd=$(od -An -tu2 -j4 -N2 "$_cfg" | tr -d ' ')
    _cmd=$((_cmd | 4))
    # shellcheck disable=SC2059 # the octal escapes are the format
    printf "$(printf '\\%03o\\%03o' $((_cmd & 255)) $((_cmd >> 8)))" |
        dd of="$_cfg" bs=1 seek=4 conv=notrunc 2>/dev/null ||
        fail "setting bus master on $FLOOD_RTOS"
}
