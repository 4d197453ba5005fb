#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The demo RTOS guest measures Xen's stock single-shot timer and powers off.

load helpers

setup_file()
{
    boot rtos-xen -i 3 -t 600 -x "dom0_max_vcpus=1 dom0_vcpus_pin"
}

# result KEY: KEY of the guest's NATSUME-RESULT line.
result()
{
    section rtos-xen "rtos console" | sed -n 's/^NATSUME-RESULT //p' |
        head -n 1 | json ".$1"
}

@test "the guest ran and powered off by itself" {
    [ "$(scenario_rc rtos-xen)" = 0 ]
    section rtos-xen "rtos console" | grep -q 'natsume-rtos: done, powering off'
    run section rtos-xen "xl list after"
    [ "${#lines[@]}" -eq 2 ]
}

@test "the guest reports 1000 intervals of a 1 ms tick in mode=xen" {
    [ "$(result mode)" = xen ]
    [ "$(result period_ns)" = 1000000 ]
    [ "$(result ticks)" = 1001 ]
    [ "$(result intervals)" = 1000 ]
}

@test "the mean interval is within 1% of the period" {
    mean=$(result mean_ns)
    [ "$mean" -ge 990000 ] && [ "$mean" -le 1010000 ]
}

@test "the summary has the figures and a histogram" {
    run section rtos-xen "rtos console"
    for k in intervals: min: mean: max: stddev: p50: p99: p99.9: within: histogram; do
        [[ "$output" == *"$k"* ]]
    done
}
