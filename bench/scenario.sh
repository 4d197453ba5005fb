#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The benchmark inside dom0 (run by tests/qemu/run-xen with -Q -F -L -o
# DIR): start the load if asked, run the demo RTOS guest once for each run
# in BENCH_RUNS, and leave every guest's console output, Xen's view of the
# binding and the load programs' summaries on the output disk.
#
# bench.env (copied in with -f) sets:
#   BENCH_RUNS       words NAME:KIND:STATE, in order: KIND stock, tuned,
#                    natsume (the PIT) or hpet (an HPET comparator); STATE
#                    idle, flood (frames from dom0 at a NIC passed through
#                    to the RTOS guest, for that run only)
#                    or load (starts before the first loaded run and runs
#                    to the end), e.g.
#                    "natsume-idle:natsume:idle natsume-load:natsume:load"
#   BENCH_LOAD       what load means: any of cpu mem disk net guest
#   BENCH_FLOOD_FPS  frames a second dom0 sends at the RTOS's NIC
#   BENCH_TICKS      ticks per run
#   BENCH_PERIOD_US  the tick period
#   BENCH_GUEST_OPTS more options for the demo RTOS guest
#   BENCH_STATUS     1 (the demo): say what happens on "demo: " lines,
#                    with xl natsume-status while a natsume run ticks
#   BENCH_TRACE      1: trace CPU 1 with xentrace during each run
# shellcheck source=../tests/qemu/lib.sh
. /opt/natsume/lib.sh
# shellcheck source=/dev/null
. /opt/natsume/bench.env

out=/tmp/out
mkdir -p $out
load_pids=""

# say TEXT: a line for the person watching the demo (bench/run -D).
say()
{
    [ "${BENCH_STATUS:-0}" = 1 ] || return 0
    echo "$*" | sed 's/^/demo: /'
}

# disk SERIAL: the virtio disk with that serial number.
disk()
{
    for d in /sys/block/vd*; do
        [ "$(cat "$d/serial" 2>/dev/null)" = "$1" ] && { echo "/dev/${d##*/}"; return 0; }
    done
    return 1
}

load_devices_up()
{
    { ip link show eth1 && disk natsume-scratch; } >/dev/null 2>&1
}

# The output disk, the load's disk and NICs; the RTOS's NIC kept from
# dom0's driver, for passing through.
devices()
{
    flood_prepare
    for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev \
             virtio_pci virtio_blk e1000; do
        insmod /lib/modules/$m.ko || fail "insmod $m"
    done
}

# load_start: the second Linux guest first, booted while CPU 0 is still
# quiet (under dom0's load its boot takes some 270 s of guest time: it
# shares CPU 0 with four busy programs and the NIC flood's interrupts),
# then dom0's load programs.
load_start()
{
    retry 100 0.1 load_devices_up || fail "the load devices did not show up"
    { ip link set eth0 up && ip link set eth1 up; } || fail "NICs up"

    for l in $BENCH_LOAD; do
        case $l in cpu|mem|disk|net|guest) ;; *) fail "unknown load $l" ;; esac
    done
    case " $BENCH_LOAD " in *" guest "*) load_guest ;; esac

    cd /opt/natsume || fail "no /opt/natsume"
    for l in $BENCH_LOAD; do
        [ "$l" = guest ] && continue
        case $l in
        cpu)  ./load-cpu ;;
        mem)  ./load-mem 64 ;;
        disk) ./load-disk "$(disk natsume-scratch)" 128 ;;
        net)  ./load-net eth0 eth1 ;;
        esac >"$out/load-$l.txt" 2>&1 &
        load_pids="$load_pids $!"
    done
    echo "load in dom0: $BENCH_LOAD"
    say "load running in dom0 on CPU 0: $BENCH_LOAD"
}

# load_guest: a second Linux guest on CPU 0 beside dom0, busy too.
load_guest()
{
    say "starting a second Linux guest on CPU 0"
    sed -e 's/^name = .*/name = "load"/' -e 's/^vcpus = .*/&\ncpus = "0"/' \
        -e 's/guest_sleep=[0-9]*/guest_sleep=100000 guest_load=1/' \
        /opt/natsume/guest.cfg >/tmp/load.cfg
    xl create /tmp/load.cfg || fail "xl create of the load guest"
    wait_quietly load "load running" 300 || {
        guest_log load | tail -n 20
        fail "the load guest did not start its load"
    }
    echo "load: a Linux guest on CPU 0 (cpu, mem)"
    say "the second Linux guest runs its load (cpu, mem)"
}

load_stop()
{
    # shellcheck disable=SC2086
    kill -TERM $load_pids
    wait
    xl destroy load 2>/dev/null
    cat $out/load-*.txt
}

# bench_cfg NAME KIND STATE: /tmp/NAME.cfg, the demo RTOS guest for this
# kind of run; preserved when it stops, so that its console can be read.
# In the flood state it takes the NIC the frames come to.
bench_cfg()
{
    _name=$1 _mode=xen _nic="" _state=$3
    [ "$_state" != flood ] || _nic=" $(flood_nic_opts)"
    case $2 in
    stock) set -- 'cpus="1"' ;;
    tuned) set -- 'pool="rt"' ;;
    natsume) _mode=natsume
             set -- 'rtos_timer="pit"' rtos_cpu=1 "rtos_timer_period_us=$BENCH_PERIOD_US" ;;
    hpet) _mode=natsume
          set -- 'rtos_timer="hpet"' rtos_cpu=1 "rtos_timer_period_us=$BENCH_PERIOD_US" ;;
    esac
    [ "$_state" != flood ] || set -- "$@" "pci=['$FLOOD_RTOS']"
    rtos_cfg "$_name" \
        "mode=$_mode ticks=$BENCH_TICKS period_us=$BENCH_PERIOD_US raw=1 delay_ms=2000$_nic${BENCH_GUEST_OPTS:+ $BENCH_GUEST_OPTS}" \
        'on_poweroff="preserve"' 'on_crash="preserve"' "$@"
}

# flood_start NAME: frames at the RTOS's NIC from dom0, once the guest
# that takes them exists.
flood_start()
{
    flood_bus_master
    _tx=$(flood_if)
    [ -n "$_tx" ] || fail "no dom0 interface on the flood hub"
    ip link set "$_tx" up || fail "$_tx up"
    /opt/natsume/load-net -r "$BENCH_FLOOD_FPS" "$_tx" "$FLOOD_RTOS_MAC" \
        >"$out/$1.flood.txt" 2>&1 &
    flood_pid=$!
    echo "flood: $BENCH_FLOOD_FPS frames a second from dom0 ($_tx) at the RTOS's NIC"
    say "flooding the RTOS's own NIC from dom0: $BENCH_FLOOD_FPS frames a second"
}

flood_stop()
{
    kill -TERM "$flood_pid"
    wait "$flood_pid"
    cat "$out/$1.flood.txt"
}

# progress NAME KIND SECONDS: for the demo, wait SECONDS; in a natsume run
# show xl natsume-status once, as soon as it says the guest is ticking
# (the guest prints its ticks only when the run is over).
progress()
{
    _t=0 _shown=$([ "$2" = natsume ] && echo 0 || echo 1)
    while [ $_t -lt "$3" ]; do
        sleep 1
        _t=$((_t + 1))
        [ "$_shown" = 0 ] || continue
        _st=$(xl natsume-status)
        case $_st in *"state: ticking"*)
            _shown=1
            say "xl natsume-status while the PIT ticks:"
            say "$_st" ;;
        esac
    done
}

# trace_start NAME: xentrace.  BENCH_TRACE=1: the RTOS's CPU (CPU 1), the
# scheduler's, PV (hypercalls) and hardware (interrupts handled) events.
# BENCH_TRACE=2: both CPUs, the same events, into buffers that hold the
# whole run, read once at the end: xentrace polling would itself wake dom0
# on CPU 0.  Every record costs Xen time, so a traced run's figures are not
# the table's.
trace_start()
{
    case ${BENCH_TRACE:-0} in
    1) _how="-S 512 -c 0x2" ;;
    2) _how="-S 4096 -s 600000 -c 0x3" ;;
    *) return 0 ;;
    esac
    # shellcheck disable=SC2086 # _how is several words
    xentrace -D $_how -e 0x00a2f000 "$out/$1.xentrace" \
        >"$out/$1.xentrace.txt" 2>&1 &
    trace_pid=$!
}

trace_stop()
{
    [ "${BENCH_TRACE:-0}" != 0 ] || return 0
    kill -INT "$trace_pid"
    wait "$trace_pid"
}

# run NAME KIND STATE
run()
{
    echo "=== run $1 ($2, $3)"
    case $2 in
    stock) say "running the RTOS guest on stock Xen's timer: $BENCH_TICKS ticks" ;;
    tuned) say "running the RTOS guest on tuned stock Xen's timer: $BENCH_TICKS ticks" ;;
    natsume) say "running the RTOS guest on the PIT (rtos_timer=\"pit\"): $BENCH_TICKS ticks" ;;
    hpet) say "running the RTOS guest on an HPET comparator (rtos_timer=\"hpet\"): $BENCH_TICKS ticks" ;;
    esac
    if [ "$2" = tuned ]; then
        cpu_pool rt null 1
    fi
    bench_cfg "$1" "$2" "$3"
    trace_start "$1"
    xl create "/tmp/$1.cfg" || fail "xl create $1"
    [ "$3" != flood ] || flood_start "$1"
    # Keep dom0 still while the guest ticks: under -icount the emulated
    # CPUs take turns, so whatever dom0 does delays CPU 1 a little.
    # The run, the guest's 2 s delay, up to 1 s of set-up, and a margin.
    settle=$((BENCH_TICKS * BENCH_PERIOD_US / 1000000 + 5))
    if [ "${BENCH_STATUS:-0}" = 1 ]; then
        progress "$1" "$2" "$settle"
    else
        sleep "$settle"
    fi
    wait_quietly "$1" "NATSUME-RESULT\|error" 1800 || fail "no result from $1"
    trace_stop
    [ "$3" != flood ] || flood_stop "$1"
    if [ "$2" = natsume ] || [ "$2" = hpet ]; then
        xl natsume-status -j "$1" >"$out/$1.status.json"
    fi
    wait_quietly "$1" "NATSUME-TICKS-END\|error" 600 || fail "no tick data from $1"
    grep -q "natsume-rtos: error" "/var/log/xen/console/guest-$1.log" &&
        fail "$1: $(grep 'natsume-rtos: error' "/var/log/xen/console/guest-$1.log")"
    cp "/var/log/xen/console/guest-$1.log" "$out/$1.log"
    grep "^NATSUME-RESULT" "$out/$1.log"
    say "$1: done, $(sed -n 's/^natsume-rtos: \(ticks received: [0-9]*\).*/\1/p' "$out/$1.log")"
    [ "$3" != flood ] || say "$1: $(sed -n 's/^natsume-rtos: \(NIC: .* per second\);.*/\1/p' "$out/$1.log")"
    xl destroy "$1"
    if [ "$2" = tuned ]; then
        cpu_pool_back rt 1
    fi
}

xl info | grep -E '^(xen_version|xen_commandline)'
say "Xen and dom0 are up: $(xl info xen_version), $(xl info xen_commandline | grep -o 'natsume=[a-z]*')"
devices
loaded=0
for r in $BENCH_RUNS; do
    name=${r%%:*} kind=${r#*:} state=${r##*:}
    kind=${kind%:*}
    case $state in
    idle|flood) [ $loaded = 0 ] || fail "$name: $state after the load started" ;;
    load) [ $loaded = 1 ] || load_start; loaded=1 ;;
    *) fail "$name: state is idle, flood or load, not $state" ;;
    esac
    run "$name" "$kind" "$state"
done
[ $loaded = 0 ] || load_stop

retry 100 0.1 disk natsume-out >/dev/null || fail "no output disk"
dev=$(disk natsume-out)
tar -cf "$dev" -C $out . || fail "writing the results"
sync
echo "=== end"
