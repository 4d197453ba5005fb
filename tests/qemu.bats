#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The emulator under every system test: our QEMU build with qemu-patches/
# (make qemu), and the floor probe (bench/floor/) running on it.  These
# check that the instrument is there and works; its figures belong to
# make floor, not to a test.

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BUILD=${BUILD:-$TOP/build}
export BUILD

setup()
{
    # shellcheck source=qemu/qemu.sh
    . "$TOP/tests/qemu/qemu.sh"
}

@test "qemu: the harness runs our build of QEMU 10.0.2" {
    run "$qemu_bin" --version
    [ "$status" = 0 ]
    [[ "${lines[0]}" == "QEMU emulator version 10.0.2"* ]]
    [ "$qemu_bin" = "$BUILD/qemu/build/qemu-system-x86_64" ]
}

@test "qemu: the TCG accelerator has our rr-preempt (an unknown property is refused)" {
    run "$qemu_bin" -machine none -display none -accel tcg,rr-preempt=maybe
    [ "$status" != 0 ]
    [[ "$output" == *"rr-preempt"*"'on' or 'off'"* ]] ||
        [[ "$output" == *"rr-preempt"*"boolean"* ]]
    run "$qemu_bin" -machine none -display none -accel tcg,rr-bogus=1
    [ "$status" != 0 ]
    [[ "$output" == *"Property 'tcg-accel.rr-bogus' not found"* ]]
}

@test "qemu: a negative rr-quantum is refused with the property named" {
    run "$qemu_bin" -accel tcg,rr-quantum=-5 -machine none -display none
    [ "$status" != 0 ]
    [[ "$output" == *"rr-quantum must be 0 (no bound) or a positive number of instructions"* ]]
}

@test "qemu: the series applies to the pinned source (the build tree is pristine + series)" {
    run git -C "$BUILD/qemu" log --format=%s pristine..HEAD
    [ "$status" = 0 ]
    [ "${#lines[@]}" = "$(grep -vc '^#' "$TOP/qemu-patches/series")" ]
    run git -C "$BUILD/qemu" status --porcelain --untracked-files=no
    [ -z "$output" ]
}

# probe ARGS: one boot of the floor probe; its output, without carriage
# returns, in $probe_out.
probe()
{
    probe_out=$("$TOP/bench/floor/run" -r "$*")
}

@test "floor probe: reports every sample with CPU 0 busy" {
    probe cpu0=busy cpu1=hlt n=300
    [[ "$probe_out" == *"FLOOR cpu0=busy cpu1=hlt n=300 min_ns="* ]]
    [[ "$probe_out" == *"FLOOR-DONE"* ]]
}

@test "floor probe: an unknown option is refused with what is allowed" {
    probe cpu0=busy bogus=1
    [[ "$probe_out" == *"floor: bad command line; allowed: cpu0=busy|idle cpu1=poll|hlt n=1-20000"* ]]
    [[ "$probe_out" != *"FLOOR-DONE"* ]]
}

@test "floor run: one row per setting, the floor of each a number" {
    run "$TOP/bench/floor/run" -n 100 -q "0 100" -p "off on"
    [ "$status" = 0 ]
    [ "$(grep -c '^| \(on\|off\) | \(off\|100\) | [0-9]' <<<"$output")" = 4 ]
}
