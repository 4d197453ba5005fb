# Helpers for scenario scripts run inside dom0 (sourced: . /opt/natsume/lib.sh).

# fail MESSAGE: report and end the scenario with status 1.
fail()
{
    echo "SCENARIO-FAIL: $*"
    exit 1
}

# wait_gone NAME SECONDS: wait until domain NAME no longer exists.
wait_gone()
{
    i=0
    while xl domid "$1" >/dev/null 2>&1; do
        i=$((i + 1))
        [ $i -le $(($2 * 10)) ] || return 1
        sleep 0.1
    done
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
    i=0
    while ! grep -q "$2" "/var/log/xen/console/guest-$1.log" 2>/dev/null; do
        i=$((i + 1))
        [ $i -le "$3" ] || return 1
        sleep "$4"
    done
}

# pool0_settled: wait (up to 10 s) for a dead domain to leave Pool-0's
# domain count, which lags a moment behind its name going from xl list.
pool0_settled()
{
    i=0
    while ! xl cpupool-list | grep -Eq '^Pool-0 .* 1$'; do
        i=$((i + 1))
        [ $i -le 100 ] || return 1
        sleep 0.1
    done
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
    i=0
    while [ "$(xl info free_memory)" != "$1" ]; do
        i=$((i + 1))
        [ $i -le $(($2 * 10)) ] || return 1
        sleep 0.1
    done
}
