/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of libxl-ext/natsume_logic.c: checking the rtos_* keys of a
 * domain config against the host, the choice and names of Xen's sources,
 * and the PIT's period arithmetic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "natsume_logic.h"

/* A 2-CPU host booted with natsume=pit, dom0 pinned to CPU 0, PIT free. */
static enum natsume_cpu_state two_cpus[] = {
    NATSUME_CPU_POOL0, NATSUME_CPU_POOL0,
};

static struct natsume_host host2(void)
{
    struct natsume_host h = {
        .nr_cpus = 2,
        .cpu_state = two_cpus,
        .pool0_cpus = 2,
        .dom0_only_cpu = 0,
        .reserved = 1U << NATSUME_SOURCE_PIT,
    };

    return h;
}

/* bind_source: source bound in h to domain domid (name) on CPU cpu. */
static void bind_source(struct natsume_host *h, unsigned int source,
                        int domid, const char *name, int cpu)
{
    h->bound |= 1U << source;
    h->binding[source].domid = domid;
    h->binding[source].name = name;
    h->binding[source].cpu = cpu;
}

static struct natsume_keys hpet_keys(int cpu)
{
    struct natsume_keys k = {
        .timer = NATSUME_TIMER_HPET, .cpu = cpu, .period_us = 0, .vcpus = 1,
        .type = "pv",
    };

    return k;
}

/* pick: the source chosen for k on h, or -1 with the message in err. */
static int pick(struct natsume_keys k, struct natsume_host h,
                const char **msg)
{
    static char err[512];
    int rc;

    err[0] = '\0';
    rc = natsume_pick_source(&k, &h, err, sizeof(err));
    assert_true(rc >= 0 ? !err[0] : !!err[0]);
    *msg = err;
    return rc;
}

static struct natsume_keys pit_keys(int cpu)
{
    struct natsume_keys k = {
        .timer = NATSUME_TIMER_PIT, .cpu = cpu, .period_us = 0, .vcpus = 1,
        .type = "pv",
    };

    return k;
}

/* check: the message for keys k on host h ("" when they are fine). */
static const char *check(struct natsume_keys k, struct natsume_host h)
{
    static char err[256];
    int rc;

    err[0] = '\0';
    rc = natsume_check_keys(&k, &h, err, sizeof(err));
    assert_int_equal(rc, err[0] ? -1 : 0);
    return err;
}

static void test_divisor_and_period(void **state)
{
    (void)state;
    /* The paper: 1 ms with the PIT's 1.193182 MHz clock is 0.999847 ms. */
    assert_int_equal(natsume_pit_divisor(1000000), 1193);
    assert_int_equal(natsume_pit_period_ns(1193), 999847);
    /* Rounding to the nearest count, both ways. */
    assert_int_equal(natsume_pit_divisor(500000), 597);     /* 596.591 */
    assert_int_equal(natsume_pit_period_ns(597), 500343);   /* 500342.8 */
    assert_int_equal(natsume_pit_divisor(100000), 119);     /* 119.318 */
    assert_int_equal(natsume_pit_period_ns(119), 99733);
    assert_int_equal(natsume_pit_divisor(54900000), 65506); /* 65505.69 */
    assert_int_equal(natsume_pit_divisor(10000000), 11932); /* 11931.82 */
    assert_int_equal(natsume_pit_period_ns(11932), 10000151);
    assert_int_equal(natsume_pit_divisor(0), 0);
}

static void test_period_default(void **state)
{
    struct natsume_keys k = pit_keys(1);

    (void)state;
    assert_int_equal(natsume_keys_period_ns(&k), 1000000);
    k.period_us = 250;
    assert_int_equal(natsume_keys_period_ns(&k), 250000);
}

static void test_timer_names(void **state)
{
    (void)state;
    assert_string_equal(natsume_timer_name(NATSUME_TIMER_XEN), "xen");
    assert_string_equal(natsume_timer_name(NATSUME_TIMER_PIT), "pit");
    assert_string_equal(natsume_timer_name(NATSUME_TIMER_HPET), "hpet");
    assert_null(natsume_timer_name(NATSUME_TIMER_NR));
}

/* Xen's source numbers: the PIT is 0, HPET comparator n is 1 + n. */
static void test_sources(void **state)
{
    char buf[NATSUME_SOURCE_NAME_LEN];
    uint64_t lo, hi;

    (void)state;
    assert_int_equal(natsume_source_timer(NATSUME_SOURCE_PIT),
                     NATSUME_TIMER_PIT);
    assert_int_equal(natsume_source_timer(1), NATSUME_TIMER_HPET);
    assert_int_equal(natsume_source_timer(NATSUME_SOURCE_HPET(30)),
                     NATSUME_TIMER_HPET);
    assert_int_equal(natsume_source_timer(NATSUME_NR_SOURCES),
                     NATSUME_TIMER_XEN);
    assert_int_equal(natsume_source_timer(UINT32_MAX), NATSUME_TIMER_XEN);

    assert_string_equal(natsume_source_name(0, buf, sizeof(buf)), "pit");
    assert_string_equal(natsume_source_name(1, buf, sizeof(buf)), "hpet0");
    assert_string_equal(natsume_source_name(NATSUME_SOURCE_HPET(2), buf,
                                            sizeof(buf)), "hpet2");
    assert_string_equal(natsume_source_name(31, buf, sizeof(buf)),
                        "hpet30");
    assert_string_equal(natsume_source_name(32, buf, sizeof(buf)),
                        "source32");
    assert_string_equal(natsume_source_name(UINT32_MAX, buf, sizeof(buf)),
                        "source4294967295");
    /* Truncated, never overrun. */
    assert_string_equal(natsume_source_name(31, buf, 4), "hpe");

    assert_int_equal(natsume_timer_sources(NATSUME_TIMER_XEN), 0);
    assert_int_equal(natsume_timer_sources(NATSUME_TIMER_PIT), 1);
    assert_int_equal(natsume_timer_sources(NATSUME_TIMER_HPET), 0xfffffffe);
    assert_int_equal(natsume_timer_sources(NATSUME_TIMER_NR), 0);

    assert_int_equal(natsume_timer_range(NATSUME_TIMER_PIT, &lo, &hi), 0);
    assert_int_equal(lo, 100000);
    assert_int_equal(hi, 54900000);
    assert_int_equal(natsume_timer_range(NATSUME_TIMER_HPET, &lo, &hi), 0);
    assert_int_equal(lo, 100000);
    assert_int_equal(hi, 1000000000);
    assert_int_equal(natsume_timer_range(NATSUME_TIMER_XEN, &lo, &hi), -1);
}

static void test_good_keys(void **state)
{
    struct natsume_keys k = pit_keys(1);
    struct natsume_keys x = { .timer = NATSUME_TIMER_XEN, .cpu = -1,
                              .vcpus = 4 };

    (void)state;
    assert_string_equal(check(k, host2()), "");
    k.period_us = 100;
    assert_string_equal(check(k, host2()), "");
    k.period_us = 54900;
    assert_string_equal(check(k, host2()), "");
    /* rtos_timer="xen" needs nothing of the host. */
    assert_string_equal(check(x, (struct natsume_host){ 0 }), "");
}

static void test_keys_alone(void **state)
{
    struct natsume_keys k = pit_keys(-1);
    struct natsume_keys x = { .timer = NATSUME_TIMER_XEN, .cpu = 1,
                              .vcpus = 1 };

    (void)state;
    assert_string_equal(check(k, host2()),
                        "rtos_timer=\"pit\": rtos_cpu is required "
                        "(the physical CPU for this domain alone)");
    k = pit_keys(1);
    k.vcpus = 2;
    assert_string_equal(check(k, host2()),
                        "vcpus=2: rtos_timer=\"pit\" needs a domain with "
                        "exactly one vCPU");
    k = pit_keys(1);
    k.type = "pvh";
    assert_string_equal(check(k, host2()),
                        "type=\"pvh\": rtos_timer=\"pit\" needs a PV domain "
                        "(type=\"pv\")");
    k.type = NULL;
    assert_string_equal(check(k, host2()), "");
    k = pit_keys(1);
    k.soft_reset = 1;
    assert_string_equal(check(k, host2()),
                        "on_soft_reset=\"soft-reset\": Xen resets only HVM "
                        "domains in place, and rtos_timer=\"pit\" needs a PV "
                        "domain; use \"restart\" (the default with "
                        "rtos_timer) or \"destroy\"");
    k = pit_keys(1);
    k.pool = "rt";
    assert_string_equal(check(k, host2()),
                        "pool=\"rt\": rtos_timer=\"pit\" puts the domain in "
                        "a cpupool of its own; leave pool unset");
    k = pit_keys(1);
    k.period_us = 99;
    assert_string_equal(check(k, host2()),
                        "rtos_timer_period_us=99: the PIT can do "
                        "100-54900 us");
    k.period_us = 54901;
    assert_string_equal(check(k, host2()),
                        "rtos_timer_period_us=54901: the PIT can do "
                        "100-54900 us");
    assert_string_equal(check(x, host2()),
                        "rtos_cpu=1: only with rtos_timer=\"pit\" or "
                        "\"hpet\"");
    x.cpu = -1;
    x.period_us = 500;
    assert_string_equal(check(x, host2()),
                        "rtos_timer_period_us=500: only with "
                        "rtos_timer=\"pit\" or \"hpet\"");
}

/*
 * The keys live in build_info's PV part: xl refuses them for another type
 * before storing them, with the message libxl would give.
 */
static void test_type(void **state)
{
    struct natsume_keys k = pit_keys(1);
    char err[256];

    (void)state;
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), 0);
    k.type = NULL;
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), 0);
    k.type = "hvm";
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), -1);
    assert_string_equal(err, "type=\"hvm\": rtos_timer=\"pit\" needs a PV "
                        "domain (type=\"pv\")");
    k.timer = NATSUME_TIMER_XEN;
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), -1);
    assert_string_equal(err, "type=\"hvm\": rtos_cpu and rtos_timer_period_us "
                        "are only for a PV domain with rtos_timer=\"pit\" "
                        "or \"hpet\"");
    k.cpu = -1;
    k.period_us = 500;
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), -1);
    /* Nothing asked for: any type is fine. */
    k.period_us = 0;
    assert_int_equal(natsume_check_type(&k, err, sizeof(err)), 0);
}

static void test_source(void **state)
{
    struct natsume_host h = host2();

    (void)state;
    h.reserved = 0;
    assert_string_equal(check(pit_keys(1), h),
                        "rtos_timer=\"pit\": Xen has not reserved the PIT "
                        "(boot option natsume=pit; if given, \"xl dmesg\" "
                        "says why it was dropped)");
    h = host2();
    bind_source(&h, NATSUME_SOURCE_PIT, 3, "rtos1", 1);
    assert_string_equal(check(pit_keys(1), h),
                        "rtos_timer=\"pit\": the PIT is already bound to "
                        "domain \"rtos1\" (id 3)");
    /* HPET comparators reserved do not make the PIT reserved. */
    h = host2();
    h.reserved = 1U << NATSUME_SOURCE_HPET(2);
    assert_string_equal(check(pit_keys(1), h),
                        "rtos_timer=\"pit\": Xen has not reserved the PIT "
                        "(boot option natsume=pit; if given, \"xl dmesg\" "
                        "says why it was dropped)");
}

static void test_hpet_period(void **state)
{
    struct natsume_keys k = hpet_keys(1);
    struct natsume_host h = host2();

    (void)state;
    h.reserved = 1U << NATSUME_SOURCE_HPET(2);
    assert_string_equal(check(k, h), "");
    k.period_us = 100;
    assert_string_equal(check(k, h), "");
    /* Beyond the PIT's 54.9 ms. */
    k.period_us = 1000000;
    assert_string_equal(check(k, h), "");
    k.period_us = 99;
    assert_string_equal(check(k, h),
                        "rtos_timer_period_us=99: an HPET comparator can do "
                        "100-1000000 us");
    k.period_us = 1000001;
    assert_string_equal(check(k, h),
                        "rtos_timer_period_us=1000001: an HPET comparator "
                        "can do 100-1000000 us");
    /* The other checks name "hpet" as the PIT's name "pit". */
    k = hpet_keys(-1);
    assert_string_equal(check(k, h),
                        "rtos_timer=\"hpet\": rtos_cpu is required "
                        "(the physical CPU for this domain alone)");
    k = hpet_keys(1);
    k.vcpus = 2;
    assert_string_equal(check(k, h),
                        "vcpus=2: rtos_timer=\"hpet\" needs a domain with "
                        "exactly one vCPU");
}

static void test_hpet_source(void **state)
{
    struct natsume_host h = host2();
    const char *msg;

    (void)state;
    /* Only the PIT reserved. */
    assert_string_equal(check(hpet_keys(1), h),
                        "rtos_timer=\"hpet\": Xen has reserved no HPET "
                        "comparator (boot option natsume=hpet or "
                        "natsume=hpet:N; if given, \"xl dmesg\" says why "
                        "it was dropped)");
    h.reserved = 0;
    assert_int_equal(pick(hpet_keys(1), h, &msg), -1);
    assert_string_equal(msg, check(hpet_keys(1), h));

    /* The lowest-numbered reserved, free comparator. */
    h = host2();
    h.reserved |= 1U << NATSUME_SOURCE_HPET(2) |
                  1U << NATSUME_SOURCE_HPET(3);
    assert_int_equal(pick(hpet_keys(1), h, &msg), NATSUME_SOURCE_HPET(2));
    assert_int_equal(pick(pit_keys(1), h, &msg), NATSUME_SOURCE_PIT);
    bind_source(&h, NATSUME_SOURCE_HPET(2), 3, "rt-a", 0);
    assert_int_equal(pick(hpet_keys(1), h, &msg), NATSUME_SOURCE_HPET(3));
    assert_string_equal(check(hpet_keys(1), h), "");
    /* The PIT bound leaves the comparators free. */
    h.bound = 0;
    bind_source(&h, NATSUME_SOURCE_PIT, 4, "rtos", 0);
    assert_int_equal(pick(hpet_keys(1), h, &msg), NATSUME_SOURCE_HPET(2));

    /* All bound: every holder named. */
    h = host2();
    h.reserved |= 1U << NATSUME_SOURCE_HPET(2) |
                  1U << NATSUME_SOURCE_HPET(3);
    bind_source(&h, NATSUME_SOURCE_HPET(2), 3, "rt-a", 0);
    bind_source(&h, NATSUME_SOURCE_HPET(3), 5, "rt-b", 0);
    assert_string_equal(check(hpet_keys(1), h),
                        "rtos_timer=\"hpet\": every reserved HPET comparator "
                        "is bound: hpet2 to domain 3 (rt-a), hpet3 to domain "
                        "5 (rt-b)");
    h.binding[NATSUME_SOURCE_HPET(3)].name = NULL;
    assert_string_equal(check(hpet_keys(1), h),
                        "rtos_timer=\"hpet\": every reserved HPET comparator "
                        "is bound: hpet2 to domain 3 (rt-a), hpet3 to domain "
                        "5 (?)");
    /* A comparator bound but not reserved (no such thing) is not named. */
    bind_source(&h, NATSUME_SOURCE_HPET(7), 9, "x", 0);
    assert_string_equal(check(hpet_keys(1), h),
                        "rtos_timer=\"hpet\": every reserved HPET comparator "
                        "is bound: hpet2 to domain 3 (rt-a), hpet3 to domain "
                        "5 (?)");
    /* "xen" has no source to pick. */
    {
        struct natsume_keys x = { .timer = NATSUME_TIMER_XEN, .cpu = -1 };

        assert_int_equal(pick(x, h, &msg), -1);
    }
}

/* All 31 comparators bound: the message is cut to its buffer. */
static void test_hpet_all_bound_truncated(void **state)
{
    struct natsume_keys k = hpet_keys(1);
    struct natsume_host h = host2();
    char err[100], big[1024];
    unsigned int n;

    (void)state;
    for ( n = 0; n < NATSUME_HPET_COMPARATORS; n++ )
    {
        h.reserved |= 1U << NATSUME_SOURCE_HPET(n);
        bind_source(&h, NATSUME_SOURCE_HPET(n), 10 + n, "rt", 0);
    }
    memset(err, 'x', sizeof(err));
    assert_int_equal(natsume_check_keys(&k, &h, err, sizeof(err)), -1);
    assert_int_equal(strlen(err), sizeof(err) - 1);
    /* libxl's buffer holds them all. */
    assert_int_equal(natsume_check_keys(&k, &h, big, sizeof(big)), -1);
    assert_true(strlen(big) < sizeof(big) - 1);
    assert_memory_equal(big, "rtos_timer=\"hpet\": every reserved HPET "
                        "comparator is bound: hpet0 to domain 10 (rt), hpet1 "
                        "to domain 11 (rt), ", 100);
    assert_string_equal(big + strlen(big) - 50,
                        "hpet29 to domain 39 (rt), hpet30 to domain 40 (rt)");
    assert_int_equal(natsume_check_keys(&k, &h, err, 1), -1);
    assert_string_equal(err, "");
}

/* Several real-time domains: one CPU each. */
static void test_cpu_of_other_binding(void **state)
{
    static enum natsume_cpu_state four[] = {
        NATSUME_CPU_POOL0, NATSUME_CPU_OTHER_POOL, NATSUME_CPU_POOL0,
        NATSUME_CPU_POOL0,
    };
    static const char *const pools[] = { "Pool-0", "natsume-cpu1", "Pool-0",
                                         "Pool-0" };
    struct natsume_host h = host2();
    const char *msg;

    (void)state;
    h.nr_cpus = 4;
    h.cpu_state = four;
    h.cpu_pool = pools;
    h.pool0_cpus = 3;
    h.reserved |= 1U << NATSUME_SOURCE_HPET(2) |
                  1U << NATSUME_SOURCE_HPET(3);
    bind_source(&h, NATSUME_SOURCE_PIT, 3, "rtos", 1);
    /* Named before its cpupool: the binding is what holds the CPU. */
    assert_string_equal(check(hpet_keys(1), h),
                        "rtos_cpu=1: CPU 1 already has pit, bound to domain "
                        "\"rtos\" (id 3); each real-time domain needs a CPU "
                        "of its own");
    assert_int_equal(pick(hpet_keys(1), h, &msg), -1);
    /* Another CPU is fine, and then another. */
    assert_string_equal(check(hpet_keys(2), h), "");
    bind_source(&h, NATSUME_SOURCE_HPET(2), 5, "rt-b", 2);
    four[2] = NATSUME_CPU_OTHER_POOL;
    h.pool0_cpus = 2;
    h.dom0_only_cpu = 3;
    assert_string_equal(check(hpet_keys(3), h), "rtos_cpu=3: CPU 3 is the "
                        "only CPU dom0 may run on");
    h.dom0_only_cpu = -1;
    assert_int_equal(pick(hpet_keys(3), h, &msg), NATSUME_SOURCE_HPET(3));
    h.pool0_cpus = 1;
    assert_string_equal(check(hpet_keys(3), h), "rtos_cpu=3: CPU 3 is the "
                        "last CPU of Pool-0");
    h.pool0_cpus = 3;
    assert_string_equal(check(hpet_keys(3), h), "");
    assert_string_equal(check(hpet_keys(2), h),
                        "rtos_cpu=2: CPU 2 already has hpet2, bound to "
                        "domain \"rt-b\" (id 5); each real-time domain "
                        "needs a CPU of its own");
    /* The PIT freed, its CPU bound elsewhere: the CPU still counts. */
    h.bound &= ~(1U << NATSUME_SOURCE_PIT);
    bind_source(&h, NATSUME_SOURCE_HPET(3), 7, NULL, 0);
    assert_string_equal(check(pit_keys(0), h),
                        "rtos_cpu=0: CPU 0 already has hpet3, bound to "
                        "domain \"?\" (id 7); each real-time domain needs a "
                        "CPU of its own");
    four[2] = NATSUME_CPU_POOL0;
}

static void test_cpu(void **state)
{
    static enum natsume_cpu_state four[] = {
        NATSUME_CPU_POOL0, NATSUME_CPU_OTHER_POOL, NATSUME_CPU_OFFLINE,
        NATSUME_CPU_FREE,
    };
    static const char *const pools[] = { "Pool-0", "natsume-cpu1", NULL,
                                         NULL };
    struct natsume_host h = host2();

    (void)state;
    assert_string_equal(check(pit_keys(7), h),
                        "rtos_cpu=7: host has CPUs 0-1");
    assert_string_equal(check(pit_keys(2), h),
                        "rtos_cpu=2: host has CPUs 0-1");
    assert_string_equal(check(pit_keys(0), h),
                        "rtos_cpu=0: CPU 0 is the only CPU dom0 may run on");
    h.dom0_only_cpu = -1;
    assert_string_equal(check(pit_keys(0), h), "");

    h = host2();
    h.pool0_cpus = 1;
    assert_string_equal(check(pit_keys(1), h),
                        "rtos_cpu=1: CPU 1 is the last CPU of Pool-0");

    h = host2();
    h.nr_cpus = 4;
    h.cpu_state = four;
    h.cpu_pool = pools;
    h.pool0_cpus = 1;
    assert_string_equal(check(pit_keys(1), h),
                        "rtos_cpu=1: CPU 1 is already dedicated "
                        "(cpupool \"natsume-cpu1\")");
    assert_string_equal(check(pit_keys(2), h),
                        "rtos_cpu=2: CPU 2 is offline (online: 0-1,3)");
    /* A CPU in no cpupool is free to take. */
    assert_string_equal(check(pit_keys(3), h), "");
    assert_string_equal(check(pit_keys(4), h),
                        "rtos_cpu=4: host has CPUs 0-1,3");
}

static void test_format_cpus(void **state)
{
    static enum natsume_cpu_state s[] = {
        NATSUME_CPU_OFFLINE, NATSUME_CPU_POOL0, NATSUME_CPU_POOL0,
        NATSUME_CPU_OFFLINE, NATSUME_CPU_FREE,
    };
    struct natsume_host h = { .nr_cpus = 5, .cpu_state = s };
    char buf[32];

    (void)state;
    natsume_format_cpus(&h, buf, sizeof(buf));
    assert_string_equal(buf, "1-2,4");
    h.nr_cpus = 1;
    natsume_format_cpus(&h, buf, sizeof(buf));
    assert_string_equal(buf, "none");
    /* Truncated, never overrun. */
    h.nr_cpus = 5;
    natsume_format_cpus(&h, buf, 3);
    assert_int_equal(strlen(buf), 2);
}

static void test_truncated_message(void **state)
{
    struct natsume_keys k = pit_keys(7);
    struct natsume_host h = host2();
    char err[10];

    (void)state;
    assert_int_equal(natsume_check_keys(&k, &h, err, sizeof(err)), -1);
    assert_string_equal(err, "rtos_cpu=");
}

/* xl's reading of the keys' text. */
static void test_parse_keys(void **state)
{
    struct natsume_keys k;
    char err[256];

    (void)state;
    assert_int_equal(natsume_parse_keys(NULL, NULL, NULL, &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.timer, NATSUME_TIMER_XEN);
    assert_int_equal(k.cpu, -1);
    assert_int_equal(k.period_us, 0);

    assert_int_equal(natsume_parse_keys("pit", "1", "1000", &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.timer, NATSUME_TIMER_PIT);
    assert_int_equal(k.cpu, 1);
    assert_int_equal(k.period_us, 1000);

    /* As libxl's enumerations and xl's other numbers read. */
    assert_int_equal(natsume_parse_keys("PIT", "0x2", "010", &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.timer, NATSUME_TIMER_PIT);
    assert_int_equal(k.cpu, 2);
    assert_int_equal(k.period_us, 8);

    assert_int_equal(natsume_parse_keys("hpet", "3", "100000", &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.timer, NATSUME_TIMER_HPET);
    assert_int_equal(k.cpu, 3);
    assert_int_equal(k.period_us, 100000);
    assert_int_equal(natsume_parse_keys("HPet", NULL, NULL, &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.timer, NATSUME_TIMER_HPET);

    /* A source's name is not a kind: the kind is asked for, not one. */
    assert_int_equal(natsume_parse_keys("hpet2", NULL, NULL, &k, err,
                                        sizeof(err)), -1);
    assert_string_equal(err,
                        "rtos_timer=\"hpet2\": allowed values are \"xen\", "
                        "\"pit\" and \"hpet\"");
    assert_int_equal(natsume_parse_keys(NULL, "-1", NULL, &k, err,
                                        sizeof(err)), -1);
    assert_string_equal(err, "rtos_cpu=-1: a physical CPU number (0, 1, ...) "
                        "is needed");
    assert_int_equal(natsume_parse_keys(NULL, "1x", NULL, &k, err,
                                        sizeof(err)), -1);
    assert_int_equal(natsume_parse_keys(NULL, "", NULL, &k, err,
                                        sizeof(err)), -1);
    assert_int_equal(natsume_parse_keys(NULL, "2147483648", NULL, &k, err,
                                        sizeof(err)), -1);
    assert_int_equal(natsume_parse_keys(NULL, NULL, "0", &k, err,
                                        sizeof(err)), -1);
    assert_string_equal(err, "rtos_timer_period_us=0: a period in "
                        "microseconds (1 or more) is needed");
    assert_int_equal(natsume_parse_keys(NULL, NULL, "4294967296", &k, err,
                                        sizeof(err)), -1);
    assert_int_equal(natsume_parse_keys(NULL, NULL, "4294967295", &k, err,
                                        sizeof(err)), 0);
    assert_int_equal(k.period_us, 4294967295U);
}

/*
 * A number too big for a long was once taken as no key at all (strtol's
 * ERANGE slipped past the check): rtos_timer_period_us silently became
 * the default 1000 us, rtos_cpu "not given".
 */
static void test_parse_keys_overflow(void **state)
{
    struct natsume_keys k;
    char err[256];

    (void)state;
    assert_int_equal(natsume_parse_keys("pit", "99999999999999999999",
                                        NULL, &k, err, sizeof(err)), -1);
    assert_string_equal(err, "rtos_cpu=99999999999999999999: a physical CPU "
                        "number (0, 1, ...) is needed");
    assert_int_equal(natsume_parse_keys("pit", "1", "99999999999999999999",
                                        &k, err, sizeof(err)), -1);
    assert_int_equal(natsume_parse_keys("pit", "1", "-99999999999999999999",
                                        &k, err, sizeof(err)), -1);
}

static void test_isqrt_and_hist(void **state)
{
    (void)state;
    assert_int_equal(natsume_isqrt(0), 0);
    assert_int_equal(natsume_isqrt(1), 1);
    assert_int_equal(natsume_isqrt(15), 3);
    assert_int_equal(natsume_isqrt(16), 4);
    assert_int_equal(natsume_isqrt(1000000), 1000);
    assert_int_equal(natsume_isqrt(UINT64_MAX), 4294967295ULL);
    assert_int_equal(natsume_hist_low_ns(0), 0);
    assert_int_equal(natsume_hist_low_ns(1), 128);
    assert_int_equal(natsume_hist_low_ns(14), 1048576);
    assert_int_equal(natsume_hist_low_ns(15), 2097152);
}

/* state_of: the state of a binding whose source ticks (last tick now). */
static enum natsume_state state_of(const struct natsume_dom_state *d,
                                   uint64_t undelivered_run,
                                   enum natsume_fate last_fate)
{
    struct natsume_tick_state t = {
        .undelivered_run = undelivered_run, .last_fate = last_fate,
        .age_ns = 0, .period_ns = 1000000,
    };

    return natsume_binding_state(d, &t);
}

static void test_binding_state(void **state)
{
    struct natsume_dom_state run = { 0 }, d;

    (void)state;
    /* A running guest: the last ticks decide. */
    assert_int_equal(state_of(&run, 0, NATSUME_FATE_NONE),
                     NATSUME_STATE_WAITING);
    assert_int_equal(state_of(&run, 0, NATSUME_FATE_DELIVERED),
                     NATSUME_STATE_TICKING);
    /* One tick taken late is not a stall. */
    assert_int_equal(state_of(&run, 1, NATSUME_FATE_PENDING),
                     NATSUME_STATE_TICKING);
    assert_int_equal(state_of(&run, NATSUME_STALL_TICKS,
                              NATSUME_FATE_PENDING),
                     NATSUME_STATE_PENDING);
    assert_int_equal(state_of(&run, 1000, NATSUME_FATE_NO_PORT),
                     NATSUME_STATE_NO_PORT);
    assert_int_equal(state_of(&run, 5,
                              NATSUME_FATE_NOT_RUNNING),
                     NATSUME_STATE_NOT_RUNNING);

    /* The domain's own state comes first, in this order. */
    d = run;
    d.paused = 1;
    assert_int_equal(state_of(&d, 0, NATSUME_FATE_DELIVERED),
                     NATSUME_STATE_PAUSED);
    d.shutdown = 1;
    assert_int_equal(state_of(&d, 9, NATSUME_FATE_NOT_RUNNING),
                     NATSUME_STATE_SHUTDOWN);
    d.crashed = 1;
    assert_int_equal(state_of(&d, 9, NATSUME_FATE_NOT_RUNNING),
                     NATSUME_STATE_CRASHED);
    d.dying = 1;
    assert_int_equal(state_of(&d, 9, NATSUME_FATE_NOT_RUNNING),
                     NATSUME_STATE_DYING);
    d = run;
    d.gone = 1;
    assert_int_equal(state_of(&d, 0, NATSUME_FATE_DELIVERED),
                     NATSUME_STATE_DYING);

    /* No tick for more than ten periods: the source stopped. */
    {
        struct natsume_tick_state t = {
            .undelivered_run = 0, .last_fate = NATSUME_FATE_DELIVERED,
            .age_ns = 10 * 1000000, .period_ns = 1000000,
        };

        assert_int_equal(natsume_binding_state(&run, &t),
                         NATSUME_STATE_TICKING);
        t.age_ns = 10 * 1000000 + 10;
        assert_int_equal(natsume_binding_state(&run, &t),
                         NATSUME_STATE_STALLED);
        /* Before any tick too; even for a paused or crashed domain. */
        t.last_fate = NATSUME_FATE_NONE;
        d = run;
        d.paused = d.crashed = d.shutdown = 1;
        assert_int_equal(natsume_binding_state(&d, &t),
                         NATSUME_STATE_STALLED);
        d.dying = 1;
        assert_int_equal(natsume_binding_state(&d, &t), NATSUME_STATE_DYING);
        /* Without a period there is nothing to compare with. */
        t.period_ns = 0;
        assert_int_equal(natsume_binding_state(&run, &t),
                         NATSUME_STATE_WAITING);
    }

    assert_string_equal(natsume_state_text(NATSUME_STATE_TICKING), "ticking");
    assert_string_equal(natsume_state_text(NATSUME_STATE_STALLED),
                        "stalled: the source stopped ticking");
    assert_string_equal(natsume_state_text(NATSUME_STATE_PENDING),
                        "pending: guest not taking ticks");
    assert_string_equal(natsume_state_text(NATSUME_STATE_CRASHED), "crashed");
    assert_null(natsume_state_text((enum natsume_state)99));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divisor_and_period),
        cmocka_unit_test(test_period_default),
        cmocka_unit_test(test_timer_names),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_good_keys),
        cmocka_unit_test(test_keys_alone),
        cmocka_unit_test(test_type),
        cmocka_unit_test(test_source),
        cmocka_unit_test(test_hpet_period),
        cmocka_unit_test(test_hpet_source),
        cmocka_unit_test(test_hpet_all_bound_truncated),
        cmocka_unit_test(test_cpu_of_other_binding),
        cmocka_unit_test(test_cpu),
        cmocka_unit_test(test_format_cpus),
        cmocka_unit_test(test_truncated_message),
        cmocka_unit_test(test_parse_keys),
        cmocka_unit_test(test_parse_keys_overflow),
        cmocka_unit_test(test_isqrt_and_hist),
        cmocka_unit_test(test_binding_state),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
