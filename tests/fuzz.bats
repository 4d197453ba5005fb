#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# A short run of each libFuzzer target (tests/fuzz/, built by
# make fuzz-build): any crash, leak or sanitizer report fails the test.
# FUZZ_TEST_SECONDS sets the time per target (default 5).

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BUILD=${BUILD:-$TOP/build}
export BUILD

# fuzz TARGET: run it and check libFuzzer's final "Done N runs" line.
fuzz()
{
    run "$TOP/tests/fuzz/run" "${FUZZ_TEST_SECONDS:-5}" "$1"
    echo "$output"
    [ "$status" = 0 ]
    [[ "$output" =~ ^$1:\ Done\ ([0-9]+)\ runs ]]
    [ "${BASH_REMATCH[1]}" -gt 0 ]
}

@test "fuzz: natsume_logic.c (key checks, xl's key parsing, periods)" {
    fuzz fuzz_natsume_logic
}

@test "fuzz: rtos_* keys of an xl config through libxlutil" {
    fuzz fuzz_xl_keys
}

@test "fuzz: the demo RTOS guest's command line" {
    fuzz fuzz_rtos_opts
}

@test "fuzz: the demo RTOS guest's lateness of a hardware tick" {
    fuzz fuzz_rtos_stats
}
