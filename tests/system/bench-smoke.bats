#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# A short run of the benchmark so that it cannot rot: natsume on the idle
# machine and under the flood (a NIC passed through to the RTOS guest),
# few ticks, through the same driver, dom0 scenario, analysis and plotting
# as make bench (with the tests' QEMU quantum, for time), traced (-X).  It reports; the
# figures are not judged here beyond what must hold on any machine.

load helpers

OUT=$BUILD/bench-smoke

setup_file()
{
    local rc=0
    rm -rf "$OUT"
    mkdir -p "$BUILD/logs"
    "$TOP/bench/run" -q 1000 -k natsume -s "idle flood" -r 2000 -X \
        -n 301 -o "$OUT" -t 900 >"$BUILD/logs/bench-smoke.out" 2>&1 || rc=$?
    echo $rc >"$BUILD/logs/bench-smoke.rc"
}

# fig KEY: a figure of the run (bench/run's *.figures file).
fig()
{
    figure "$OUT/raw/natsume-idle.figures" "$1"
}

@test "bench smoke: the benchmark ran to the end" {
    [ "$(cat "$BUILD/logs/bench-smoke.rc")" = 0 ]
}

@test "bench smoke: the benchmark boots the release hypervisor" {
    cat "$BUILD"/logs/bench-bench-smoke-*.log | tr -d '\r' |
        grep -q '^(XEN) Xen version 4\.17\.5-natsume .* debug=n '
}

@test "bench smoke: the table has the natsume idle row" {
    grep -q '^| scenario | load | ticks |' "$OUT/results.md"
    grep -q '^| natsume | idle | 301 |' "$OUT/results.md"
}

@test "bench smoke: the table has the natsume flood row" {
    grep -q '^| natsume | flood | 301 |' "$OUT/results.md"
}

# The flood run's console, without carriage returns.
flood_console()
{
    tr -d '\r' <"$OUT/raw/natsume-flood.console.txt"
}

# nic KEY: a number from the guest's NIC line in the flood run, e.g.
# "frames", "interrupts".
nic()
{
    flood_console | sed -n "s/^natsume-rtos: NIC:.*[ (]\([0-9][0-9]*\) $1[ ,;)].*/\1/p"
}

@test "bench smoke: the passed-through NIC's frames reached the RTOS guest" {
    flood_console | grep '^natsume-rtos: NIC at 0x[0-9a-f]*, pirq [0-9]*, event channel [0-9]*, link up$'
    [ "$(nic frames)" -gt 100 ]
    [ "$(nic interrupts)" -gt 100 ]
    flood_console | grep -E '^natsume-rtos: NIC handler: mean [0-9]+ ns, max [0-9]+ ns; of it the EOI hypercall: mean [0-9]+ ns, max [0-9]+ ns$'
}

@test "bench smoke: the flood's sender says what it sent" {
    grep -E '^load-net: [0-9]+ frames sent in [0-9]+ ms, [0-9]+ per second \(2000 asked\)$' \
        "$OUT/raw/natsume-flood.flood.txt"
}

@test "bench smoke: the trace of the RTOS's CPU is kept and read" {
    xz -t "$OUT/raw/natsume-flood.xentrace.xz"
    grep -E '^IRQ0 intervals on CPU 1: [0-9]+; longer than the period by more than 1 us: [0-9]+$' \
        "$OUT/raw/natsume-flood.tails.txt"
    grep -E '^irq 0 \| [0-9]{3,} \|' "$OUT/raw/natsume-flood.tails.txt"
}

@test "bench smoke: the NIC's interrupts are taken off the RTOS's CPU" {
    # Xen forwards them from CPU 0; on CPU 1 only IRQ0 comes in numbers.
    [ "$(nic interrupts)" -gt 100 ]
    ! grep -v '^irq 0 ' "$OUT/raw/natsume-flood.tails.txt" |
        grep -qE '^irq [0-9]+ \| [0-9]{2,} \|' || false
}

@test "bench smoke: the idle run had no NIC" {
    ! grep -q 'NIC' "$OUT/raw/natsume-idle.console.txt" || false
}

@test "bench smoke: the reference is the PIT's actual period" {
    [ "$(fig period_ns)" = 999847 ]
}

@test "bench smoke: the raw ticks are kept, compressed, all of them" {
    [ "$(gzip -dc "$OUT/raw/natsume-idle.ticks.gz" | grep -c '^NATSUME-TICK ')" = 301 ]
}

@test "bench smoke: the histogram is a PNG picture" {
    file "$OUT/histogram-idle.png" | grep -q 'PNG image data'
}
