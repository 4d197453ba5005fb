# shellcheck shell=sh
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

# natsume_cfg NAME EXTRA [LINE...]: /tmp/NAME.cfg, the demo RTOS guest with
# command line EXTRA and the PIT on CPU 1; each LINE ("key = value")
# replaces that key's line or is added.
natsume_cfg()
{
    n=$1 extra=$2
    shift 2
    cat >"/tmp/$n.cfg" <<CFG
name = "$n"
type = "pv"
kernel = "/opt/natsume/rtos-kernel"
memory = 32
vcpus = 1
extra = "$extra"
tsc_mode = "native"
rtos_timer = "pit"
rtos_cpu = 1
rtos_timer_period_us = 1000
on_poweroff = "destroy"
on_crash = "destroy"
CFG
    for l in "$@"; do
        sed -i "/^${l%% =*} = /d" "/tmp/$n.cfg"
        echo "$l" >>"/tmp/$n.cfg"
    done
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

# ctl_field KEY: KEY's value in "natsume-ctl status" (Xen's own figures).
ctl_field()
{
    /opt/natsume/natsume-ctl status | sed -n "s/^$1: //p" | head -n 1
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
