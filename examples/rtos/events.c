/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels (2-level ABI): shared_info mapping, the upcall handler,
 * VIRQ and physical IRQ binding, notification and polling.
 */
#include <arch/cpu.h>
#include <arch/hypercall.h>

#include "rtos/events.h"
#include "rtos/lib.h"
#include "rtos/mm.h"

/* Ports this guest handles: it binds up to four. */
#define EVENTS_MAX_PORTS 64
_Static_assert(EVENTS_MAX_PORTS <= BITS_PER_LONG, "one word of deferred ports");

extern char hypervisor_callback[], failsafe_callback[];

/* A page of our image whose mapping is replaced by shared_info. */
static char shared_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
shared_info_t *shared_info;

static evtchn_handler_t handlers[EVENTS_MAX_PORTS];
/* Ports whose handlers run outside the upcall, and which of them came. */
static unsigned long deferred_ports;
static unsigned long deferred_pending;

static vcpu_info_t *vcpu0(void)
{
    return &shared_info->vcpu_info[0];
}

int events_init(unsigned long shared_info_maddr)
{
    unsigned int i;
    long rc;

    rc = mm_map(shared_page, shared_info_maddr, MM_RAM);
    if ( rc )
        return (int)rc;
    shared_info = (shared_info_t *)shared_page;

    /* Only ports we bind get upcalls; the console port is polled. */
    for ( i = 0; i < ARRAY_SIZE(shared_info->evtchn_mask); i++ )
        shared_info->evtchn_mask[i] = ~0UL;

    return (int)hyp_set_callbacks((unsigned long)hypervisor_callback,
                                  (unsigned long)failsafe_callback, 0);
}

/*
 * Take a freshly bound port: its handler, whether it runs outside the
 * upcall, then unmask it.
 */
static int events_take_port(evtchn_port_t port, evtchn_handler_t fn,
                            int deferred)
{
    struct evtchn_unmask unmask = { .port = port };
    struct evtchn_close close = { .port = port };

    if ( port >= EVENTS_MAX_PORTS )
    {
        hyp_event_channel_op(EVTCHNOP_close, &close);
        return -XEN_ENOSPC;
    }

    handlers[port] = fn;
    if ( deferred )
        deferred_ports |= 1UL << port;

    /* Through Xen: it re-raises the upcall if the port is already set. */
    return (int)hyp_event_channel_op(EVTCHNOP_unmask, &unmask);
}

int events_bind_virq(uint32_t virq, evtchn_handler_t fn,
                     evtchn_port_t *port)
{
    struct evtchn_bind_virq bind = { .virq = virq, .vcpu = 0 };
    long rc;

    rc = hyp_event_channel_op(EVTCHNOP_bind_virq, &bind);
    if ( rc )
        return (int)rc;

    *port = bind.port;

    return events_take_port(bind.port, fn, 0);
}

int events_bind_pirq(uint32_t pirq, evtchn_handler_t fn,
                     evtchn_port_t *port)
{
    struct evtchn_bind_pirq bind = { .pirq = pirq, .flags = 0 };
    long rc;

    rc = hyp_event_channel_op(EVTCHNOP_bind_pirq, &bind);
    if ( rc )
        return (int)rc;

    *port = bind.port;

    return events_take_port(bind.port, fn, 1);
}

void events_run_deferred(void)
{
    unsigned long todo;

    while ( (todo = xchg_ulong(&deferred_pending, 0)) )
    {
        uint64_t tsc = rdtsc();

        while ( todo )
        {
            evtchn_port_t port = __builtin_ctzl(todo);

            todo &= todo - 1;
            if ( handlers[port] )
                handlers[port](port, tsc);
        }
    }
}

int events_deferred(void)
{
    return ACCESS_ONCE(deferred_pending) != 0;
}

void events_eoi_pirq(uint32_t pirq)
{
    struct physdev_eoi eoi = { .irq = pirq };

    hyp_physdev_op(PHYSDEVOP_eoi, &eoi);
}

void events_unbind(evtchn_port_t port)
{
    struct evtchn_close close = { .port = port };
    int masked;

    hyp_event_channel_op(EVTCHNOP_close, &close);
    if ( port >= EVENTS_MAX_PORTS )
        return;
    masked = events_mask();
    handlers[port] = NULL;
    deferred_ports &= ~(1UL << port);
    deferred_pending &= ~(1UL << port);
    events_restore(masked);
}

void events_notify(evtchn_port_t port)
{
    struct evtchn_send send = { .port = port };

    hyp_event_channel_op(EVTCHNOP_send, &send);
}

void events_clear(evtchn_port_t port)
{
    sync_clear_bit(port, shared_info->evtchn_pending);
}

int events_take(evtchn_port_t port)
{
    return sync_test_and_clear_bit(port, shared_info->evtchn_pending);
}

int events_pending(evtchn_port_t port)
{
    return test_bit(port, shared_info->evtchn_pending);
}

void events_mask_port(evtchn_port_t port)
{
    sync_set_bit(port, shared_info->evtchn_mask);
}

void events_poll(evtchn_port_t port, uint64_t deadline_ns)
{
    struct sched_poll poll = { .nr_ports = 1, .timeout = deadline_ns };

    set_xen_guest_handle(poll.ports, &port);
    hyp_sched_op(SCHEDOP_poll, &poll);
}

int events_mask(void)
{
    int old = vcpu0()->evtchn_upcall_mask;

    vcpu0()->evtchn_upcall_mask = 1;
    barrier();

    return old;
}

void events_restore(int masked)
{
    barrier();
    vcpu0()->evtchn_upcall_mask = masked;
    barrier();

    /* Something arrived while masked: any hypercall delivers it. */
    if ( !masked && ACCESS_ONCE(vcpu0()->evtchn_upcall_pending) )
        hyp_xen_version(XENVER_version, NULL);
}

void events_block(void)
{
    hyp_sched_op(SCHEDOP_block, NULL);
}

void do_event_upcall(void)
{
    vcpu_info_t *v = vcpu0();

    while ( ACCESS_ONCE(v->evtchn_upcall_pending) )
    {
        /*
         * First thing: the timestamp of what is pending now.  Read again
         * for each round: a handler's hypercall may raise a new event
         * (a timer armed in the past fires at once).
         */
        uint64_t tsc = rdtsc();
        unsigned long sel;

        v->evtchn_upcall_pending = 0;
        /* xchg is a full barrier: pending bits are read after it. */
        sel = xchg_ulong(&v->evtchn_pending_sel, 0);

        while ( sel )
        {
            unsigned int word = __builtin_ctzl(sel);
            unsigned long bits;

            sel &= sel - 1;
            bits = ACCESS_ONCE(shared_info->evtchn_pending[word]) &
                   ~ACCESS_ONCE(shared_info->evtchn_mask[word]);

            while ( bits )
            {
                evtchn_port_t port = word * BITS_PER_LONG +
                                     __builtin_ctzl(bits);

                bits &= bits - 1;
                sync_clear_bit(port, shared_info->evtchn_pending);
                if ( port >= EVENTS_MAX_PORTS || !handlers[port] )
                    continue;
                if ( deferred_ports & (1UL << port) )
                    deferred_pending |= 1UL << port;
                else
                    handlers[port](port, tsc);
            }
        }
    }
}
