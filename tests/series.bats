#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The Xen series as a Xen integrator takes it: it stands alone (Xen's own
# make, no directory outside the tree), it is current with libxl-ext/ and
# xl-natsume/ (scripts/gen-patches.sh carries them into it), Natsume is a
# Kconfig option that is off by default, and installing our libraries
# over Debian's keeps the programs linked against those working.

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BUILD=${BUILD:-$TOP/build}
export TOP BUILD

@test "series: the patches are what scripts/gen-patches.sh makes of libxl-ext/ and xl-natsume/" {
    run "$TOP/scripts/gen-patches.sh" --check
    echo "$output"
    [ "$status" = 0 ]
}

# make build writes the patches anew: what counts is what is committed.
@test "series: the committed patches are current" {
    git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1 || skip "not a git checkout"
    if [ -n "$(git -C "$TOP" status --porcelain -- libxl-ext xl-natsume)" ]; then
        skip "libxl-ext/ or xl-natsume/ has uncommitted changes"
    fi
    run git -C "$TOP" diff --stat HEAD -- xen-patches
    echo "$output"
    [ -z "$output" ]
}

@test "series: no patch needs a directory outside Xen's tree" {
    run grep -l 'NATSUME_DIR\|natsume/libxl-ext\|libxl-ext/' "$TOP"/xen-patches/*.patch
    echo "$output"
    [ "$status" = 1 ]
}

@test "series: CONFIG_NATSUME is off in Xen's default config, and selects the null scheduler" {
    run make -s -C "$BUILD/xen/xen" defconfig KCONFIG_CONFIG="$BATS_TEST_TMPDIR/config"
    [ "$status" = 0 ]
    grep -qx '# CONFIG_NATSUME is not set' "$BATS_TEST_TMPDIR/config"
    grep -qx 'CONFIG_NATSUME=y' "$BUILD/xen/xen/.config"
    grep -qx 'CONFIG_SCHED_NULL=y' "$BUILD/xen/xen/.config"
}

@test "abi: libxl's public types keep the size and layout of Debian's" {
    run "$TOP/tests/abi/check" layout
    echo "$output"
    [ "$status" = 0 ]
}

@test "abi: libxenctrl, libxenguest, libxenlight, libxlutil keep Debian's sonames and symbols" {
    run "$TOP/tests/abi/check" symbols
    echo "$output"
    [ "$status" = 0 ]
    [ "$(grep -c 'none removed' <<<"$output")" = 4 ]
}

@test "series: xl(1) and xl.cfg(5) in Xen's tree carry our man page text, in valid POD" {
    local man=$BUILD/xen/docs/man
    grep -qx '=item B<natsume-status> \[B<-j>\] \[I<domain-id>\]' "$man/xl.1.pod.in"
    grep -qx '=head3 Real-time Timer (Natsume)' "$man/xl.cfg.5.pod.in"
    grep -q 'B<rtos_timer_period_us=MICROSECONDS>' "$man/xl.cfg.5.pod.in"
    run podchecker "$man/xl.1.pod.in" "$man/xl.cfg.5.pod.in"
    echo "$output"
    [ "$status" = 0 ]
    run grep -c 'WARNING' <<<"$output"
    [ "$output" = 0 ]
}
