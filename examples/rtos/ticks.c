/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The measurement: take opts->ticks timer ticks and stamp each with the
 * TSC in the upcall.
 *   mode=xen:     VIRQ_TIMER from Xen's single-shot timer, re-armed at
 *                 absolute deadlines first + k * period (no drift).
 *   mode=natsume: VIRQ_NATSUME_TIMER from the direct hardware timer path;
 *                 VIRQ_TIMER only serves as a watchdog.  The first tick
 *                 after the start is not stamped: it may have been
 *                 pending since before, and only marks the start.
 */
#include <arch/cpu.h>
#include <arch/hypercall.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/fail.h"
#include "rtos/lib.h"
#include "rtos/ticks.h"
#include "rtos/time.h"

#define MS                  1000000ULL
/* Natsume mode: how long the first tick may take to come. */
#define FIRST_TICK_NS       (2000 * MS)
/* Slack beyond twice the nominal run time before giving up. */
#define SLACK_NS            (2000 * MS)

enum state {
    IDLE,               /* bound, not started: ignore events */
    RUNNING,
    DONE,
    NO_TICKS,           /* natsume: nothing arrived at all */
    STALLED,            /* ticks stopped coming */
};

static uint64_t tsc_stamps[OPTS_MAX_TICKS];
static uint64_t sys_stamps[OPTS_MAX_TICKS];

static struct {
    uint32_t wanted;
    volatile uint32_t count;
    volatile enum state state;
    volatile int started;       /* natsume: the tick marking the start came */
    volatile uint32_t events;   /* natsume: every event Xen delivered us */
    uint64_t period_ns;
    uint64_t first_deadline;
} run;

static void arm_timer(uint64_t deadline_ns)
{
    /* No VCPU_SSHOTTMR_future: a deadline already past fires at once. */
    struct vcpu_set_singleshot_timer t = { .timeout_abs_ns = deadline_ns };

    hyp_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t);
}

/* Record one tick; returns its index. */
static uint32_t stamp(uint64_t tsc)
{
    uint32_t k = run.count;

    tsc_stamps[k] = tsc;
    sys_stamps[k] = time_tsc_to_ns(tsc);
    run.count = k + 1;
    if ( k + 1 == run.wanted )
        run.state = DONE;

    return k;
}

/*
 * mode=xen: each VIRQ_TIMER is a tick (the periodic timer is off, and
 * each arming raises exactly one event); arm the next absolute deadline.
 * No check against our own clock: it may lag Xen's, and re-arming a
 * deadline Xen considers past would only fire again at once.
 */
static void xen_tick(evtchn_port_t port, uint64_t tsc)
{
    uint32_t k;

    (void)port;
    if ( run.state != RUNNING )
        return;

    k = stamp(tsc);
    if ( run.state == RUNNING )
        arm_timer(run.first_deadline + (uint64_t)(k + 1) * run.period_ns);
}

/* Why ticks stopped: none at all, or some then no more. */
static enum state stopped(void)
{
    return run.count || run.started ? STALLED : NO_TICKS;
}

/*
 * mode=natsume: each VIRQ_NATSUME_TIMER is a tick.  The first one only
 * marks the start: it can have been pending since before we started, and
 * then its stamp would be late and its interval short.
 */
static void natsume_tick(evtchn_port_t port, uint64_t tsc)
{
    (void)port;
    run.events++;
    if ( run.state != RUNNING )
        return;

    if ( !run.started )
    {
        run.started = 1;
        /* Push the watchdog past the whole run, out of the way. */
        arm_timer(time_tsc_to_ns(tsc) + 2 * run.wanted * run.period_ns +
                  SLACK_NS);
        return;
    }

    stamp(tsc);
}

/* mode=natsume: VIRQ_TIMER fires only if ticks fail to come. */
static void watchdog(evtchn_port_t port, uint64_t tsc)
{
    (void)port;
    (void)tsc;
    if ( run.state == RUNNING )
        run.state = stopped();
}

/* Called masked: do the devices' work, if any waits, with the ticks free. */
static int run_deferred(void)
{
    if ( !events_deferred() )
        return 0;
    events_restore(0);
    events_run_deferred();

    return 1;
}

/*
 * idle=block gives the CPU back between ticks, so each tick wakes the vCPU
 * through Xen's scheduler; idle=poll keeps it running with events on, so
 * that each tick takes the direct path from the interrupt to the upcall.
 */
static void wait_until_over(uint64_t limit_ns, enum rtos_idle idle)
{
    for ( ; ; )
    {
        events_mask();
        if ( run.state != RUNNING )
            break;
        /* Whatever the tick source does, do not wait forever. */
        if ( time_now_ns() > limit_ns )
        {
            run.state = stopped();
            break;
        }
        if ( run_deferred() )
            continue;
        if ( idle == RTOS_IDLE_POLL )
        {
            events_restore(0);
            cpu_relax();
        }
        else
            events_block();
    }
    events_restore(0);
}

/*
 * mode=natsume, at the end: make our count of events comparable with Xen's
 * "delivered" (events it set pending for us).  Keep the port from the
 * upcall, then wait for one more tick to be left pending: from then on Xen
 * drops every tick as pending, so its count is final, and ours too.  The
 * port is left bound; the domain's end closes it.
 */
static void close_count(evtchn_port_t port)
{
    uint64_t limit = time_now_ns() + 10 * run.period_ns + SLACK_NS;

    events_mask();
    events_mask_port(port);
    while ( !events_pending(port) && time_now_ns() < limit )
        cpu_relax();
    if ( events_pending(port) )
        run.events++;
    events_restore(0);
}

/*
 * delay_ms: take no tick until the machine has settled (dom0 is still
 * finishing this domain's creation when it starts).  Ticks that come
 * meanwhile are taken and ignored.  Returns with events masked.
 */
static void settle(uint64_t until)
{
    arm_timer(until);
    for ( ; ; )
    {
        events_mask();
        if ( time_now_ns() >= until )
            break;
        if ( !run_deferred() )
            events_block();
    }
}

static int bind_virq(uint32_t virq, const char *name, evtchn_handler_t fn,
                     evtchn_port_t *port)
{
    int rc = events_bind_virq(virq, fn, port);

    if ( rc )
        printk("natsume-rtos: error: could not bind %s (VIRQ %u): "
               "error %d (%s)\n", name, virq, rc, xen_errname(rc));

    return rc;
}

/* The VIRQs the ticks come on; Xen's periodic timer stopped. */
static int ticks_bind(int natsume, evtchn_port_t *timer_port,
                      evtchn_port_t *tick_port)
{
    if ( bind_virq(VIRQ_TIMER, "VIRQ_TIMER", natsume ? watchdog : xen_tick,
                   timer_port) )
        return -1;

    /* PV vCPUs start with a 100 Hz periodic timer on VIRQ_TIMER. */
    hyp_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);

    if ( natsume &&
         bind_virq(VIRQ_NATSUME_TIMER, "VIRQ_NATSUME_TIMER", natsume_tick,
                   tick_port) )
        return -1;

    return 0;
}

/* Take the ticks, after delay_ms; returns when the start was. */
static uint64_t ticks_take(const struct rtos_opts *opts, int natsume,
                           evtchn_port_t timer_port, evtchn_port_t tick_port)
{
    uint64_t start, nominal = (uint64_t)run.wanted * run.period_ns;

    if ( opts->delay_ms )
        settle(time_now_ns() + opts->delay_ms * MS);

    /*
     * Events are still masked: drop what the periodic timer left, and a
     * tick that came before the start.
     */
    events_clear(timer_port);
    if ( natsume && events_take(tick_port) )
        run.events++;

    start = time_now_ns();
    run.state = RUNNING;
    if ( natsume )
        arm_timer(start + FIRST_TICK_NS);
    else
    {
        run.first_deadline = start + run.period_ns;
        arm_timer(run.first_deadline);
    }

    wait_until_over(start + FIRST_TICK_NS + 2 * nominal + SLACK_NS, opts->idle);

    return start;
}

/* Timers stopped, ports released; 0, or -1 with the reason on the console. */
static int ticks_end(int natsume, evtchn_port_t timer_port,
                     evtchn_port_t tick_port)
{
    hyp_vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL);
    events_unbind(timer_port);
    if ( natsume && run.state == DONE )
    {
        close_count(tick_port);
        printk("natsume-rtos: VIRQ_NATSUME_TIMER events taken: %u\n",
               run.events);
    }
    else if ( natsume )
        events_unbind(tick_port);

    if ( run.state == NO_TICKS )
    {
        if ( natsume )
            printk("natsume-rtos: error: no tick from VIRQ_NATSUME_TIMER "
                   "within %llu ms: is a Natsume timer bound to this "
                   "domain (rtos_timer in its xl config)?\n",
                   (unsigned long long)(FIRST_TICK_NS / MS));
        else
            printk("natsume-rtos: error: no tick from VIRQ_TIMER\n");
        return -1;
    }
    if ( run.state == STALLED )
    {
        printk("natsume-rtos: error: ticks stopped after %u of %u\n",
               run.count, run.wanted);
        return -1;
    }

    return 0;
}

int ticks_run(const struct rtos_opts *opts, struct ticks_run *out)
{
    evtchn_port_t timer_port, tick_port = 0;
    int natsume = opts->mode == RTOS_MODE_NATSUME;
    uint64_t start;

    run.wanted = opts->ticks;
    run.count = 0;
    run.state = IDLE;
    run.started = 0;
    run.events = 0;
    run.period_ns = (uint64_t)opts->period_us * 1000;

    if ( ticks_bind(natsume, &timer_port, &tick_port) )
        return -1;

    time_read_clock(&out->scale);
    printk("natsume-rtos: TSC at %llu kHz (scale %u, shift %d)\n",
           (unsigned long long)pvclock_tsc_khz(out->scale.mul,
                                               out->scale.shift),
           out->scale.mul, out->scale.shift);
    printk("natsume-rtos: waiting for %u ticks of %llu ns from %s\n",
           run.wanted, (unsigned long long)run.period_ns,
           natsume ? "VIRQ_NATSUME_TIMER" :
           "VIRQ_TIMER (single-shot, absolute deadlines)");
    /* Silent from here on: no console traffic competes with the ticks. */
    console_flush(1000 * MS);

    start = ticks_take(opts, natsume, timer_port, tick_port);

    if ( run.state == DONE && opts->fail != RTOS_FAIL_NONE )
        fail_now(opts->fail, run.count);

    if ( ticks_end(natsume, timer_port, tick_port) )
        return -1;

    printk("natsume-rtos: ticks received: %u in %llu us\n", run.count,
           (unsigned long long)((sys_stamps[run.count - 1] - start) / 1000));

    out->tsc = tsc_stamps;
    out->sys = sys_stamps;
    out->count = run.count;
    out->has_deadlines = !natsume;
    out->first_deadline = run.first_deadline;

    return 0;
}
