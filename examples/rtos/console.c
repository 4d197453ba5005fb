/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV console: the ring page the domain builder set up, read by
 * xenconsoled in dom0 (what `xl console` shows).
 */
#include <arch/cpu.h>
#include <arch/hypercall.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/format.h"
#include "rtos/lib.h"
#include "rtos/time.h"

#define MS                  1000000ULL
/* How long to wait for xenconsoled to make room, then give up. */
#define ROOM_TIMEOUT_NS     (5000 * MS)
#define FLUSH_TIMEOUT_NS    (5000 * MS)
#define POLL_SLICE_NS       (10 * MS)

static struct xencons_interface *ring;
static evtchn_port_t ring_port;
static int ring_dead;               /* backend stopped reading: drop */

int console_init(const start_info_t *si)
{
    unsigned long pfn;

    /* The builder mapped all our pages 1:1 from RTOS_VIRT_BASE. */
    pfn = machine_to_phys_mapping[si->console.domU.mfn];
    if ( pfn >= si->nr_pages )
        return -XEN_EINVAL;

    ring = (struct xencons_interface *)(RTOS_VIRT_BASE + (pfn << PAGE_SHIFT));
    ring_port = si->console.domU.evtchn;

    return 0;
}

static int ring_has_room(void)
{
    return ring->out_prod - ACCESS_ONCE(ring->out_cons) < sizeof(ring->out);
}

static int ring_empty(void)
{
    return ACCESS_ONCE(ring->out_cons) == ring->out_prod;
}

/*
 * Wait until done() or the timeout.  xenconsoled signals the port after
 * it consumed output; poll it in slices in case a signal is missed.
 */
static int wait_for(int (*done)(void), uint64_t timeout_ns)
{
    uint64_t now, end;
    int masked, rc = 0;
    unsigned int i;

    if ( !shared_info )
    {
        /* Failed before events were set up: no clock, no polling. */
        for ( i = 0; i < 100000 && !done(); i++ )
            hyp_sched_op(SCHEDOP_yield, NULL);
        return done() ? 0 : -1;
    }

    masked = events_mask();
    now = time_now_ns();
    end = now + timeout_ns;

    for ( ; ; )
    {
        events_clear(ring_port);
        if ( done() )
            break;
        now = time_now_ns();
        if ( now >= end )
        {
            rc = -1;
            break;
        }
        events_poll(ring_port, now + POLL_SLICE_NS < end ?
                               now + POLL_SLICE_NS : end);
    }

    events_restore(masked);

    return rc;
}

static void publish(XENCONS_RING_IDX prod)
{
    wmb();                          /* data before the index */
    ring->out_prod = prod;
    events_notify(ring_port);
}

static int put(XENCONS_RING_IDX *prod, char c)
{
    while ( *prod - ACCESS_ONCE(ring->out_cons) >= sizeof(ring->out) )
    {
        publish(*prod);
        if ( wait_for(ring_has_room, ROOM_TIMEOUT_NS) )
        {
            ring_dead = 1;
            return -1;
        }
    }

    ring->out[MASK_XENCONS_IDX((*prod)++, ring->out)] = c;

    return 0;
}

/* Without a ring: Xen's own console (prints on debug hypervisors only). */
static void emergency_write(const char *s, size_t len)
{
    hyp_console_io(CONSOLEIO_write, (unsigned int)len, s);
}

void console_write(const char *s, size_t len)
{
    XENCONS_RING_IDX prod;
    size_t i;

    if ( !ring )
    {
        emergency_write(s, len);
        return;
    }
    if ( ring_dead )
        return;

    prod = ring->out_prod;
    for ( i = 0; i < len; i++ )
    {
        /* A terminal wants "\r\n"; scripts strip the "\r". */
        if ( (s[i] == '\n' && put(&prod, '\r')) || put(&prod, s[i]) )
            return;
    }
    publish(prod);
}

void printk(const char *fmt, ...)
{
    static char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = rt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);

    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

int console_flush(uint64_t timeout_ns)
{
    if ( !ring || ring_dead )
        return -1;

    return wait_for(ring_empty, timeout_ns);
}

void shutdown(unsigned int reason)
{
    static const char lost[] = "natsume-rtos: console not drained\n";
    struct sched_shutdown sd = { .reason = reason };

    if ( console_flush(FLUSH_TIMEOUT_NS) )
        emergency_write(lost, sizeof(lost) - 1);

    hyp_sched_op(SCHEDOP_shutdown, &sd);

    /* Not reached unless Xen refused: stay parked. */
    for ( ; ; )
        hyp_sched_op(SCHEDOP_block, NULL);
}

void panic(const char *fmt, ...)
{
    static char buf[256];
    va_list ap;

    va_start(ap, fmt);
    rt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);

    printk("natsume-rtos: FATAL: %s\n", buf);
    shutdown(SHUTDOWN_crash);
}
