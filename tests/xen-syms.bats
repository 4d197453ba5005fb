#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The built hypervisors, read rather than booted: Xen frees its init
# sections after boot, so run-time code must not refer to them.  Whether
# GCC inlines a small __init helper decides if a boot would ever notice,
# hence a look at the code of both builds (scripts/check-init-refs.sh).

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BUILD=${BUILD:-$TOP/build}

@test "xen-syms (release): no run-time code of ours refers to init sections" {
    run "$TOP/scripts/check-init-refs.sh" "$BUILD/dist/boot/xen-syms" "$BUILD/xen"
    echo "$output"
    [ "$status" = 0 ]
    [[ "$output" =~ references\ into\ init\ sections,\ all\ upstream.s$ ]]
}

@test "xen-syms (debug): no run-time code of ours refers to init sections" {
    run "$TOP/scripts/check-init-refs.sh" "$BUILD/dist/boot/xen-syms-debug" "$BUILD/xen"
    echo "$output"
    [ "$status" = 0 ]
    [[ "$output" =~ references\ into\ init\ sections,\ all\ upstream.s$ ]]
}
