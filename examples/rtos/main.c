/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Natsume demo RTOS guest: measure the regularity of a periodic timer
 * tick under Xen, print the statistics, and power off.
 */
#include <arch/hypercall.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/format.h"
#include "rtos/lib.h"
#include "rtos/mm.h"
#include "rtos/nic.h"
#include "rtos/opts.h"
#include "rtos/probe.h"
#include "rtos/report.h"
#include "rtos/stats.h"
#include "rtos/ticks.h"
#include "rtos/traps.h"

/* Intervals, sorted in place by the statistics; then scratch space. */
static uint64_t intervals[OPTS_MAX_TICKS];
static int64_t late[OPTS_MAX_TICKS];
static char report_buf[8192];

/* raw=1: every tick, for tools: "NATSUME-TICK i t_ns late_ns". */
static void report_raw(const uint64_t *ts, const int64_t *lateness,
                       uint32_t n)
{
    size_t len = 0;
    uint32_t i;

    printk("NATSUME-TICKS-BEGIN %u\n", n);
    for ( i = 0; i < n; i++ )
    {
        len += rt_snprintf(report_buf + len, sizeof(report_buf) - len,
                           "NATSUME-TICK %u %llu %lld\n", i,
                           (unsigned long long)(ts[i] - ts[0]),
                           (long long)lateness[i]);
        if ( len > sizeof(report_buf) - 64 || i + 1 == n )
        {
            console_write(report_buf, len);
            len = 0;
        }
    }
    printk("NATSUME-TICKS-END %u\n", n);
}

static void report(const struct rtos_opts *opts, struct ticks_run *run)
{
    struct stats st;
    struct lateness late_sum;
    struct report r = {
        .mode = opts_mode_name(opts->mode),
        .period_ns = (uint64_t)opts->period_us * 1000,
        .ticks = run->count,
        .st = &st,
        .late = &late_sum,
        .deadlines = run->has_deadlines,
    };
    uint32_t n;
    size_t len;

    /* Intervals: TSC deltas at one scale, not system time, which steps. */
    pvclock_stamps_to_ns(run->tsc, run->count, run->scale.mul,
                         run->scale.shift);
    n = stats_intervals(run->tsc, run->count, intervals, &r.backwards);
    stats_compute(intervals, n, &st);
    /* Deadlines are Xen system time; a hardware train has its own period. */
    if ( run->has_deadlines )
        stats_late_deadlines(run->sys, run->count, run->first_deadline,
                             r.period_ns, late);
    else
        stats_late_fitted(run->tsc, run->count, st.p50_ns, late);
    stats_lateness(late, run->count, intervals, &late_sum);

    len = report_text(report_buf, sizeof(report_buf), &r);
    console_write(report_buf, len < sizeof(report_buf) ?
                              len : sizeof(report_buf) - 1);

    len = report_json(report_buf, sizeof(report_buf), &r);
    console_write(report_buf, len < sizeof(report_buf) ?
                              len : sizeof(report_buf) - 1);

    if ( opts->raw )
        report_raw(run->tsc, late, run->count);
}

void rtos_main(start_info_t *si)
{
    char cmdline[MAX_GUEST_CMDLINE + 1];
    char err[160];
    struct rtos_opts opts;
    struct ticks_run run;
    long ver;
    int rc;

    rc = console_init(si);
    /* Without a ring this still reaches a debug hypervisor's console. */
    if ( rc )
        panic("no PV console ring (error %d)", rc);

    /* Catch NULL pointers: page 0 is only padding below the image. */
    hyp_update_va_mapping(0, 0, UVMF_INVLPG);

    mm_init(si);
    rc = events_init(si->shared_info);
    if ( rc )
        panic("event setup failed: error %d (%s)", rc, xen_errname(rc));
    rc = traps_init();
    if ( rc )
        panic("trap table refused: error %d (%s)", rc, xen_errname(rc));

    memcpy(cmdline, si->cmd_line, MAX_GUEST_CMDLINE);
    cmdline[MAX_GUEST_CMDLINE] = '\0';

    ver = hyp_xen_version(XENVER_version, NULL);
    printk("natsume-rtos: started on Xen %ld.%ld, %lu pages, "
           "command line \"%s\"\n", ver >> 16, ver & 0xffff,
           si->nr_pages, cmdline);

    if ( opts_parse(cmdline, &opts, err, sizeof(err)) )
    {
        printk("natsume-rtos: error: %s\n", err);
        shutdown(SHUTDOWN_crash);
    }
    printk("natsume-rtos: mode=%s ticks=%u period_us=%u fail=%s idle=%s\n",
           opts_mode_name(opts.mode), opts.ticks, opts.period_us,
           opts_fail_name(opts.fail), opts_idle_name(opts.idle));

    if ( opts.mode == RTOS_MODE_PROBE )
    {
        probe_run(&opts);
        shutdown(SHUTDOWN_poweroff);
    }

    /* The paper's load: a NIC's interrupts on our CPU while we tick. */
    if ( opts.nic_mmio && nic_start(opts.nic_mmio, opts.nic_pirq) )
        shutdown(SHUTDOWN_crash);

    rc = ticks_run(&opts, &run);
    if ( opts.nic_mmio )
        nic_stop();
    if ( rc )
        shutdown(SHUTDOWN_crash);

    report(&opts, &run);
    printk("natsume-rtos: done, powering off\n");
    shutdown(SHUTDOWN_poweroff);
}
