/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU 1: arm the LAPIC timer for a pseudo-random delay, wait for it
 * (spinning or halted) and take the TSC in the handler.  The lateness of
 * a sample is that stamp minus the moment the timer was due: under
 * -icount the TSC and the LAPIC timer both count guest nanoseconds.
 */
#include "floor/console.h"
#include "floor/lapic.h"
#include "floor/probe.h"
#include "floor/x86.h"

volatile uint64_t probe_hit_tsc;
static volatile int probe_hit;
static uint32_t lateness[MAX_SAMPLES];

void probe_interrupt(void)
{
    probe_hit = 1;
    lapic_eoi();
}

/* Delays of 20-1020 us, at every phase of CPU 0's 1 ms tick. */
static uint32_t next_delay(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return 20000 + (*seed >> 8) % 1000000;
}

/*
 * When the timer is due, from the timer itself: the TSC next to a read of
 * its current count.  (The TSC read before arming it would be wrong
 * whenever CPU 1's turn ends between that read and the write: the timer
 * then starts a whole turn of CPU 0 later.)  A sample whose two TSC reads
 * around the count are far apart is taken again and counted.
 */
#define READ_WINDOW_NS  1000
static unsigned int retaken;

static uint32_t one_sample(uint32_t delay)
{
    uint64_t due, t1, t2;
    uint32_t left;

 again:
    probe_hit = 0;
    lapic_timer_oneshot(VEC_PROBE, delay);
    t1 = rdtsc();
    left = lapic_timer_current();
    t2 = rdtsc();
    if ( t2 - t1 > READ_WINDOW_NS )
    {
        retaken++;
        while ( !probe_hit )
            safe_halt();
        goto again;
    }
    due = t1 + left;
    if ( opts.cpu1_poll )
    {
        irq_enable();
        while ( !probe_hit )
            cpu_relax();
        irq_disable();
    }
    else
        while ( !probe_hit )
            safe_halt();
    return probe_hit_tsc > due ? probe_hit_tsc - due : 0;
}

static void put_field(const char *name, uint64_t v)
{
    put_str(" ");
    put_str(name);
    put_str("=");
    put_u64(v);
}

/* Nearest rank. */
static uint32_t pct(const uint32_t *v, unsigned int n, unsigned int per_mille)
{
    unsigned int rank = (n * per_mille + 999) / 1000;

    return v[rank ? rank - 1 : 0];
}

static void report(unsigned int n)
{
    uint64_t sum = 0;
    unsigned int i;

    for ( i = 0; i < n; i++ )
        sum += lateness[i];
    sort_u32(lateness, n);
    put_str("FLOOR");
    put_str(opts.cpu0_busy ? " cpu0=busy" : " cpu0=idle");
    put_str(opts.cpu1_poll ? " cpu1=poll" : " cpu1=hlt");
    put_field("n", n);
    put_field("min_ns", lateness[0]);
    put_field("p50_ns", pct(lateness, n, 500));
    put_field("p99_ns", pct(lateness, n, 990));
    put_field("p999_ns", pct(lateness, n, 999));
    put_field("max_ns", lateness[n - 1]);
    do_div(&sum, n);
    put_field("mean_ns", sum);
    put_field("retaken", retaken);
    put_str("\n");
}

void cpu1_main(void)
{
    uint32_t seed = 1;
    unsigned int i;

    idt_load();
    lapic_enable();
    cpu1_ready = 1;

    for ( i = 0; i < opts.samples; i++ )
        lateness[i] = one_sample(next_delay(&seed));

    report(opts.samples);
    cpu1_done = 1;
    put_str("FLOOR-DONE\n");
    machine_exit();
}
