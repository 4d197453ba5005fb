#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# A real-time domain's memory is placed for its rtos_cpu (run-xen -N: two
# NUMA nodes), because it is made in its own cpupool.

load helpers

T=numa-placement

setup_file()
{
    boot $T -t 600 -c 3 -N -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
}

@test "numa: the scenario ran to its end" {
    [ "$(scenario_rc $T)" = 0 ]
    serial_log $T | grep -q '^=== end$'
}

@test "numa: the domain's memory is on rtos_cpu's node" {
    [ "$(section_rc $T create)" = 0 ]
    run section $T memory
    [[ "${lines[1]}" =~ ^Node\ 0:\ 0$ ]]
    [[ "${lines[2]}" =~ ^Node\ 1:\ [1-9][0-9]*$ ]]
}
