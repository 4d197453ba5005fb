#!/usr/bin/env bats
# natsume=pit: the PIT is reserved at boot and can be bound to a guest's
# vCPU on CPU 1 with the domctl; the sysctl reports the binding and its
# ticks.  One boot with natsume=pit, one without.

load helpers

setup_file()
{
    boot natsume-pit -t 400 -c 2 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
    boot natsume-stock -t 300 -c 2 -x "dom0_max_vcpus=1 dom0_vcpus_pin"
}

# field SCENARIO SECTION KEY: the value of "KEY: value" in that section.
field()
{
    section "$1" "$2" | sed -n "s/^$3: //p" | head -n 1
}

@test "natsume=pit: the scenario ran to the end" {
    [ "$(scenario_rc natsume-pit)" = 0 ]
    serial_log natsume-pit | grep -q '^=== end$'
}

@test "natsume=pit: the boot log says what was reserved" {
    serial_log natsume-pit | grep -q '^(XEN) natsume: PIT reserved: channel 0 stopped, IRQ0 (IO-APIC [0-9]* pin [0-9]*) released by Xen and masked$'
}

@test "natsume=pit: Xen does not use the PIT nor HPET legacy replacement" {
    serial_log natsume-pit | grep -q '^(XEN) Platform timer is .* HPET$'
    ! serial_log natsume-pit | grep -q 'PIT broadcast'
    ! serial_log natsume-pit | grep -q 'Legacy Replacement Mode$'
}

@test "natsume=pit: the sysctl shows the PIT reserved and unbound at boot" {
    [ "$(field natsume-pit 'status at boot' reserved_sources)" = pit ]
    [ "$(field natsume-pit 'status at boot' reserved)" = yes ]
    [ "$(field natsume-pit 'status at boot' bound)" = no ]
}

@test "natsume=pit: bad CPU, vCPU and period give EINVAL, a bad domain ESRCH" {
    section natsume-pit "bind bad cpu" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad vcpu" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad period" | grep -q '^error: EINVAL'
    section natsume-pit "bind bad domain" | grep -q '^error: ESRCH'
    section natsume-pit "unbind unbound" | grep -q '^error: ENOENT'
}

@test "natsume=pit: 1 ms binds with the PIT's actual period 999847 ns" {
    [ "$(field natsume-pit bind period_ns)" = 999847 ]
    [ "$(field natsume-pit 'status bound paused' count)" = 1193 ]
    [ "$(field natsume-pit 'status bound paused' cpu)" = 1 ]
    [ "$(field natsume-pit 'status bound paused' bound)" = yes ]
}

@test "natsume=pit: a second claim gets EBUSY" {
    section natsume-pit "bind again" | grep -q '^error: EBUSY'
    section natsume-pit "bind dom0" | grep -q '^error: EBUSY'
}

@test "natsume=pit: ticks while paused are not delivered (vCPU not running)" {
    local t nr
    t=$(field natsume-pit 'status bound paused' ticks)
    nr=$(field natsume-pit 'status bound paused' not_running)
    [ "$t" -gt 0 ]
    [ "$nr" = "$t" ]
}

@test "natsume=pit: ticks of a guest without the VIRQ bound count as no_port" {
    local t np nr d p
    t=$(field natsume-pit 'status bound running' ticks)
    np=$(field natsume-pit 'status bound running' no_port)
    nr=$(field natsume-pit 'status bound running' not_running)
    d=$(field natsume-pit 'status bound running' delivered)
    p=$(field natsume-pit 'status bound running' pending)
    [ "$t" -gt 1000 ]
    [ "$np" -gt 0 ]
    [ "$d" = 0 ]
    [ $((np + nr + d + p)) = "$t" ]
}

@test "natsume=pit: the histogram accounts for every interval" {
    local n sum=0 b
    n=$(field natsume-pit 'status bound running' intervals)
    for b in $(field natsume-pit 'status bound running' hist); do
        sum=$((sum + b))
    done
    [ "$sum" = "$n" ]
}

@test "natsume=pit: unbind stops the ticks" {
    local t1 t2
    read -r t1 t2 < <(section natsume-pit "ticks after unbind")
    [ "$t1" -gt 0 ]
    [ "$t1" = "$t2" ]
    [ "$(field natsume-pit 'status unbound' bound)" = no ]
}

@test "natsume=pit: destroying a bound domain releases the PIT" {
    [ "$(field natsume-pit 'status after destroy' bound)" = no ]
    [ "$(field natsume-pit 'bind new domain' period_ns)" = 999847 ]
}

@test "natsume=pit: a plain PV guest still works" {
    section natsume-pit "guest2 console" | grep -q '^natsume-guest: hello from 6\.1\.'
}

@test "stock: the scenario ran to the end" {
    [ "$(scenario_rc natsume-stock)" = 0 ]
    serial_log natsume-stock | grep -q '^=== end$'
}

@test "stock: nothing is reserved and bind gets ENODEV" {
    [ "$(field natsume-stock status reserved_sources)" = "" ]
    [ "$(field natsume-stock status reserved)" = no ]
    section natsume-stock bind | grep -q '^error: ENODEV'
    section natsume-stock unbind | grep -q '^error: ENODEV'
}

@test "stock: Xen says nothing about natsume" {
    ! serial_log natsume-stock | grep -q '^(XEN) natsume'
}

@test "stock: a PV guest runs" {
    section natsume-stock "guest console" | grep -q '^natsume-guest: hello from 6\.1\.'
}
