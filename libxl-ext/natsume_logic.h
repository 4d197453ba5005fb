/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * natsume_logic.h: the pure part of the libxl side of Natsume: checking the
 * rtos_timer / rtos_cpu / rtos_timer_period_us keys against what the host
 * has, and the period arithmetic of the sources.  No Xen or libxl headers:
 * this compiles and is unit-tested on any host.
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation;
 * version 2.1 of the License.
 */
#ifndef NATSUME_LOGIC_H
#define NATSUME_LOGIC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Kinds of timer, as in the rtos_timer key: name, key value.  The one list
 * of them: libxl's IDL enumeration rtos_timer has the same names, in the
 * same order (libxl_natsume.c checks that at compile time).  A kind other
 * than "xen" covers one or more of Xen's hardware sources (the PIT, the
 * HPET's comparators): natsume_source_timer() maps them.
 */
#define NATSUME_TIMERS(X) \
    X(XEN, "xen")       /* Xen's own virtual timer: nothing to do */ \
    X(PIT, "pit")       /* the i8254 PIT: one source */ \
    X(HPET, "hpet")     /* any reserved HPET comparator */

enum natsume_timer {
#define NATSUME_TIMER_ENUM(n, s) NATSUME_TIMER_##n,
    NATSUME_TIMERS(NATSUME_TIMER_ENUM)
#undef NATSUME_TIMER_ENUM
    NATSUME_TIMER_NR
};

/*
 * Xen's sources (XEN_NATSUME_SOURCE_* in Xen's public/natsume.h, same
 * values): the PIT, then HPET comparator n as source 1 + n.
 */
#define NATSUME_SOURCE_PIT          0U
#define NATSUME_SOURCE_HPET(n)      (1U + (n))
#define NATSUME_HPET_COMPARATORS    31U
#define NATSUME_NR_SOURCES          32U

/* Same values as XEN_NATSUME_PIT_* and XEN_NATSUME_HPET_*. */
#define NATSUME_PIT_HZ              1193182ULL
#define NATSUME_PIT_MIN_NS          100000ULL
#define NATSUME_PIT_MAX_NS          54900000ULL
#define NATSUME_HPET_MIN_NS         100000ULL
#define NATSUME_HPET_MAX_NS         1000000000ULL
#define NATSUME_NS_PER_S            1000000000ULL
#define NATSUME_DEFAULT_PERIOD_US   1000U

/* PIT divisor for a period: round(period_ns * 1193182 / 10^9). */
uint64_t natsume_pit_divisor(uint64_t period_ns);
/* Actual period of a divisor, in ns, rounded to the nearest. */
uint64_t natsume_pit_period_ns(uint64_t divisor);

/* The kind of Xen's source number source; NATSUME_TIMER_XEN if none. */
enum natsume_timer natsume_source_timer(unsigned int source);

/* Xen's sources of kind t, 1 << source (none for "xen"). */
uint32_t natsume_timer_sources(enum natsume_timer t);

/*
 * The name of a source as users see it (xenstore, xl, messages): "pit",
 * "hpet<n>" for HPET comparator n, "source<N>" for one unknown here.
 * Written into buf (NATSUME_SOURCE_NAME_LEN bytes are enough), which is
 * returned.
 */
#define NATSUME_SOURCE_NAME_LEN 24
const char *natsume_source_name(unsigned int source, char *buf, size_t len);

/* The periods kind t can do, in ns: 0, or -1 for "xen" (none). */
int natsume_timer_range(enum natsume_timer t, uint64_t *min_ns,
                        uint64_t *max_ns);

/* The keys of one domain config. */
struct natsume_keys {
    enum natsume_timer timer;
    int cpu;                    /* -1: not given */
    uint32_t period_us;         /* 0: not given (default 1000) */
    unsigned int vcpus;         /* max vCPUs of the domain */
    const char *type;           /* "pv", "pvh", "hvm"; NULL: "pv" */
    int soft_reset;             /* on_soft_reset="soft-reset" */
    const char *pool;           /* pool= other than Pool-0, or NULL */
};

/* Where a physical CPU is. */
enum natsume_cpu_state {
    NATSUME_CPU_OFFLINE = 0,
    NATSUME_CPU_POOL0,          /* in Pool-0 */
    NATSUME_CPU_OTHER_POOL,     /* in another cpupool */
    NATSUME_CPU_FREE,           /* online, in no cpupool */
};

/* A bound source, as Xen reports it. */
struct natsume_binding {
    int domid;
    const char *name;           /* its domain's name, or NULL */
    int cpu;                    /* the CPU its interrupt goes to */
};

/* What the host has, as far as the checks need it. */
struct natsume_host {
    unsigned int nr_cpus;       /* CPUs 0 .. nr_cpus - 1 exist */
    const enum natsume_cpu_state *cpu_state;    /* nr_cpus entries */
    const char *const *cpu_pool;    /* name of its pool, or NULL entries */
    unsigned int pool0_cpus;    /* CPUs in Pool-0 */
    int dom0_only_cpu;          /* dom0's vCPUs may run only there, or -1 */
    uint32_t reserved;          /* sources reserved at boot, 1 << source */
    uint32_t bound;             /* sources bound now, 1 << source */
    struct natsume_binding binding[NATSUME_NR_SOURCES]; /* of bound ones */
};

/* Name of a kind as in the config ("xen", "pit", "hpet"), or NULL. */
const char *natsume_timer_name(enum natsume_timer t);

/*
 * xl's reading of the rtos_* keys of a domain config.  Each value is the
 * key's text as the config has it (numbers are text there too), or NULL
 * when the key is absent.  Sets k->timer (NATSUME_TIMER_XEN when absent;
 * names match in any case, as for libxl's other enumerations), k->cpu (-1
 * when absent) and k->period_us (0 when absent).  Numbers are read like
 * xl's other numeric keys (decimal, 0x hex or 0 octal) and must fit:
 * rtos_cpu 0..INT32_MAX, rtos_timer_period_us 1..UINT32_MAX.  Returns 0, or
 * -1 with a message naming the key and its value in err.  The values are
 * checked on their own only: natsume_check_keys() checks them against the
 * host.
 */
int natsume_parse_keys(const char *timer, const char *cpu,
                       const char *period_us, struct natsume_keys *k,
                       char *err, size_t len);

/*
 * Period to ask for, in ns, once the keys are valid: the default when
 * period_us is 0.
 */
uint64_t natsume_keys_period_ns(const struct natsume_keys *k);

/*
 * Whether the keys suit the domain's type (k->type; NULL: "pv"): any key
 * but rtos_timer="xen" needs a PV domain.  Returns 0, or -1 with a message
 * in err.  Part of natsume_check_keys(); xl calls it on its own before it
 * stores the keys, which live in build_info's PV part.
 */
int natsume_check_type(const struct natsume_keys *k, char *err, size_t len);

/*
 * Check the keys of a domain against the host, before anything is changed.
 * Returns 0 when they are fine (or rtos_timer is "xen"), else -1 with a
 * message naming the key, its value and what is allowed in err.
 */
int natsume_check_keys(const struct natsume_keys *k,
                       const struct natsume_host *h,
                       char *err, size_t len);

/*
 * The source to bind for keys already checked, on the host as it is now:
 * the lowest-numbered reserved, unbound source of kind k->timer, provided
 * k->cpu is not the CPU of another bound source.  Part of
 * natsume_check_keys(); libxl asks again at bind time, from Xen's status
 * then, as another domain may have taken a source meanwhile.  Returns the
 * source, or -1 with a message in err (the same as natsume_check_keys()
 * gives).
 */
int natsume_pick_source(const struct natsume_keys *k,
                        const struct natsume_host *h,
                        char *err, size_t len);

/* "0-1", "0,2-3": the CPUs whose state is not offline. */
void natsume_format_cpus(const struct natsume_host *h, char *buf, size_t len);

/* Integer square root (for a standard deviation from a variance). */
uint64_t natsume_isqrt(uint64_t v);

/* hist[i] bucket bounds in ns, as Xen defines them (hist[0]: d < 128 ns). */
uint64_t natsume_hist_low_ns(unsigned int i);

/* What became of a binding's last tick (Xen's XEN_NATSUME_FATE_*). */
enum natsume_fate {
    NATSUME_FATE_NONE = 0,      /* no tick yet */
    NATSUME_FATE_DELIVERED = 1,
    NATSUME_FATE_NO_PORT = 2,
    NATSUME_FATE_NOT_RUNNING = 3,
    NATSUME_FATE_PENDING = 4,
};

/*
 * The states of a binding, as natsume-status shows them: name, text.  The
 * one list of them: libxl's IDL enumeration natsume_state has the same
 * names in the same order (libxl_natsume.c checks that at compile time),
 * so adding a state means adding it here and there.
 */
#define NATSUME_STATES(X) \
    X(TICKING, "ticking") \
    X(WAITING, "waiting for the first tick") \
    X(NO_PORT, "no port: guest has not bound VIRQ_NATSUME_TIMER") \
    X(NOT_RUNNING, "not running: the vCPU is paused, down or elsewhere, " \
                   "its ticks wait pending") \
    X(PENDING, "pending: guest not taking ticks") \
    X(PAUSED, "paused") \
    X(CRASHED, "crashed") \
    X(SHUTDOWN, "shut down") \
    X(DYING, "dying") \
    X(STALLED, "stalled: the source stopped ticking")

enum natsume_state {
#define NATSUME_STATE_ENUM(n, t) NATSUME_STATE_##n,
    NATSUME_STATES(NATSUME_STATE_ENUM)
#undef NATSUME_STATE_ENUM
    NATSUME_STATE_NR
};

/*
 * Ticks in a row not delivered before a running guest counts as not
 * taking them: one alone is a tick taken late (the next came first).
 */
#define NATSUME_STALL_TICKS 2

/*
 * A source with no tick for longer than this many periods has stopped (a
 * dead clock, its interrupt lost): its binding is "stalled".
 */
#define NATSUME_STALL_PERIODS 10

/* The holder as Xen reports it. */
struct natsume_dom_state {
    int gone;                   /* no such domain (any more) */
    int dying;
    int shutdown;
    int crashed;                /* shut down for a crash */
    int paused;
};

/* The last ticks of a binding, as Xen reports them. */
struct natsume_tick_state {
    uint64_t undelivered_run;   /* ticks since the last delivered one */
    enum natsume_fate last_fate;
    uint64_t age_ns;            /* since the last tick (or the start) */
    uint64_t period_ns;         /* the source's actual period */
};

/* State of a binding from its holder and its last ticks. */
enum natsume_state natsume_binding_state(const struct natsume_dom_state *d,
                                         const struct natsume_tick_state *t);

/* "ticking", "pending: guest not taking ticks", ...; NULL if unknown. */
const char *natsume_state_text(enum natsume_state s);

#endif /* NATSUME_LOGIC_H */
