/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * natsume-ctl: bind the PIT reserved with natsume=pit to a domain, unbind
 * it, or show what Xen reports about it.  A test tool for dom0.
 *
 *   natsume-ctl bind DOMID CPU PERIOD_US [VCPU]
 *   natsume-ctl unbind DOMID
 *   natsume-ctl status
 *   natsume-ctl peek DOMID COUNT
 *   natsume-ctl apic-write APIC_PHYSBASE REG VALUE
 *
 * peek reads vCPU 0's context COUNT times: each read pauses the vCPU for a
 * moment (XEN_DOMCTL_getvcpucontext), as debuggers and monitors do.
 * apic-write writes an IO-APIC register as a hardware domain may
 * (PHYSDEVOP_apic_write): Linux does not, other dom0 kernels do.
 *
 * Output is one "key: value" per line.  On failure the last line is
 * "error: NAME (message)" with NAME the errno name, and the exit status 1.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xencall.h>
#include <xenctrl.h>
#include <xen/physdev.h>

static const char *errno_name(int e)
{
    switch ( e )
    {
    case ENODEV: return "ENODEV";
    case EBUSY:  return "EBUSY";
    case EINVAL: return "EINVAL";
    case ESRCH:  return "ESRCH";
    case ENOENT: return "ENOENT";
    case EPERM:  return "EPERM";
    case EACCES: return "EACCES";
    case ENOSYS: return "ENOSYS";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default:     return "E?";
    }
}

static int fail(const char *what)
{
    int e = errno;

    fprintf(stderr, "natsume-ctl: %s: %s\n", what, strerror(e));
    printf("error: %s (%s)\n", errno_name(e), strerror(e));
    return 1;
}

static int parse_u32(const char *s, uint32_t *v)
{
    char *end;
    unsigned long l;

    errno = 0;
    l = strtoul(s, &end, 0);
    if ( errno || end == s || *end || l > UINT32_MAX )
        return -1;
    *v = l;
    return 0;
}

static void print_status(const xen_natsume_status_t *st)
{
    const xen_natsume_stats_t *s = &st->stats;
    unsigned int i;

    printf("source: %s\n",
           st->source == XEN_NATSUME_SOURCE_PIT ? "pit" : "?");
    printf("reserved: %s\n", st->flags & XEN_NATSUME_RESERVED ? "yes" : "no");
    printf("bound: %s\n", st->flags & XEN_NATSUME_BOUND ? "yes" : "no");
    printf("irq: %u\n", st->irq);
    if ( !(st->flags & XEN_NATSUME_STATS) )
        return;

    printf("domid: %u\n", st->domid);
    printf("vcpu: %u\n", st->vcpu);
    printf("cpu: %u\n", st->cpu);
    printf("count: %u\n", st->count);
    printf("requested_period_ns: %" PRIu64 "\n", st->req_period_ns);
    printf("period_ns: %" PRIu64 "\n", st->period_ns);
    printf("ticks: %" PRIu64 "\n", s->ticks);
    printf("delivered: %" PRIu64 "\n", s->delivered);
    printf("woken: %" PRIu64 "\n", s->woken);
    printf("no_port: %" PRIu64 "\n", s->no_port);
    printf("not_running: %" PRIu64 "\n", s->not_running);
    printf("pending: %" PRIu64 "\n", s->pending);
    printf("intervals: %" PRIu64 "\n", s->intervals);
    printf("interval_min_ns: %" PRIu64 "\n", s->interval_min_ns);
    printf("interval_mean_ns: %" PRIu64 "\n", s->interval_mean_ns);
    printf("interval_max_ns: %" PRIu64 "\n", s->interval_max_ns);
    printf("interval_var_ns2: %" PRIu64 "\n", s->interval_var_ns2);
    printf("late: %" PRIu64 "\n", s->late);
    printf("last_tick_ns: %" PRIu64 "\n", s->last_tick_ns);
    printf("last_tick_age_ns: %" PRIu64 "\n", s->last_tick_age_ns);
    printf("hist:");
    for ( i = 0; i < XEN_NATSUME_HIST_BUCKETS; i++ )
        printf(" %" PRIu64, s->hist[i]);
    printf("\n");
}

static int usage(void)
{
    fprintf(stderr,
            "usage: natsume-ctl bind DOMID CPU PERIOD_US [VCPU]\n"
            "       natsume-ctl unbind DOMID\n"
            "       natsume-ctl status\n"
            "       natsume-ctl peek DOMID COUNT\n"
            "       natsume-ctl apic-write APIC_PHYSBASE REG VALUE\n");
    return 2;
}

int main(int argc, char *argv[])
{
    xc_interface *xch;
    uint32_t domid, cpu, period_us, vcpu = 0;
    int rc = 0;

    if ( argc < 2 )
        return usage();

    xch = xc_interface_open(NULL, NULL, 0);
    if ( !xch )
        return fail("xc_interface_open");

    if ( !strcmp(argv[1], "bind") && (argc == 5 || argc == 6) )
    {
        uint64_t actual;

        if ( parse_u32(argv[2], &domid) || parse_u32(argv[3], &cpu) ||
             parse_u32(argv[4], &period_us) ||
             (argc == 6 && parse_u32(argv[5], &vcpu)) )
            rc = usage();
        else if ( xc_natsume_bind(xch, domid, XEN_NATSUME_SOURCE_PIT, cpu,
                                  vcpu, period_us * 1000ULL, &actual) )
            rc = fail("bind");
        else
            printf("period_ns: %" PRIu64 "\n", actual);
    }
    else if ( !strcmp(argv[1], "unbind") && argc == 3 )
    {
        if ( parse_u32(argv[2], &domid) )
            rc = usage();
        else if ( xc_natsume_unbind(xch, domid, XEN_NATSUME_SOURCE_PIT) )
            rc = fail("unbind");
    }
    else if ( !strcmp(argv[1], "status") && argc == 2 )
    {
        xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
        uint32_t nr = XEN_NATSUME_NR_SOURCES, reserved, i;

        if ( xc_natsume_status(xch, st, &nr, &reserved) )
            rc = fail("status");
        else
        {
            printf("reserved_sources:%s\n",
                   reserved & (1U << XEN_NATSUME_SOURCE_PIT) ? " pit" : "");
            for ( i = 0; i < nr && i < XEN_NATSUME_NR_SOURCES; i++ )
                print_status(&st[i]);
        }
    }
    else if ( !strcmp(argv[1], "peek") && argc == 4 )
    {
        vcpu_guest_context_any_t ctx;
        uint32_t count, i;

        if ( parse_u32(argv[2], &domid) || parse_u32(argv[3], &count) )
            rc = usage();
        for ( i = 0; !rc && i < count; i++ )
            if ( xc_vcpu_getcontext(xch, domid, 0, &ctx) )
                rc = fail("getvcpucontext");
        if ( !rc )
            printf("peeks: %" PRIu32 "\n", count);
    }
    else if ( !strcmp(argv[1], "apic-write") && argc == 5 )
    {
        xencall_handle *xcall = xencall_open(NULL, 0);
        struct physdev_apic *op = NULL;
        uint32_t base;

        if ( xcall )
            op = xencall_alloc_buffer(xcall, sizeof(*op));
        if ( !op )
            rc = fail("xencall");
        else if ( parse_u32(argv[2], &base) ||
                  parse_u32(argv[3], &op->reg) ||
                  parse_u32(argv[4], &op->value) )
            rc = usage();
        else
        {
            op->apic_physbase = base;   /* unsigned long in the ABI */
            if ( xencall2(xcall, __HYPERVISOR_physdev_op,
                          PHYSDEVOP_apic_write, (uintptr_t)op) )
                rc = fail("apic-write");
            else
                printf("apic-write: done\n");
        }
        if ( op )
            xencall_free_buffer(xcall, op);
        if ( xcall )
            xencall_close(xcall);
    }
    else
        rc = usage();

    xc_interface_close(xch);

    return rc;
}
