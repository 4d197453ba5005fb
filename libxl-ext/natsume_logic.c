/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * natsume_logic.c: checking the Natsume keys of a domain config against the
 * host, and the period arithmetic of the sources.  See natsume_logic.h.
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation;
 * version 2.1 of the License.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "natsume_logic.h"

uint64_t natsume_pit_divisor(uint64_t period_ns)
{
    return (period_ns * NATSUME_PIT_HZ + NATSUME_NS_PER_S / 2) /
           NATSUME_NS_PER_S;
}

uint64_t natsume_pit_period_ns(uint64_t divisor)
{
    return (divisor * NATSUME_NS_PER_S + NATSUME_PIT_HZ / 2) / NATSUME_PIT_HZ;
}

enum natsume_timer natsume_source_timer(unsigned int source)
{
    if (source == NATSUME_SOURCE_PIT)
        return NATSUME_TIMER_PIT;
    if (source >= NATSUME_SOURCE_HPET(0) &&
        source < NATSUME_SOURCE_HPET(NATSUME_HPET_COMPARATORS))
        return NATSUME_TIMER_HPET;
    return NATSUME_TIMER_XEN;
}

uint32_t natsume_timer_sources(enum natsume_timer t)
{
    uint32_t m = 0;
    unsigned int s;

    if (t == NATSUME_TIMER_XEN)
        return 0;
    for (s = 0; s < NATSUME_NR_SOURCES; s++)
        if (natsume_source_timer(s) == t)
            m |= 1U << s;
    return m;
}

const char *natsume_source_name(unsigned int source, char *buf, size_t len)
{
    switch (natsume_source_timer(source)) {
    case NATSUME_TIMER_PIT:
        snprintf(buf, len, "pit");
        break;
    case NATSUME_TIMER_HPET:
        snprintf(buf, len, "hpet%u", source - NATSUME_SOURCE_HPET(0));
        break;
    default:
        snprintf(buf, len, "source%u", source);
        break;
    }
    return buf;
}

int natsume_timer_range(enum natsume_timer t, uint64_t *min_ns,
                        uint64_t *max_ns)
{
    switch (t) {
    case NATSUME_TIMER_PIT:
        *min_ns = NATSUME_PIT_MIN_NS;
        *max_ns = NATSUME_PIT_MAX_NS;
        return 0;
    case NATSUME_TIMER_HPET:
        *min_ns = NATSUME_HPET_MIN_NS;
        *max_ns = NATSUME_HPET_MAX_NS;
        return 0;
    default:
        return -1;
    }
}

const char *natsume_timer_name(enum natsume_timer t)
{
    static const char *const name[] = {
#define NATSUME_TIMER_NAME(n, s) [NATSUME_TIMER_##n] = s,
        NATSUME_TIMERS(NATSUME_TIMER_NAME)
#undef NATSUME_TIMER_NAME
    };

    return (unsigned int)t < NATSUME_TIMER_NR ? name[t] : NULL;
}

static int __attribute__((format(printf, 3, 4)))
fail(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return -1;
}

/* A number within lo..hi, read as strtoll() with base 0 does; 0 if so. */
static int parse_number(const char *s, long long lo, long long hi,
                        long long *v)
{
    char *end;
    long long l;

    errno = 0;
    l = strtoll(s, &end, 0);
    if (errno || end == s || *end || l < lo || l > hi)
        return -1;
    *v = l;
    return 0;
}

int natsume_parse_keys(const char *timer, const char *cpu,
                       const char *period_us, struct natsume_keys *k,
                       char *err, size_t len)
{
    long long l;

    k->timer = NATSUME_TIMER_XEN;
    k->cpu = -1;
    k->period_us = 0;
    k->vcpus = 1;               /* the domain's, filled in by the caller */
    k->type = NULL;
    k->soft_reset = 0;
    k->pool = NULL;

    if (timer) {
        unsigned int t;
        char allowed[64];
        size_t n = 0;

        for (t = 0; t < NATSUME_TIMER_NR; t++)
            if (!strcasecmp(timer, natsume_timer_name(t)))
                break;
        if (t < NATSUME_TIMER_NR)
            k->timer = t;
        else {
            /* "xen", "pit" and "..." */
            allowed[0] = '\0';
            for (t = 0; t < NATSUME_TIMER_NR && n < sizeof(allowed); t++)
                n += snprintf(allowed + n, sizeof(allowed) - n, "%s\"%s\"",
                              !t ? "" : t + 1 < NATSUME_TIMER_NR ? ", "
                                                                 : " and ",
                              natsume_timer_name(t));
            return fail(err, len, "rtos_timer=\"%s\": allowed values are %s",
                        timer, allowed);
        }
    }

    if (cpu) {
        if (parse_number(cpu, 0, INT32_MAX, &l))
            return fail(err, len, "rtos_cpu=%s: a physical CPU number "
                        "(0, 1, ...) is needed", cpu);
        k->cpu = l;
    }

    if (period_us) {
        if (parse_number(period_us, 1, UINT32_MAX, &l))
            return fail(err, len, "rtos_timer_period_us=%s: a period in "
                        "microseconds (1 or more) is needed", period_us);
        k->period_us = l;
    }

    return 0;
}

uint64_t natsume_keys_period_ns(const struct natsume_keys *k)
{
    return (uint64_t)(k->period_us ? k->period_us
                                   : NATSUME_DEFAULT_PERIOD_US) * 1000;
}

void natsume_format_cpus(const struct natsume_host *h, char *buf, size_t len)
{
    unsigned int i, first;
    size_t n = 0;

    if (len)
        buf[0] = '\0';
    for (i = 0; i < h->nr_cpus; i++) {
        if (h->cpu_state[i] == NATSUME_CPU_OFFLINE)
            continue;
        first = i;
        while (i + 1 < h->nr_cpus &&
               h->cpu_state[i + 1] != NATSUME_CPU_OFFLINE)
            i++;
        if (n < len)
            n += snprintf(buf + n, len - n, first == i ? "%s%u" : "%s%u-%u",
                          n ? "," : "", first, i);
    }
    if (len && !buf[0])
        snprintf(buf, len, "none");
}

/* The hardware kinds as a choice: "\"pit\" or \"hpet\"". */
static const char *hardware_kinds(char *buf, size_t len)
{
    unsigned int t;
    size_t n = 0;

    buf[0] = '\0';
    for (t = NATSUME_TIMER_XEN + 1; t < NATSUME_TIMER_NR && n < len; t++)
        n += snprintf(buf + n, len - n, "%s\"%s\"",
                      t == NATSUME_TIMER_XEN + 1 ? "" :
                      t + 1 < NATSUME_TIMER_NR ? ", " : " or ",
                      natsume_timer_name(t));
    return buf;
}

/* How messages call a kind's sources: "the PIT can do ...". */
static const char *timer_noun(enum natsume_timer t)
{
    switch (t) {
    case NATSUME_TIMER_PIT: return "the PIT";
    case NATSUME_TIMER_HPET: return "an HPET comparator";
    default: return "?";
    }
}

int natsume_check_type(const struct natsume_keys *k, char *err, size_t len)
{
    char kinds[64];

    /* HVM and PVH take events on a path that is not supported yet. */
    if (!k->type || !strcmp(k->type, "pv"))
        return 0;
    if (k->timer != NATSUME_TIMER_XEN)
        return fail(err, len, "type=\"%s\": rtos_timer=\"%s\" needs a PV "
                    "domain (type=\"pv\")", k->type,
                    natsume_timer_name(k->timer) ?: "?");
    if (k->cpu >= 0 || k->period_us)
        return fail(err, len, "type=\"%s\": rtos_cpu and "
                    "rtos_timer_period_us are only for a PV domain with "
                    "rtos_timer=%s", k->type,
                    hardware_kinds(kinds, sizeof(kinds)));
    return 0;
}

static const char *holder_name(const struct natsume_binding *b)
{
    return b->name ? b->name : "?";
}

int natsume_pick_source(const struct natsume_keys *k,
                        const struct natsume_host *h,
                        char *err, size_t len)
{
    const char *src = natsume_timer_name(k->timer);
    uint32_t mine = natsume_timer_sources(k->timer);
    uint32_t avail = h->reserved & ~h->bound & mine;
    char name[NATSUME_SOURCE_NAME_LEN];
    unsigned int s;
    size_t n;
    bool first = true;

    if (!src || !mine)
        return fail(err, len, "rtos_timer: no hardware source of kind %d",
                    k->timer);

    if (!(h->reserved & mine)) {
        if (k->timer == NATSUME_TIMER_PIT)
            return fail(err, len, "rtos_timer=\"%s\": Xen has not reserved "
                        "the PIT (boot option natsume=%s; if given, \"xl "
                        "dmesg\" says why it was dropped)", src, src);
        return fail(err, len, "rtos_timer=\"%s\": Xen has reserved no HPET "
                    "comparator (boot option natsume=hpet or "
                    "natsume=hpet:N; if given, \"xl dmesg\" says why it was "
                    "dropped)", src);
    }

    if (!avail) {
        const struct natsume_binding *b = &h->binding[NATSUME_SOURCE_PIT];

        if (k->timer == NATSUME_TIMER_PIT)
            return fail(err, len, "rtos_timer=\"%s\": the PIT is already "
                        "bound to domain \"%s\" (id %d)", src,
                        holder_name(b), b->domid);
        /* Name every holder: one of them has to go. */
        n = snprintf(err, len, "rtos_timer=\"%s\": every reserved HPET "
                     "comparator is bound:", src);
        for (s = 0; s < NATSUME_NR_SOURCES && n < len; s++) {
            if (!(h->reserved & mine & (1U << s)))
                continue;
            b = &h->binding[s];
            n += snprintf(err + n, len - n, "%s %s to domain %d (%s)",
                          first ? "" : ",",
                          natsume_source_name(s, name, sizeof(name)),
                          b->domid, holder_name(b));
            first = false;
        }
        return -1;
    }

    /* Xen routes one source to a CPU. */
    for (s = 0; s < NATSUME_NR_SOURCES; s++) {
        const struct natsume_binding *b = &h->binding[s];

        if ((h->bound & (1U << s)) && b->cpu == k->cpu)
            return fail(err, len, "rtos_cpu=%d: CPU %d already has %s, "
                        "bound to domain \"%s\" (id %d); each real-time "
                        "domain needs a CPU of its own", k->cpu, k->cpu,
                        natsume_source_name(s, name, sizeof(name)),
                        holder_name(b), b->domid);
    }

    for (s = 0; !(avail & (1U << s)); s++)
        ;
    return s;
}

int natsume_check_keys(const struct natsume_keys *k,
                       const struct natsume_host *h,
                       char *err, size_t len)
{
    const char *src = natsume_timer_name(k->timer);
    char cpus[64], kinds[64];
    uint64_t ns = natsume_keys_period_ns(k), lo, hi;

    if (!src)
        return fail(err, len, "rtos_timer: unknown source %d", k->timer);
    if (k->timer == NATSUME_TIMER_XEN) {
        if (k->cpu >= 0)
            return fail(err, len, "rtos_cpu=%d: only with rtos_timer=%s",
                        k->cpu, hardware_kinds(kinds, sizeof(kinds)));
        if (k->period_us)
            return fail(err, len, "rtos_timer_period_us=%u: only with "
                        "rtos_timer=%s", k->period_us,
                        hardware_kinds(kinds, sizeof(kinds)));
        return 0;
    }

    /* The keys on their own. */
    if (k->cpu < 0)
        return fail(err, len, "rtos_timer=\"%s\": rtos_cpu is required "
                    "(the physical CPU for this domain alone)", src);
    if (k->vcpus != 1)
        return fail(err, len, "vcpus=%u: rtos_timer=\"%s\" needs a domain "
                    "with exactly one vCPU", k->vcpus, src);
    if (natsume_check_type(k, err, len))
        return -1;
    /* Xen resets only HVM domains in place (arch_domain_soft_reset()). */
    if (k->soft_reset)
        return fail(err, len, "on_soft_reset=\"soft-reset\": Xen resets "
                    "only HVM domains in place, and rtos_timer=\"%s\" needs "
                    "a PV domain; use \"restart\" (the default with "
                    "rtos_timer) or \"destroy\"", src);
    /* The domain gets a cpupool of its own (natsume-cpuN). */
    if (k->pool)
        return fail(err, len, "pool=\"%s\": rtos_timer=\"%s\" puts the "
                    "domain in a cpupool of its own; leave pool unset",
                    k->pool, src);
    if (natsume_timer_range(k->timer, &lo, &hi))
        return fail(err, len, "rtos_timer: unknown source %d", k->timer);
    if (ns < lo || ns > hi)
        return fail(err, len, "rtos_timer_period_us=%u: %s can do "
                    "%llu-%llu us", k->period_us, timer_noun(k->timer),
                    (unsigned long long)(lo / 1000),
                    (unsigned long long)(hi / 1000));

    /* The source, and the CPU against the other bindings. */
    if (natsume_pick_source(k, h, err, len) < 0)
        return -1;

    /* The CPU. */
    natsume_format_cpus(h, cpus, sizeof(cpus));
    if ((unsigned int)k->cpu >= h->nr_cpus)
        return fail(err, len, "rtos_cpu=%d: host has CPUs %s", k->cpu, cpus);
    switch (h->cpu_state[k->cpu]) {
    case NATSUME_CPU_OFFLINE:
        return fail(err, len, "rtos_cpu=%d: CPU %d is offline (online: %s)",
                    k->cpu, k->cpu, cpus);
    case NATSUME_CPU_OTHER_POOL:
        return fail(err, len, "rtos_cpu=%d: CPU %d is already dedicated "
                    "(cpupool \"%s\")", k->cpu, k->cpu,
                    h->cpu_pool && h->cpu_pool[k->cpu] ? h->cpu_pool[k->cpu]
                                                       : "?");
    case NATSUME_CPU_POOL0:
        if (h->pool0_cpus <= 1)
            return fail(err, len, "rtos_cpu=%d: CPU %d is the last CPU of "
                        "Pool-0", k->cpu, k->cpu);
        break;
    case NATSUME_CPU_FREE:
        break;
    }
    if (h->dom0_only_cpu == k->cpu)
        return fail(err, len, "rtos_cpu=%d: CPU %d is the only CPU dom0 may "
                    "run on", k->cpu, k->cpu);

    return 0;
}

uint64_t natsume_isqrt(uint64_t v)
{
    uint64_t r = 0, bit = 1ULL << 62;

    while (bit > v)
        bit >>= 2;
    while (bit) {
        if (v >= r + bit) {
            v -= r + bit;
            r = (r >> 1) + bit;
        } else
            r >>= 1;
        bit >>= 2;
    }
    return r;
}

uint64_t natsume_hist_low_ns(unsigned int i)
{
    return i ? 1ULL << (i + 6) : 0;
}

enum natsume_state natsume_binding_state(const struct natsume_dom_state *d,
                                         const struct natsume_tick_state *t)
{
    if (d->gone || d->dying)
        return NATSUME_STATE_DYING;
    /* A source that stopped explains everything else. */
    if (t->period_ns &&
        t->age_ns / NATSUME_STALL_PERIODS > t->period_ns)
        return NATSUME_STATE_STALLED;
    /* Then what happened to the domain explains the ticks best. */
    if (d->crashed)
        return NATSUME_STATE_CRASHED;
    if (d->shutdown)
        return NATSUME_STATE_SHUTDOWN;
    if (d->paused)
        return NATSUME_STATE_PAUSED;

    if (t->last_fate == NATSUME_FATE_NONE)
        return NATSUME_STATE_WAITING;
    if (t->undelivered_run < NATSUME_STALL_TICKS)
        return NATSUME_STATE_TICKING;

    switch (t->last_fate) {
    case NATSUME_FATE_NO_PORT: return NATSUME_STATE_NO_PORT;
    case NATSUME_FATE_NOT_RUNNING: return NATSUME_STATE_NOT_RUNNING;
    case NATSUME_FATE_PENDING: return NATSUME_STATE_PENDING;
    default: return NATSUME_STATE_TICKING;
    }
}

const char *natsume_state_text(enum natsume_state s)
{
    static const char *const text[] = {
#define NATSUME_STATE_TEXT(n, t) [NATSUME_STATE_##n] = t,
        NATSUME_STATES(NATSUME_STATE_TEXT)
#undef NATSUME_STATE_TEXT
    };

    return (unsigned int)s < NATSUME_STATE_NR ? text[s] : NULL;
}
