/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fuzz target: libxl-ext/natsume_logic.c, the checks of the rtos_* keys
 * against the host, the choice and names of Xen's sources, xl's reading of
 * the keys' text, and the period arithmetic.  The input is cut into a host
 * (CPUs and their states, pools, the sources reserved and bound), a set of
 * keys, an error buffer size, the CPU of each bound source, and three
 * NUL-separated texts for the keys.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "natsume_logic.h"

#define MAX_CPUS 300

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Take n bytes (zeros past the end). */
static uint64_t take(const uint8_t **p, size_t *left, unsigned int n)
{
    uint64_t v = 0;
    unsigned int i;

    for ( i = 0; i < n; i++ )
    {
        v = (v << 8) | (*left ? **p : 0);
        if ( *left )
        {
            (*p)++;
            (*left)--;
        }
    }
    return v;
}

/* A message fits its buffer and is terminated. */
static void check_msg(const char *err, size_t len)
{
    if ( len && strnlen(err, len) == len )
        abort();
}

static void check_period(uint64_t ns)
{
    uint64_t div, actual, diff;

    if ( ns < NATSUME_PIT_MIN_NS || ns > NATSUME_PIT_MAX_NS )
        return;
    div = natsume_pit_divisor(ns);
    actual = natsume_pit_period_ns(div);
    /* The PIT's 16-bit counter, and within half a count of the request. */
    if ( div < 2 || div > 65535 )
        abort();
    diff = actual > ns ? actual - ns : ns - actual;
    if ( diff > NATSUME_NS_PER_S / NATSUME_PIT_HZ / 2 + 1 )
        abort();
}

/* Names and kinds of Xen's sources agree. */
static void check_source(unsigned int source)
{
    enum natsume_timer t = natsume_source_timer(source);
    char name[NATSUME_SOURCE_NAME_LEN], want[NATSUME_SOURCE_NAME_LEN];

    natsume_source_name(source, name, sizeof(name));
    if ( t == NATSUME_TIMER_PIT )
        snprintf(want, sizeof(want), "pit");
    else if ( t == NATSUME_TIMER_HPET )
        snprintf(want, sizeof(want), "hpet%u", source - 1);
    else
        snprintf(want, sizeof(want), "source%u", source);
    if ( strcmp(name, want) ||
         (source < NATSUME_NR_SOURCES && t == NATSUME_TIMER_XEN) ||
         (source >= NATSUME_NR_SOURCES && t != NATSUME_TIMER_XEN) ||
         (source < NATSUME_NR_SOURCES &&
          !(natsume_timer_sources(t) & (1U << source))) )
        abort();
}

/*
 * The source natsume_pick_source() chose for k: the lowest-numbered
 * reserved, free one of k's kind, no bound source on k's CPU.
 */
static void check_pick(const struct natsume_keys *k,
                       const struct natsume_host *h, int s)
{
    uint32_t avail = h->reserved & ~h->bound &
                     natsume_timer_sources(k->timer);
    unsigned int i;

    if ( s < 0 || s >= (int)NATSUME_NR_SOURCES ||
         !(avail & (1U << s)) || (avail & ((1U << s) - 1)) ||
         natsume_source_timer(s) != k->timer )
        abort();
    for ( i = 0; i < NATSUME_NR_SOURCES; i++ )
        if ( (h->bound & (1U << i)) && h->binding[i].cpu == k->cpu )
            abort();
}

static void check_host(const uint8_t *data, size_t size)
{
    const uint8_t *p = data;
    size_t left = size;
    enum natsume_cpu_state state[MAX_CPUS];
    const char *pools[MAX_CPUS];
    struct natsume_host h;
    struct natsume_keys k;
    unsigned int i;
    size_t len;
    char *err, cpus[80];
    int rc;

    memset(&h, 0, sizeof(h));
    h.nr_cpus = take(&p, &left, 2) % MAX_CPUS;
    for ( i = 0; i < h.nr_cpus; i++ )
    {
        uint8_t b = take(&p, &left, 1);

        state[i] = b % 4;
        pools[i] = b & 0x80 ? "natsume-cpu" : NULL;
    }
    h.cpu_state = state;
    h.cpu_pool = take(&p, &left, 1) & 1 ? pools : NULL;
    h.pool0_cpus = take(&p, &left, 2);
    h.dom0_only_cpu = (int32_t)take(&p, &left, 4);
    h.reserved = take(&p, &left, 4);
    h.bound = take(&p, &left, 4);
    {
        int domid = (int32_t)take(&p, &left, 4);
        const char *name = take(&p, &left, 1) & 1 ? "rtos" : NULL;

        for ( i = 0; i < NATSUME_NR_SOURCES; i++ )
        {
            h.binding[i].domid = domid + i;
            h.binding[i].name = name;
        }
    }

    k.timer = (int32_t)take(&p, &left, 4);
    k.cpu = (int32_t)take(&p, &left, 4);
    k.period_us = take(&p, &left, 4);
    k.vcpus = take(&p, &left, 4);
    {
        static const char *const types[] = { NULL, "pv", "pvh", "hvm" };

        k.type = types[take(&p, &left, 1) % 4];
    }
    k.soft_reset = take(&p, &left, 1) & 1;
    k.pool = take(&p, &left, 1) & 1 ? "rt" : NULL;
    len = take(&p, &left, 1);
    /* The CPU of each bound source: small numbers, to meet k.cpu. */
    for ( i = 0; i < NATSUME_NR_SOURCES; i++ )
        h.binding[i].cpu = h.bound & (1U << i) ? (int8_t)take(&p, &left, 1)
                                               : -1;

    err = malloc(len ? len : 1);
    if ( !err )
        abort();
    rc = natsume_check_keys(&k, &h, err, len);
    if ( rc != 0 && rc != -1 )
        abort();
    if ( rc == -1 )
        check_msg(err, len);
    else if ( k.timer == NATSUME_TIMER_PIT || k.timer == NATSUME_TIMER_HPET )
    {
        /* Accepted: a real, usable CPU and a period the source can do. */
        uint64_t ns = natsume_keys_period_ns(&k);
        uint64_t lo = k.timer == NATSUME_TIMER_PIT ? NATSUME_PIT_MIN_NS
                                                   : NATSUME_HPET_MIN_NS;
        uint64_t hi = k.timer == NATSUME_TIMER_PIT ? NATSUME_PIT_MAX_NS
                                                   : NATSUME_HPET_MAX_NS;

        if ( k.cpu < 0 || (unsigned int)k.cpu >= h.nr_cpus ||
             state[k.cpu] == NATSUME_CPU_OFFLINE ||
             state[k.cpu] == NATSUME_CPU_OTHER_POOL ||
             (state[k.cpu] == NATSUME_CPU_POOL0 && h.pool0_cpus <= 1) ||
             k.cpu == h.dom0_only_cpu || k.vcpus != 1 ||
             (k.type && strcmp(k.type, "pv")) || k.soft_reset || k.pool ||
             ns < lo || ns > hi )
            abort();
        /* And a source to bind, the same as at bind time. */
        memset(err, 0, len);
        check_pick(&k, &h, natsume_pick_source(&k, &h, err, len));
        if ( len && err[0] )
            abort();
        if ( k.timer == NATSUME_TIMER_PIT )
            check_period(ns);
    }
    else if ( k.timer != NATSUME_TIMER_XEN || k.cpu >= 0 || k.period_us )
        abort();
    /* On its own too: a source it picks is a good one. */
    rc = natsume_pick_source(&k, &h, err, len);
    if ( rc >= 0 )
        check_pick(&k, &h, rc);
    else if ( rc == -1 )
        check_msg(err, len);
    else
        abort();
    free(err);

    natsume_format_cpus(&h, cpus, len % sizeof(cpus));
    check_msg(cpus, len % sizeof(cpus));

    check_period(take(&p, &left, 8));
    {
        uint64_t v = take(&p, &left, 8), r = natsume_isqrt(v);

        if ( r > 0xffffffffULL || r * r > v ||
             (r < 0xffffffffULL && (r + 1) * (r + 1) <= v) )
            abort();
    }
    natsume_hist_low_ns(take(&p, &left, 1) % 16);
    check_source(take(&p, &left, 1));
    check_source(take(&p, &left, 4));
}

/* The rest: up to three NUL-separated key texts, NULL when missing. */
static void check_parse(const uint8_t *data, size_t size, size_t len)
{
    char *buf = malloc(size + 1), *s[3] = { NULL, NULL, NULL };
    char *err = malloc(len ? len : 1);
    struct natsume_keys k;
    size_t i, n = 0;
    int rc;

    if ( !buf || !err )
        abort();
    memcpy(buf, data, size);
    buf[size] = '\0';
    /* A text per NUL-terminated piece; an empty piece is a missing key. */
    for ( i = 0; i <= size && n < 3; n++ )
    {
        size_t l = strlen(buf + i);

        s[n] = l ? buf + i : NULL;
        i += l + 1;
    }

    rc = natsume_parse_keys(s[0], s[1], s[2], &k, err, len);
    if ( rc == 0 )
    {
        if ( (unsigned int)k.timer >= NATSUME_TIMER_NR ||
             (s[0] == NULL && k.timer != NATSUME_TIMER_XEN) ||
             (s[1] == NULL) != (k.cpu == -1) || k.cpu < -1 ||
             (s[2] == NULL) != (k.period_us == 0) )
            abort();
    }
    else if ( rc == -1 )
        check_msg(err, len);
    else
        abort();

    free(err);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t split;

    if ( size < 2 )
        return 0;
    /* First byte: where the host part ends and the key texts begin. */
    split = 1 + (size_t)data[0] * (size - 1) / 255;
    check_host(data + 1, split - 1);
    check_parse(data + split, size - split, data[1] % 200);

    return 0;
}
