/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mode=probe: an unprivileged guest tries, through the hypercalls
 * themselves, what only the control domain or the timer's holder may do,
 * and prints what Xen answered, one line each:
 *
 *   PROBE <what>: rc=<n> (<error name>)[, more]
 *
 * - XEN_SYSCTL_natsume_op (status) and XEN_DOMCTL_natsume_op (bind,
 *   unbind; on itself and on opts->target);
 * - EVTCHNOP_bind_virq of VIRQ_NATSUME_TIMER, then how many of its events
 *   arrive while another domain may hold the PIT;
 * - "in" and "out" on the PIT's ports 0x40-0x43, without and with a
 *   virtual IOPL of 3 (PHYSDEVOP_set_iopl);
 * - IRQ 0: PHYSDEVOP_irq_status_query, EVTCHNOP_bind_pirq,
 *   PHYSDEVOP_map_pirq.
 */
#define __XEN_TOOLS__ 1     /* domctl.h and sysctl.h are for tools */

#include <arch/cpu.h>
#include <arch/hypercall.h>
#include <arch/io.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/format.h"
#include "rtos/lib.h"
#include "rtos/probe.h"
#include "rtos/time.h"
#include "rtos/traps.h"

#include <public/domctl.h>
#include <public/physdev.h>
#include <public/sysctl.h>

#define PROBE_WAIT_NS   2000000000ULL

#define PIT_CH0         0x40
#define PIT_MODE        0x43

static void show(const char *what, long rc)
{
    printk("PROBE %s: rc=%ld (%s)\n", what, rc, rc ? xen_errname(rc) : "ok");
}

/* Our own domain id: an unbound port for DOMID_SELF says it. */
static long own_domid(void)
{
    struct evtchn_alloc_unbound alloc = {
        .dom = DOMID_SELF, .remote_dom = DOMID_SELF,
    };
    struct evtchn_status st = { .dom = DOMID_SELF };
    struct evtchn_close close;
    long rc;

    rc = hyp_event_channel_op(EVTCHNOP_alloc_unbound, &alloc);
    if ( rc )
        return rc;
    st.port = alloc.port;
    rc = hyp_event_channel_op(EVTCHNOP_status, &st);
    close.port = alloc.port;
    hyp_event_channel_op(EVTCHNOP_close, &close);

    return rc ? rc : st.u.unbound.dom;
}

static long natsume_domctl(uint32_t cmd, uint32_t domid)
{
    static struct xen_domctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_natsume_op;
    op.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    op.domain = domid;
    op.u.natsume_op.cmd = cmd;
    op.u.natsume_op.source = XEN_NATSUME_SOURCE_PIT;
    op.u.natsume_op.cpu = 1;
    op.u.natsume_op.vcpu = 0;
    op.u.natsume_op.period_ns = 1000000;

    return hyp_domctl(&op);
}

static long natsume_sysctl(void)
{
    static struct xen_sysctl op;
    static xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_natsume_op;
    op.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    op.u.natsume_op.nr_sources = XEN_NATSUME_NR_SOURCES;
    set_xen_guest_handle(op.u.natsume_op.status, st);

    return hyp_sysctl(&op);
}

static void probe_control_ops(uint32_t self, uint32_t target)
{
    char what[64];

    show("sysctl natsume status", natsume_sysctl());
    show("domctl natsume bind self", natsume_domctl(XEN_DOMCTL_NATSUME_bind,
                                                    self));
    rt_snprintf(what, sizeof(what), "domctl natsume bind domain %u", target);
    show(what, natsume_domctl(XEN_DOMCTL_NATSUME_bind, target));
    rt_snprintf(what, sizeof(what), "domctl natsume unbind domain %u",
                target);
    show(what, natsume_domctl(XEN_DOMCTL_NATSUME_unbind, target));
    show("domctl natsume unbind self",
         natsume_domctl(XEN_DOMCTL_NATSUME_unbind, self));
}

/*
 * VIRQ_NATSUME_TIMER is per-vCPU: a domain binds it on its own vCPUs only.
 * Whoever holds the PIT, its ticks go to the holder's vCPU, never here.
 */
static void probe_virq(void)
{
    struct evtchn_bind_virq bind = { .virq = VIRQ_NATSUME_TIMER, .vcpu = 0 };
    struct evtchn_bind_virq bind1 = { .virq = VIRQ_NATSUME_TIMER, .vcpu = 1 };
    struct evtchn_close close;
    uint64_t end;
    unsigned int events = 0;
    long rc;

    rc = hyp_event_channel_op(EVTCHNOP_bind_virq, &bind);
    show("bind_virq VIRQ_NATSUME_TIMER vcpu 0", rc);
    if ( !rc )
    {
        /* Masked: poll the port for a while and count what comes. */
        events_mask();
        end = time_now_ns() + PROBE_WAIT_NS;
        while ( time_now_ns() < end )
        {
            events_poll(bind.port, end);
            if ( events_take(bind.port) )
                events++;
        }
        events_restore(1);
        printk("PROBE VIRQ_NATSUME_TIMER events in %llu ms: %u\n",
               (unsigned long long)(PROBE_WAIT_NS / 1000000), events);
        close.port = bind.port;
        hyp_event_channel_op(EVTCHNOP_close, &close);
    }

    show("bind_virq VIRQ_NATSUME_TIMER vcpu 1 (none)",
         hyp_event_channel_op(EVTCHNOP_bind_virq, &bind1));
}

/* One "in" or "out": the value read, or the fault it raised. */
static void show_io(const char *what, long r)
{
    if ( r < 0 )
        printk("PROBE %s: fault %d\n", what, trap_caught);
    else
        printk("PROBE %s: done, value 0x%lx\n", what, r);
}

static void probe_ports(void)
{
    struct physdev_set_iopl iopl = { .iopl = 3 };

    trap_caught = -1;
    show_io("inb 0x40", arch_try_inb(PIT_CH0));
    trap_caught = -1;
    /* Channel 0, mode 0, count 0: would stop the holder's ticks. */
    show_io("outb 0x43", arch_try_outb(PIT_MODE, 0x30));

    /*
     * Xen gives any PV guest a virtual IOPL; it does not give ports: those
     * the domain has no access to read all ones and ignore writes.
     */
    show("physdev set_iopl 3", hyp_physdev_op(PHYSDEVOP_set_iopl, &iopl));
    trap_caught = -1;
    show_io("inb 0x40 with iopl 3", arch_try_inb(PIT_CH0));
    trap_caught = -1;
    show_io("outb 0x43 with iopl 3", arch_try_outb(PIT_MODE, 0x30));
    trap_caught = -1;
    show_io("outb 0x40 with iopl 3", arch_try_outb(PIT_CH0, 0));
    iopl.iopl = 0;
    hyp_physdev_op(PHYSDEVOP_set_iopl, &iopl);
}

static void probe_irq0(void)
{
    struct physdev_irq_status_query q = { .irq = 0 };
    struct evtchn_bind_pirq bind = { .pirq = 0 };
    struct physdev_map_pirq map = {
        .domid = DOMID_SELF, .type = MAP_PIRQ_TYPE_GSI, .index = 0,
        .pirq = 0,
    };
    long rc;

    rc = hyp_physdev_op(PHYSDEVOP_irq_status_query, &q);
    printk("PROBE physdev irq_status_query irq 0: rc=%ld (%s), flags 0x%x\n",
           rc, rc ? xen_errname(rc) : "ok", rc ? 0 : q.flags);
    show("evtchn bind_pirq 0", hyp_event_channel_op(EVTCHNOP_bind_pirq,
                                                    &bind));
    show("physdev map_pirq gsi 0", hyp_physdev_op(PHYSDEVOP_map_pirq, &map));
}

void probe_run(const struct rtos_opts *opts)
{
    long self = own_domid();

    if ( self < 0 )
    {
        show("own domid", self);
        return;
    }
    printk("PROBE domid: %ld, target %u\n", self, opts->target);

    probe_control_ops(self, opts->target);
    probe_virq();
    probe_ports();
    probe_irq0();
    printk("PROBE done\n");
}
