/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * natsume-fuzz: throw random and boundary arguments at XEN_DOMCTL_natsume_op
 * and XEN_SYSCTL_natsume_op and check each answer against what the
 * interface (public/natsume.h) promises.  A test tool for dom0.
 *
 *   natsume-fuzz [-s SEED] [-n CALLS] [-p DOMID] [-o CPU]
 *
 *   -s SEED   seed of the generator (default 20121129); same seed, same calls
 *   -n CALLS  hypercalls to make (default 3000)
 *   -p DOMID  a live domain holding the PIT: never unbind it
 *   -o CPU    take CPU offline for the run (and back online after)
 *
 * Hypercalls go through libxencall with buffers of our own, so that any
 * value reaches Xen: wrong interface versions, reserved domain ids, unknown
 * sub-ops, garbage in the unused part of the union, bad status handles.
 * Handles given to Xen are only ever our own buffers or addresses that no
 * guest may write (NULL, unmapped, read-only, Xen's range, non-canonical).
 *
 * A bind that succeeds must be one the interface allows; it is unbound at
 * once.  Output is "key: value" lines; exit status 1 when any answer was
 * not the expected one or a source (the PIT, HPET comparators) is not left
 * as found.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xenctrl.h>
#include <xencall.h>

#define MAX_DOMS        64
#define MAX_CPUS        256
#define MAX_ERRNO       256
#define MAX_REPORTS     20
/* Room for every source, and then some. */
#define STATUS_SLOTS    (XEN_NATSUME_NR_SOURCES + 2)
#define NR_SOURCES      XEN_NATSUME_NR_SOURCES

/* xorshift64*: small, and the same sequence on every machine. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t pick(const uint64_t *v, size_t n)
{
    return v[rnd() % n];
}

#define PICK(a) pick(a, sizeof(a) / sizeof((a)[0]))

/* What the host has, and who holds each source. */
static struct {
    unsigned int nr_doms;
    uint16_t domid[MAX_DOMS];
    unsigned int nr_vcpus[MAX_DOMS];
    unsigned int nr_cpu_ids;
    bool online[MAX_CPUS];
    uint32_t reserved;      /* bitmap from the sysctl */
    bool bound[NR_SOURCES];
    uint16_t holder[NR_SOURCES];
    uint32_t cpu[NR_SOURCES];
} host;

static xc_interface *xch;
static xencall_handle *xcall;
static struct xen_domctl *dbuf;
static struct xen_sysctl *sbuf;
static xen_natsume_status_t *status_buf;   /* STATUS_SLOTS, hypercall memory */
static uint8_t *pages;                      /* our odd pages, see map_pages */
static long page_size;

/* Tallies. */
static unsigned long calls, domctls, sysctls, oks, mismatches, unexpected_ok;
static unsigned long valid_binds, unbind_fail, bad_output;
static unsigned long by_errno[MAX_ERRNO];
static unsigned int reports;

static const char *errno_name(int e)
{
    switch ( e )
    {
    case 0:          return "ok";
    case EPERM:      return "EPERM";
    case ENOENT:     return "ENOENT";
    case ESRCH:      return "ESRCH";
    case EFAULT:     return "EFAULT";
    case EBUSY:      return "EBUSY";
    case ENODEV:     return "ENODEV";
    case EINVAL:     return "EINVAL";
    case EACCES:     return "EACCES";
    case ENOSYS:     return "ENOSYS";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default:         return NULL;
    }
}

static void print_errno(const char *key, int e)
{
    const char *n = errno_name(e);

    if ( n )
        printf("%s%s", key, n);
    else
        printf("%sE%d", key, e);
}

static int find_dom(uint16_t domid)
{
    unsigned int i;

    for ( i = 0; i < host.nr_doms; i++ )
        if ( host.domid[i] == domid )
            return i;
    return -1;
}

static bool cpu_online(uint32_t cpu)
{
    return cpu < host.nr_cpu_ids && cpu < MAX_CPUS && host.online[cpu];
}

static int read_host(void)
{
    xc_domaininfo_t info[MAX_DOMS];
    xc_cputopo_t topo[MAX_CPUS];
    unsigned int nr = MAX_CPUS, i;
    int n;

    n = xc_domain_getinfolist(xch, 0, MAX_DOMS, info);
    if ( n < 0 )
        return -1;
    host.nr_doms = n;
    for ( i = 0; i < (unsigned int)n; i++ )
    {
        host.domid[i] = info[i].domain;
        host.nr_vcpus[i] = info[i].max_vcpu_id + 1;
    }

    if ( xc_cputopoinfo(xch, &nr, topo) )
        return -1;
    host.nr_cpu_ids = nr;
    for ( i = 0; i < nr && i < MAX_CPUS; i++ )
        host.online[i] = topo[i].core != XEN_INVALID_CORE_ID;

    return 0;
}

/* Raw hypercalls: 0 or the positive errno. */
static int domctl(void)
{
    return xencall1(xcall, __HYPERVISOR_domctl, (uintptr_t)dbuf) ? errno : 0;
}

static int sysctl(void)
{
    return xencall1(xcall, __HYPERVISOR_sysctl, (uintptr_t)sbuf) ? errno : 0;
}

static void tally(int got, int want)
{
    calls++;
    if ( got == 0 )
        oks++;
    else
        by_errno[got < MAX_ERRNO ? got : MAX_ERRNO - 1]++;
    if ( got != want )
    {
        mismatches++;
        if ( got == 0 )
            unexpected_ok++;
    }
}

static void report(const char *what, int got, int want)
{
    if ( reports++ >= MAX_REPORTS )
        return;
    printf("mismatch: %s", what);
    print_errno(" got=", got);
    print_errno(" want=", want);
    printf("\n");
}

/* The PIT's actual period for a requested one, as public/natsume.h says. */
static uint64_t pit_period(uint64_t ns)
{
    uint64_t c = (ns * XEN_NATSUME_PIT_HZ + 500000000ULL) / 1000000000ULL;

    return (c * 1000000000ULL + XEN_NATSUME_PIT_HZ / 2) / XEN_NATSUME_PIT_HZ;
}

/* Whether a bound source has its interrupt on cpu. */
static bool cpu_bound(uint32_t cpu)
{
    unsigned int i;

    for ( i = 0; i < NR_SOURCES; i++ )
        if ( host.bound[i] && host.cpu[i] == cpu )
            return true;
    return false;
}

/* Unbind what a valid bind of ours took; a plain, correct domctl. */
static void undo_bind(uint16_t domid, uint32_t source)
{
    memset(dbuf, 0, sizeof(*dbuf));
    dbuf->cmd = XEN_DOMCTL_natsume_op;
    dbuf->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    dbuf->domain = domid;
    dbuf->u.natsume_op.cmd = XEN_DOMCTL_NATSUME_unbind;
    dbuf->u.natsume_op.source = source;
    calls++;
    domctls++;
    if ( domctl() )
    {
        unbind_fail++;
        printf("error: unbind of domain %u after a valid bind: %s\n", domid,
               strerror(errno));
        return;
    }
    oks++;
    host.bound[source] = false;
}

/* The arguments of one natsume domctl. */
struct domctl_args {
    uint32_t version;
    uint16_t domid;
    uint32_t cmd, source, cpu, vcpu;
    uint64_t period;
};

/* Random and boundary arguments, mostly valid so that calls get deep. */
static void choose_domctl(struct domctl_args *a)
{
    static const uint64_t domids[] = {
        DOMID_FIRST_RESERVED, DOMID_SELF, DOMID_IO, DOMID_XEN, DOMID_COW,
        DOMID_INVALID, DOMID_IDLE, DOMID_IDLE - 1, 0x7FF5, 0x7FFE, 0x8000,
        0xFFFF, 0x7FEF, 1, 2, 4242,
    };
    static const uint64_t cmds[] = {
        XEN_DOMCTL_NATSUME_bind, XEN_DOMCTL_NATSUME_unbind, 2, 3, 0x7FFFFFFF,
        0x80000000, 0xFFFFFFFF,
    };
    static const uint64_t sources[] = {
        XEN_NATSUME_SOURCE_PIT, XEN_NATSUME_SOURCE_HPET(0),
        XEN_NATSUME_SOURCE_HPET(1), XEN_NATSUME_SOURCE_HPET(2),
        XEN_NATSUME_SOURCE_HPET(XEN_NATSUME_HPET_COMPARATORS - 1),
        XEN_NATSUME_NR_SOURCES, 0x80000000, 0xFFFFFFFF,
    };
    static const uint64_t cpus_big[] = {
        63, 64, 255, 256, 4095, 4096, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
    };
    static const uint64_t vcpus[] = {
        0, 1, 2, 127, 128, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
    };
    static const uint64_t periods[] = {
        0, 1, 999, 99999, XEN_NATSUME_PIT_MIN_NS, XEN_NATSUME_PIT_MIN_NS + 1,
        1000000, 999847, XEN_NATSUME_PIT_MAX_NS - 1, XEN_NATSUME_PIT_MAX_NS,
        XEN_NATSUME_PIT_MAX_NS + 1, 54925000, 55000000,
        XEN_NATSUME_HPET_MAX_NS - 1, XEN_NATSUME_HPET_MAX_NS,
        XEN_NATSUME_HPET_MAX_NS + 1,
        UINT32_MAX, (uint64_t)UINT32_MAX + 1, 15460000000000ULL,
        INT64_MAX, (uint64_t)INT64_MAX + 1, UINT64_MAX,
    };

    a->version = XEN_DOMCTL_INTERFACE_VERSION;
    if ( rnd() % 16 == 0 )
        a->version = rnd() % 2 ? a->version + 1 - 2 * (rnd() % 2)
                               : (uint32_t)rnd();
    switch ( rnd() % 4 )
    {
    case 0:
        a->domid = PICK(domids);
        break;
    case 1:
        a->domid = rnd();
        break;
    default:
        a->domid = host.domid[rnd() % host.nr_doms];
        break;
    }
    a->cmd = rnd() % 8 ? rnd() % 2
                       : (rnd() % 2 ? PICK(cmds) : (uint32_t)rnd());
    a->source = rnd() % 4 ? rnd() % 4 /* the PIT, HPET comparators 0-2 */
                          : (rnd() % 2 ? PICK(sources) : (uint32_t)rnd());
    switch ( rnd() % 4 )
    {
    case 0:
        a->cpu = PICK(cpus_big);
        break;
    case 1:
        a->cpu = rnd() % 2 ? host.nr_cpu_ids : (uint32_t)rnd();
        break;
    default:
        a->cpu = rnd() % (host.nr_cpu_ids + 1);
        break;
    }
    a->vcpu = rnd() % 2 ? PICK(vcpus)
                        : (rnd() % 4 ? rnd() % 4 : (uint32_t)rnd());
    a->period = rnd() % 4 ? PICK(periods) : rnd() >> (rnd() % 64);
}

/*
 * What public/natsume.h says the call gets on this host: 0 or the errno,
 * and for a valid bind the actual period in *period.
 */
static int domctl_expect(const struct domctl_args *a, uint64_t *period)
{
    int d = find_dom(a->domid);
    bool pit;

    if ( a->version != XEN_DOMCTL_INTERFACE_VERSION )
        return EACCES;
    if ( d < 0 )
        return ESRCH;
    if ( a->cmd != XEN_DOMCTL_NATSUME_bind &&
         a->cmd != XEN_DOMCTL_NATSUME_unbind )
        return EOPNOTSUPP;
    uint64_t min, max;

    if ( a->source >= NR_SOURCES )
        return EINVAL;
    if ( !(host.reserved & (1U << a->source)) )
        return ENODEV;
    if ( a->cmd == XEN_DOMCTL_NATSUME_unbind )
        return host.bound[a->source] && host.holder[a->source] == a->domid
               ? 0 : ENOENT;
    if ( host.bound[a->source] || cpu_bound(a->cpu) )
        return EBUSY;
    pit = a->source == XEN_NATSUME_SOURCE_PIT;
    min = pit ? XEN_NATSUME_PIT_MIN_NS : XEN_NATSUME_HPET_MIN_NS;
    max = pit ? XEN_NATSUME_PIT_MAX_NS : XEN_NATSUME_HPET_MAX_NS;
    if ( !cpu_online(a->cpu) || a->vcpu >= host.nr_vcpus[d] ||
         a->period < min || a->period > max )
        return EINVAL;
    /* An HPET's clock is Xen's to know: checked within half a count. */
    *period = pit ? pit_period(a->period) : a->period;
    return 0;
}

/* Make the call, check its answer and output; undo a bind. */
static void check_domctl(const struct domctl_args *a, int want,
                         uint64_t want_period)
{
    char what[200];
    int got;

    memset(dbuf, 0, sizeof(*dbuf));
    /* Garbage in the union beyond natsume_op, now and then. */
    if ( rnd() % 4 == 0 )
    {
        uint8_t *p = (uint8_t *)&dbuf->u;
        size_t i;

        for ( i = sizeof(dbuf->u.natsume_op); i < sizeof(dbuf->u); i++ )
            p[i] = rnd();
    }
    dbuf->cmd = XEN_DOMCTL_natsume_op;
    dbuf->interface_version = a->version;
    dbuf->domain = a->domid;
    dbuf->u.natsume_op.cmd = a->cmd;
    dbuf->u.natsume_op.source = a->source;
    dbuf->u.natsume_op.cpu = a->cpu;
    dbuf->u.natsume_op.vcpu = a->vcpu;
    dbuf->u.natsume_op.period_ns = a->period;

    domctls++;
    got = domctl();
    tally(got, want);
    snprintf(what, sizeof(what),
             "domctl version=%#x domid=%#x cmd=%#x source=%#x cpu=%#x "
             "vcpu=%#x period_ns=%" PRIu64, a->version, a->domid, a->cmd,
             a->source, a->cpu, a->vcpu, a->period);
    if ( got != want )
        report(what, got, want);

    if ( got == 0 && a->cmd == XEN_DOMCTL_NATSUME_bind )
    {
        uint64_t actual = dbuf->u.natsume_op.period_ns;
        /* An HPET counts at 10 MHz at least: 50 ns off at most. */
        uint64_t slack = a->source == XEN_NATSUME_SOURCE_PIT ? 0 : 50;

        host.bound[a->source] = true;
        host.holder[a->source] = a->domid;
        host.cpu[a->source] = a->cpu;
        if ( want == 0 )
        {
            valid_binds++;
            if ( actual + slack < want_period || actual > want_period + slack )
            {
                bad_output++;
                printf("bad output: %s: actual period %" PRIu64
                       ", want %" PRIu64 "\n", what,
                       (uint64_t)dbuf->u.natsume_op.period_ns, want_period);
            }
        }
        undo_bind(a->domid, a->source);
    }
    else if ( got == 0 && a->cmd == XEN_DOMCTL_NATSUME_unbind )
        host.bound[a->source] = false;
}

static void fuzz_domctl(uint16_t protect, bool have_protect)
{
    struct domctl_args a;
    uint64_t want_period = 0;
    int want;

    choose_domctl(&a);
    want = domctl_expect(&a, &want_period);
    /* The live domain keeps its binding. */
    if ( have_protect && want == 0 && a.cmd == XEN_DOMCTL_NATSUME_unbind &&
         a.domid == protect )
        return;
    check_domctl(&a, want, want_period);
}

/*
 * Our odd pages: [0] read/write, [1] none, [2] read-only.  A status entry
 * ending exactly at the end of page 0 fits; one crossing into page 1
 * does not.
 */
static int map_pages(void)
{
    pages = mmap(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if ( pages == MAP_FAILED )
        return -1;
    memset(pages, 0, 3 * page_size);
    if ( mlock(pages, page_size) ||
         mprotect(pages + page_size, page_size, PROT_NONE) ||
         mprotect(pages + 2 * page_size, page_size, PROT_READ) )
        return -1;
    return 0;
}

enum handle_kind {
    H_BUF, H_BUF_ODD, H_PAGE_END, H_NULL, H_LOW, H_NONE, H_READONLY,
    H_SHORT, H_XEN, H_NONCANON, H_NONCANON_HIGH, NR_HANDLES,
};

static const char *const handle_names[NR_HANDLES] = {
    "buf", "buf+1", "page-end", "null", "low", "prot-none", "read-only",
    "short", "xen", "non-canonical", "non-canonical-high",
};

/* Address of a handle kind, and how many entries fit there. */
static uint64_t handle_addr(enum handle_kind k, unsigned int *fit)
{
    size_t sz = sizeof(xen_natsume_status_t);

    *fit = 0;
    switch ( k )
    {
    case H_BUF:
        *fit = STATUS_SLOTS;
        return (uintptr_t)status_buf;
    case H_BUF_ODD:
        *fit = STATUS_SLOTS - 1;
        return (uintptr_t)status_buf + 1;
    case H_PAGE_END:
        *fit = 1;
        return (uintptr_t)pages + page_size - sz;
    case H_NULL:
        return 0;
    case H_LOW:
        return 0x1000;
    case H_NONE:
        return (uintptr_t)pages + page_size;
    case H_READONLY:
        return (uintptr_t)pages + 2 * page_size;
    case H_SHORT:
        return (uintptr_t)pages + page_size - sz / 2;
    case H_XEN:
        return 0xffff830000000000ULL;
    case H_NONCANON:
        return 0x0000800000000000ULL;
    case H_NONCANON_HIGH:
        return 0x8000000000000000ULL;
    case NR_HANDLES:
        break;
    }
    return 0;
}

static bool status_entry_ok(const xen_natsume_status_t *st, unsigned int i)
{
    bool reserved = host.reserved & (1U << i);

    if ( st->source != i || st->pad || st->pad2 ||
         (st->flags & ~(XEN_NATSUME_RESERVED | XEN_NATSUME_BOUND |
                        XEN_NATSUME_STATS)) ||
         !(st->flags & XEN_NATSUME_RESERVED) != !reserved ||
         !(st->flags & XEN_NATSUME_BOUND) != !host.bound[i] )
        return false;
    return !host.bound[i] || st->domid == host.holder[i];
}

static void fuzz_sysctl(void)
{
    static const uint64_t counts[] = {
        0, 1, 2, STATUS_SLOTS, STATUS_SLOTS + 1, 0x7FFFFFFF, 0x80000000,
        0xFFFFFFFF,
    };
    uint32_t version = XEN_SYSCTL_INTERFACE_VERSION;
    uint32_t nr, reserved_in = rnd();
    enum handle_kind k = rnd() % NR_HANDLES;
    unsigned int fit, n, i;
    uint64_t addr = handle_addr(k, &fit);
    size_t sz = sizeof(xen_natsume_status_t);
    uint8_t *out = (uint8_t *)(uintptr_t)addr;
    int want, got;
    char what[160];

    if ( rnd() % 16 == 0 )
        version = rnd() % 2 ? version + 1 - 2 * (rnd() % 2) : (uint32_t)rnd();
    nr = rnd() % 4 ? PICK(counts) : (uint32_t)rnd();
    n = nr < XEN_NATSUME_NR_SOURCES ? nr : XEN_NATSUME_NR_SOURCES;

    if ( version != XEN_SYSCTL_INTERFACE_VERSION )
        want = EACCES;
    else
        want = n > fit ? EFAULT : 0;

    if ( fit )
        memset(out, 0xa5, fit * sz);

    memset(sbuf, 0, sizeof(*sbuf));
    sbuf->cmd = XEN_SYSCTL_natsume_op;
    sbuf->interface_version = version;
    sbuf->u.natsume_op.nr_sources = nr;
    sbuf->u.natsume_op.reserved = reserved_in;
    sbuf->u.natsume_op.status.p = (void *)(uintptr_t)addr;

    sysctls++;
    got = sysctl();
    tally(got, want);
    snprintf(what, sizeof(what),
             "sysctl version=%#x nr_sources=%#x reserved=%#x status=%s",
             version, nr, reserved_in, handle_names[k]);
    if ( got != want )
        report(what, got, want);
    if ( got )
        return;

    /* Xen says how many sources it has, what it reserved, fills n entries. */
    if ( sbuf->u.natsume_op.nr_sources != XEN_NATSUME_NR_SOURCES ||
         sbuf->u.natsume_op.reserved != host.reserved )
    {
        bad_output++;
        printf("bad output: %s: nr_sources %u reserved %#x\n", what,
               sbuf->u.natsume_op.nr_sources, sbuf->u.natsume_op.reserved);
    }
    for ( i = 0; i < n; i++ )
    {
        xen_natsume_status_t st;

        memcpy(&st, out + i * sz, sz);
        if ( !status_entry_ok(&st, i) )
        {
            bad_output++;
            printf("bad output: %s: entry %u\n", what, i);
        }
    }
    for ( i = n * sz; i < fit * sz; i++ )
    {
        if ( out[i] != 0xa5 )
        {
            bad_output++;
            printf("bad output: %s: byte %u past the entries written\n",
                   what, i);
            break;
        }
    }
}

/* The sources as Xen reports them, with a plain status call. */
static int read_sources(void)
{
    unsigned int i;

    memset(sbuf, 0, sizeof(*sbuf));
    sbuf->cmd = XEN_SYSCTL_natsume_op;
    sbuf->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    sbuf->u.natsume_op.nr_sources = NR_SOURCES;
    sbuf->u.natsume_op.status.p = status_buf;
    if ( sysctl() )
        return -1;
    host.reserved = sbuf->u.natsume_op.reserved;
    for ( i = 0; i < NR_SOURCES; i++ )
    {
        host.bound[i] = status_buf[i].flags & XEN_NATSUME_BOUND;
        host.holder[i] = status_buf[i].domid;
        host.cpu[i] = status_buf[i].cpu;
    }
    return 0;
}

/* "bound_before: 3 5": the holder of each bound source, or "none". */
static void print_bound(const char *key)
{
    unsigned int i;
    bool any = false;

    printf("%s:", key);
    for ( i = 0; i < NR_SOURCES; i++ )
        if ( host.bound[i] )
        {
            printf(" %u", host.holder[i]);
            any = true;
        }
    printf("%s\n", any ? "" : " none");
}

static int usage(void)
{
    fprintf(stderr, "usage: natsume-fuzz [-s SEED] [-n CALLS] [-p DOMID] "
            "[-o CPU]\n");
    return 2;
}

int main(int argc, char *argv[])
{
    uint64_t seed = 20121129;
    unsigned long n = 3000, i;
    uint16_t protect = 0;
    bool have_protect = false, before_bound[NR_SOURCES];
    uint16_t before_holder[NR_SOURCES];
    int offline = -1, opt, rc = 0;

    while ( (opt = getopt(argc, argv, "s:n:p:o:")) != -1 )
    {
        switch ( opt )
        {
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'n': n = strtoul(optarg, NULL, 0); break;
        case 'p': protect = strtoul(optarg, NULL, 0); have_protect = true; break;
        case 'o': offline = atoi(optarg); break;
        default:  return usage();
        }
    }
    if ( optind != argc )
        return usage();

    rng_state = seed ? seed : 1;
    page_size = sysconf(_SC_PAGESIZE);

    xch = xc_interface_open(NULL, NULL, 0);
    xcall = xencall_open(NULL, 0);
    if ( !xch || !xcall )
    {
        perror("natsume-fuzz: open");
        return 1;
    }
    dbuf = xencall_alloc_buffer(xcall, sizeof(*dbuf));
    sbuf = xencall_alloc_buffer(xcall, sizeof(*sbuf));
    status_buf = xencall_alloc_buffer(xcall,
                                      STATUS_SLOTS * sizeof(*status_buf));
    if ( !dbuf || !sbuf || !status_buf || map_pages() )
    {
        perror("natsume-fuzz: buffers");
        return 1;
    }

    if ( offline >= 0 )
    {
        if ( xc_cpu_offline(xch, offline) )
        {
            perror("natsume-fuzz: cpu offline");
            return 1;
        }
        printf("offline_cpu: %d\n", offline);
    }

    if ( read_host() || read_sources() )
    {
        perror("natsume-fuzz: host");
        return 1;
    }
    /* Xen's CPU topology still lists a CPU that is present but offline. */
    if ( offline >= 0 && offline < MAX_CPUS )
        host.online[offline] = false;
    memcpy(before_bound, host.bound, sizeof(before_bound));
    memcpy(before_holder, host.holder, sizeof(before_holder));

    printf("seed: %" PRIu64 "\n", seed);
    printf("domains:");
    for ( i = 0; i < host.nr_doms; i++ )
        printf(" %u(%u vcpus)", host.domid[i], host.nr_vcpus[i]);
    printf("\ncpus:");
    for ( i = 0; i < host.nr_cpu_ids && i < MAX_CPUS; i++ )
        printf(" %lu%s", i, host.online[i] ? "" : "(offline)");
    printf("\nreserved:");
    for ( i = 0; i < NR_SOURCES; i++ )
    {
        if ( !(host.reserved & (1U << i)) )
            continue;
        if ( i == XEN_NATSUME_SOURCE_PIT )
            printf(" pit");
        else
            printf(" hpet%lu", i - XEN_NATSUME_SOURCE_HPET(0));
    }
    printf("%s\n", host.reserved ? "" : " none");
    print_bound("bound_before");
    if ( have_protect &&
         (!host.bound[XEN_NATSUME_SOURCE_PIT] ||
          host.holder[XEN_NATSUME_SOURCE_PIT] != protect) )
    {
        printf("error: domain %u does not hold the PIT\n", protect);
        return 1;
    }

    for ( i = 0; calls < n; i++ )
    {
        if ( rnd() % 4 )
            fuzz_domctl(protect, have_protect);
        else
            fuzz_sysctl();
    }

    if ( offline >= 0 && xc_cpu_online(xch, offline) )
    {
        perror("natsume-fuzz: cpu online");
        rc = 1;
    }

    printf("calls: %lu\n", calls);
    printf("domctl: %lu\n", domctls);
    printf("sysctl: %lu\n", sysctls);
    for ( i = 0; i < MAX_ERRNO; i++ )
    {
        if ( !by_errno[i] )
            continue;
        print_errno("errno ", i);
        printf(": %lu\n", by_errno[i]);
    }
    printf("ok: %lu\n", oks);
    printf("valid_binds: %lu\n", valid_binds);
    printf("unexpected_ok: %lu\n", unexpected_ok);
    printf("mismatches: %lu\n", mismatches);
    printf("bad_output: %lu\n", bad_output);
    printf("unbind_failures: %lu\n", unbind_fail);

    /* The sources as we found them. */
    if ( read_sources() )
    {
        perror("natsume-fuzz: status");
        return 1;
    }
    print_bound("bound_after");
    for ( i = 0; i < NR_SOURCES; i++ )
        if ( host.bound[i] != before_bound[i] ||
             (host.bound[i] && host.holder[i] != before_holder[i]) )
        {
            printf("error: source %lu is not left as found\n", i);
            rc = 1;
        }

    if ( mismatches || bad_output || unbind_fail )
        rc = 1;
    printf("result: %s\n", rc ? "FAIL" : "PASS");

    xencall_close(xcall);
    xc_interface_close(xch);

    return rc;
}
