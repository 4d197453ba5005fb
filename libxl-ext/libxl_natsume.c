/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libxl_natsume.c: a hardware timer and a physical CPU for each real-time
 * domain (Xen booted with natsume=pit and/or natsume=hpet).
 *
 * At creation, the keys rtos_timer, rtos_cpu and rtos_timer_period_us are
 * checked before anything changes (libxl__natsume_check); then rtos_cpu
 * leaves Pool-0 for a cpupool of its own running the null scheduler, and
 * the domain is made in it, so that its memory is placed for that CPU
 * (libxl__natsume_pool); with the domain built and still paused, a free
 * source of the kind asked for (the PIT, or the lowest-numbered free HPET
 * comparator) is bound to its vCPU 0 and the binding is published in
 * xenstore under /local/domain/<domid>/natsume (libxl__natsume_setup).
 * Destruction unbinds whatever source Xen says the domain holds
 * (libxl__natsume_teardown).  libxl_natsume_status() reports what Xen
 * reserved and the bindings with their statistics.
 *
 * Pure logic (checks, choice of a source, source names, period
 * arithmetic) is in natsume_logic.c.
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation;
 * version 2.1 of the License.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 */

#include "libxl_osdeps.h"

#include "libxl_internal.h"
#include "libxl_natsume.h"
#include "natsume_logic.h"

#include <xen/natsume.h>

#define NATSUME_POOL_PREFIX "natsume-"

/* The pure logic repeats Xen's constants: they must agree. */
#if NATSUME_PIT_HZ != XEN_NATSUME_PIT_HZ || \
    NATSUME_PIT_MIN_NS != XEN_NATSUME_PIT_MIN_NS || \
    NATSUME_PIT_MAX_NS != XEN_NATSUME_PIT_MAX_NS
#error "natsume_logic.h and xen/natsume.h disagree on the PIT"
#endif
#if NATSUME_HPET_MIN_NS != XEN_NATSUME_HPET_MIN_NS || \
    NATSUME_HPET_MAX_NS != XEN_NATSUME_HPET_MAX_NS || \
    NATSUME_HPET_COMPARATORS != XEN_NATSUME_HPET_COMPARATORS
#error "natsume_logic.h and xen/natsume.h disagree on the HPET"
#endif
#if NATSUME_SOURCE_PIT != XEN_NATSUME_SOURCE_PIT || \
    NATSUME_SOURCE_HPET(0) != XEN_NATSUME_SOURCE_HPET(0) || \
    NATSUME_SOURCE_HPET(NATSUME_HPET_COMPARATORS - 1) != \
        XEN_NATSUME_SOURCE_HPET(XEN_NATSUME_HPET_COMPARATORS - 1) || \
    NATSUME_NR_SOURCES != XEN_NATSUME_NR_SOURCES
#error "natsume_logic.h and xen/natsume.h disagree on the source numbers"
#endif

/*
 * natsume_logic.h's lists are the sources of truth: libxl's IDL and Xen's
 * public/natsume.h must agree with them, name by name.
 */
#define CHECK_TIMER(n, s) \
    _Static_assert((int)NATSUME_TIMER_##n == (int)LIBXL_RTOS_TIMER_##n, \
                   "rtos_timer " #n ": natsume_logic.h and the IDL disagree");
#define CHECK_STATE(n, t) \
    _Static_assert((int)NATSUME_STATE_##n == (int)LIBXL_NATSUME_STATE_##n, \
                   "natsume_state " #n ": natsume_logic.h and the IDL disagree");
NATSUME_TIMERS(CHECK_TIMER)
NATSUME_STATES(CHECK_STATE)
#undef CHECK_TIMER
#undef CHECK_STATE
/* Bitmaps of sources (reserved, bound) are uint32_t. */
_Static_assert(XEN_NATSUME_NR_SOURCES <= 32, "XEN_NATSUME_NR_SOURCES");

/*
 * The mark of a cpupool made here, in libxl's tree of that cpupool (no
 * guest can write there): the cpupool's UUID, so that a cpupool made later
 * with the same id, after this one went without libxl, is not taken for it.
 */
static const char *natsume_pool_path(libxl__gc *gc, uint32_t poolid,
                                     const char *key)
{
    return GCSPRINTF("/local/pool/%"PRIu32"/%s", poolid, key);
}

/* "pit", "hpet2": the name of Xen's source number source. */
static const char *source_name(libxl__gc *gc, uint32_t source)
{
    char buf[NATSUME_SOURCE_NAME_LEN];

    return libxl__strdup(gc, natsume_source_name(source, buf, sizeof(buf)));
}

/* rtos_timer="pit", rtos_timer="hpet" (hpet2): a source in messages. */
static const char *source_desc(libxl__gc *gc, uint32_t source)
{
    const char *kind = natsume_timer_name(natsume_source_timer(source));
    const char *name = source_name(gc, source);

    return !strcmp(kind, name) ? GCSPRINTF("rtos_timer=\"%s\"", kind)
                               : GCSPRINTF("rtos_timer=\"%s\" (%s)", kind,
                                           name);
}

/*
 * The sources in h as Xen has them now: reserved, bound, and to whom.
 * Nothing reserved when Xen cannot say (a Xen without Natsume).
 */
static void natsume_bindings(libxl__gc *gc, struct natsume_host *h)
{
    xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
    uint32_t nr = XEN_NATSUME_NR_SOURCES, reserved = 0, i;

    h->reserved = 0;
    h->bound = 0;
    memset(h->binding, 0, sizeof(h->binding));
    if (xc_natsume_status(CTX->xch, st, &nr, &reserved)) {
        LOGE(WARN, "natsume: cannot read Xen's timer status");
        return;
    }
    h->reserved = reserved;
    for (i = 0; i < nr && i < XEN_NATSUME_NR_SOURCES; i++) {
        struct natsume_binding *b;

        if (st[i].source >= XEN_NATSUME_NR_SOURCES ||
            !(st[i].flags & XEN_NATSUME_BOUND))
            continue;
        h->bound |= 1U << st[i].source;
        b = &h->binding[st[i].source];
        b->domid = st[i].domid;
        b->name = libxl__domid_to_name(gc, st[i].domid);
        b->cpu = st[i].cpu;
    }
}

/* What the checks need to know about the host. */
static int natsume_host_info(libxl__gc *gc, struct natsume_host *h)
{
    libxl_physinfo pi;
    libxl_cputopology *topo = NULL;
    libxl_cpupoolinfo *pools = NULL;
    libxl_vcpuinfo *vcpus = NULL;
    libxl_bitmap dom0_cpus;
    enum natsume_cpu_state *state;
    const char **pool_name;
    int nr_topo = 0, nr_pools = 0, nr_vcpus = 0, nr_cpus, i, c, rc;

    libxl_physinfo_init(&pi);
    libxl_bitmap_init(&dom0_cpus);
    memset(h, 0, sizeof(*h));
    h->dom0_only_cpu = -1;

    rc = libxl_get_physinfo(CTX, &pi);
    if (rc) {
        LOG(ERROR, "natsume: cannot get the host's physinfo");
        goto out;
    }
    h->nr_cpus = pi.max_cpu_id + 1;
    GCNEW_ARRAY(state, h->nr_cpus);
    GCNEW_ARRAY(pool_name, h->nr_cpus);
    h->cpu_state = state;
    h->cpu_pool = pool_name;

    /* Online CPUs are free until a cpupool claims them. */
    topo = libxl_get_cpu_topology(CTX, &nr_topo);
    for (i = 0; i < nr_topo && i < (int)h->nr_cpus; i++)
        state[i] = topo[i].core == LIBXL_CPUTOPOLOGY_INVALID_ENTRY
                   ? NATSUME_CPU_OFFLINE : NATSUME_CPU_FREE;

    pools = libxl_list_cpupool(CTX, &nr_pools);
    if (!pools) {
        LOG(ERROR, "natsume: cannot list cpupools");
        rc = ERROR_FAIL;
        goto out;
    }
    for (i = 0; i < nr_pools; i++) {
        libxl_for_each_set_bit(c, pools[i].cpumap) {
            if (c >= (int)h->nr_cpus)
                continue;
            state[c] = pools[i].poolid == 0 ? NATSUME_CPU_POOL0
                                             : NATSUME_CPU_OTHER_POOL;
            pool_name[c] = libxl__strdup(gc, pools[i].pool_name);
            if (pools[i].poolid == 0)
                h->pool0_cpus++;
        }
    }

    /* dom0 must keep a CPU to run on. */
    vcpus = libxl_list_vcpu(CTX, 0, &nr_vcpus, &nr_cpus);
    if (vcpus && !libxl_cpu_bitmap_alloc(CTX, &dom0_cpus, 0)) {
        for (i = 0; i < nr_vcpus; i++)
            libxl_for_each_set_bit(c, vcpus[i].cpumap)
                libxl_bitmap_set(&dom0_cpus, c);
        if (libxl_bitmap_count_set(&dom0_cpus) == 1)
            libxl_for_each_set_bit(c, dom0_cpus)
                h->dom0_only_cpu = c;
    }

    /* The sources: reserved at boot?  Bound already, on which CPU? */
    natsume_bindings(gc, h);
    rc = 0;

 out:
    libxl_bitmap_dispose(&dom0_cpus);
    if (vcpus)
        libxl_vcpuinfo_list_free(vcpus, nr_vcpus);
    if (pools)
        libxl_cpupoolinfo_list_free(pools, nr_pools);
    if (topo)
        libxl_cputopology_list_free(topo, nr_topo);
    libxl_physinfo_dispose(&pi);
    return rc;
}

/*
 * The rtos_* keys of a domain.  They are in build_info's PV part (only PV
 * domains can have a timer, and there they leave the size and layout of
 * libxl's public structs as they are): a domain of another type has none.
 */
static void natsume_keys(const libxl_domain_config *d_config,
                         struct natsume_keys *k)
{
    const libxl_domain_build_info *b_info = &d_config->b_info;
    bool pv = b_info->type == LIBXL_DOMAIN_TYPE_PV;

    k->timer = pv ? (enum natsume_timer)b_info->u.pv.rtos_timer
                  : NATSUME_TIMER_XEN;
    k->cpu = pv ? b_info->u.pv.rtos_cpu : -1;
    k->period_us = pv ? b_info->u.pv.rtos_timer_period_us : 0;
    k->vcpus = b_info->max_vcpus;
    k->type = libxl_domain_type_to_string(d_config->c_info.type);
    k->soft_reset = d_config->on_soft_reset ==
                    LIBXL_ACTION_ON_SHUTDOWN_SOFT_RESET;
    k->pool = d_config->c_info.poolid ? d_config->c_info.pool_name ?: "?"
                                      : NULL;
}

int libxl__natsume_check(libxl__gc *gc, const libxl_domain_config *d_config)
{
    struct natsume_keys k;
    struct natsume_host h;
    char err[1024];     /* room to name 31 holders */
    int rc;

    natsume_keys(d_config, &k);
    if (k.timer == NATSUME_TIMER_XEN && k.cpu < 0 && !k.period_us)
        return 0;

    rc = natsume_host_info(gc, &h);
    if (rc)
        return rc;
    if (natsume_check_keys(&k, &h, err, sizeof(err))) {
        LOG(ERROR, "%s", err);
        return ERROR_INVAL;
    }
    return 0;
}

/* Destroy cpupool poolid, made here, and give its CPUs back to Pool-0. */
static int pool_undo(libxl__gc *gc, uint32_t poolid)
{
    libxl_cpupoolinfo pool;
    int cpu, rc;

    libxl_cpupoolinfo_init(&pool);
    rc = libxl_cpupool_info(CTX, &pool, poolid);
    if (rc) goto out;
    rc = libxl_cpupool_destroy(CTX, poolid);
    if (rc) {
        LOG(ERROR, "natsume: cannot destroy cpupool %s", pool.pool_name);
        goto out;
    }
    libxl_for_each_set_bit(cpu, pool.cpumap) {
        if (libxl_cpupool_cpuadd(CTX, 0, cpu)) {
            LOG(ERROR, "natsume: cannot give CPU %d back to Pool-0", cpu);
            rc = ERROR_FAIL;
        }
    }
    LOG(DEBUG, "natsume: cpupool %s gone", pool.pool_name);
 out:
    libxl_cpupoolinfo_dispose(&pool);
    return rc;
}

/* Whether cpupool poolid is one made here. */
static bool pool_is_ours(libxl__gc *gc, uint32_t poolid)
{
    const char *mark, *uuid;

    if (!poolid)
        return false;
    mark = libxl__xs_read(gc, XBT_NULL,
                          natsume_pool_path(gc, poolid, "natsume"));
    uuid = libxl__xs_read(gc, XBT_NULL, natsume_pool_path(gc, poolid, "uuid"));
    return mark && uuid && !strcmp(mark, uuid);
}

int libxl__natsume_pool(libxl__gc *gc, libxl_domain_config *d_config)
{
    libxl_domain_create_info *c_info = &d_config->c_info;
    struct natsume_keys k;
    int cpu;
    uint32_t poolid = LIBXL_CPUPOOL_POOLID_ANY;
    bool removed = false, created = false;
    libxl_cpupoolinfo pool0;
    libxl_bitmap cpumap;
    libxl_uuid uuid;
    const char *name = NULL;
    int rc;

    natsume_keys(d_config, &k);
    if (k.timer == NATSUME_TIMER_XEN)
        return 0;
    cpu = k.cpu;

    libxl_cpupoolinfo_init(&pool0);
    libxl_bitmap_init(&cpumap);

    rc = libxl_cpupool_info(CTX, &pool0, 0);
    if (rc) goto out;
    if (libxl_bitmap_test(&pool0.cpumap, cpu)) {
        rc = libxl_cpupool_cpuremove(CTX, 0, cpu);
        if (rc) {
            LOG(ERROR, "rtos_cpu=%d: cannot take CPU %d out of Pool-0",
                cpu, cpu);
            goto out;
        }
        removed = true;
    }

    rc = libxl_cpu_bitmap_alloc(CTX, &cpumap, 0);
    if (rc) goto out;
    libxl_bitmap_set(&cpumap, cpu);
    libxl_uuid_generate(&uuid);
    name = GCSPRINTF(NATSUME_POOL_PREFIX "cpu%d", cpu);
    rc = libxl_cpupool_create(CTX, name, LIBXL_SCHEDULER_NULL, cpumap,
                              &uuid, &poolid);
    if (rc) {
        LOG(ERROR, "rtos_cpu=%d: cannot create cpupool %s with the null "
            "scheduler (is it built into Xen?)", cpu, name);
        goto out;
    }
    created = true;

    rc = libxl__xs_printf(gc, XBT_NULL,
                          natsume_pool_path(gc, poolid, "natsume"),
                          LIBXL_UUID_FMT, LIBXL_UUID_BYTES(uuid));
    if (rc) goto out;

    c_info->poolid = poolid;
    free(c_info->pool_name);
    c_info->pool_name = libxl__strdup(NOGC, name);
    rc = 0;

 out:
    if (rc) {
        if (created && libxl_cpupool_destroy(CTX, poolid))
            LOG(ERROR, "natsume: rollback: cannot destroy cpupool %s", name);
        if (removed && libxl_cpupool_cpuadd(CTX, 0, cpu))
            LOG(ERROR, "natsume: rollback: cannot give CPU %d back to "
                "Pool-0", cpu);
    }
    libxl_bitmap_dispose(&cpumap);
    libxl_cpupoolinfo_dispose(&pool0);
    return rc;
}

void libxl__natsume_pool_abandon(libxl__gc *gc,
                                 const libxl_domain_config *d_config)
{
    uint32_t poolid = d_config->c_info.poolid;
    struct natsume_keys k;

    natsume_keys(d_config, &k);
    if (k.timer != NATSUME_TIMER_XEN &&
        pool_is_ours(gc, poolid))
        pool_undo(gc, poolid);
}

/* /local/domain/<domid>/natsume/: the binding, readable by the guest. */
static int publish(libxl__gc *gc, uint32_t domid, const char *src, int cpu,
                   uint64_t actual_ns)
{
    const char *path = GCSPRINTF("%s/natsume",
                                 libxl__xs_get_dompath(gc, domid));
    xs_transaction_t t = XBT_NULL;
    int rc;

    for (;;) {
        rc = libxl__xs_transaction_start(gc, &t);
        if (rc) goto out;
        rc = libxl__xs_printf(gc, t, GCSPRINTF("%s/source", path), "%s", src);
        if (!rc)
            rc = libxl__xs_printf(gc, t, GCSPRINTF("%s/cpu", path), "%d", cpu);
        if (!rc)
            rc = libxl__xs_printf(gc, t, GCSPRINTF("%s/period-ns", path),
                                  "%"PRIu64, actual_ns);
        if (!rc)
            rc = libxl__xs_printf(gc, t, GCSPRINTF("%s/virq", path), "%d",
                                  VIRQ_NATSUME_TIMER);
        if (rc) goto out;
        rc = libxl__xs_transaction_commit(gc, &t);
        if (!rc) break;
        if (rc < 0) goto out;
    }
 out:
    libxl__xs_transaction_abort(gc, &t);
    return rc;
}

int libxl__natsume_setup(libxl__gc *gc, uint32_t domid,
                         const libxl_domain_config *d_config)
{
    struct natsume_keys k;
    struct natsume_host h;
    const char *name = NULL;
    char err[1024];
    unsigned int tries;
    int source = -1, e, rc;
    uint64_t actual_ns = 0;

    natsume_keys(d_config, &k);
    if (k.timer == NATSUME_TIMER_XEN)
        return 0;

    /*
     * The timer, on vCPU 0, with its interrupt on the CPU: the source
     * chosen from Xen's status now.  Another domain may take it between
     * that and the bind (Xen says EBUSY): then choose again.
     */
    memset(&h, 0, sizeof(h));
    for (tries = 0; tries <= XEN_NATSUME_NR_SOURCES; tries++) {
        natsume_bindings(gc, &h);
        source = natsume_pick_source(&k, &h, err, sizeof(err));
        if (source < 0) {
            LOGD(ERROR, domid, "%s", err);
            return ERROR_FAIL;
        }
        name = source_name(gc, source);
        if (!xc_natsume_bind(CTX->xch, domid, source, k.cpu, 0,
                             natsume_keys_period_ns(&k), &actual_ns))
            break;
        e = errno;
        if (e != EBUSY || tries == XEN_NATSUME_NR_SOURCES) {
            LOGEVD(ERROR, e, domid, "%s: cannot bind it to CPU %d",
                   source_desc(gc, source), k.cpu);
            return ERROR_FAIL;
        }
        LOGD(DEBUG, domid, "natsume: %s taken meanwhile, choosing again",
             name);
    }

    rc = publish(gc, domid, name, k.cpu, actual_ns);
    if (rc) {
        /* The caller destroys the domain, and teardown its cpupool. */
        if (xc_natsume_unbind(CTX->xch, domid, source))
            LOGED(ERROR, domid, "natsume: rollback: cannot unbind %s", name);
        return rc;
    }

    LOGD(DEBUG, domid, "natsume: %s bound on CPU %d (cpupool %s), period "
         "%"PRIu64" ns", name, k.cpu, d_config->c_info.pool_name, actual_ns);
    return 0;
}

int libxl__natsume_check_save(libxl__gc *gc, uint32_t domid)
{
    xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
    uint32_t nr = XEN_NATSUME_NR_SOURCES, i;

    /* A Xen without Natsume binds nothing. */
    if (xc_natsume_status(CTX->xch, st, &nr, NULL))
        return 0;
    for (i = 0; i < nr && i < XEN_NATSUME_NR_SOURCES; i++) {
        if (!(st[i].flags & XEN_NATSUME_BOUND) || st[i].domid != domid)
            continue;
        LOGD(ERROR, domid, "%s is bound to this domain (its interrupt on "
             "CPU %u): a host's timer cannot be saved or migrated; shut the "
             "domain down and create it again instead",
             source_desc(gc, st[i].source), st[i].cpu);
        return ERROR_FAIL;
    }
    return 0;
}

void libxl__natsume_explain_busy(libxl__gc *gc, int domid, int cpu)
{
    xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
    uint32_t nr = XEN_NATSUME_NR_SOURCES, i;
    int saved = errno;

    if (saved != EBUSY || xc_natsume_status(CTX->xch, st, &nr, NULL))
        goto out;
    for (i = 0; i < nr && i < XEN_NATSUME_NR_SOURCES; i++) {
        const char *name;

        if (!(st[i].flags & XEN_NATSUME_BOUND) ||
            (st[i].domid != domid && (int)st[i].cpu != cpu))
            continue;
        name = libxl__domid_to_name(gc, st[i].domid);
        LOG(ERROR, "domain \"%s\" (id %u) has %s bound, its interrupt on "
            "CPU %u: the domain and the CPU stay in their cpupool until the "
            "domain is destroyed", name ? name : "?", st[i].domid,
            source_desc(gc, st[i].source), st[i].cpu);
    }
 out:
    errno = saved;
}

void libxl__natsume_teardown(libxl__gc *gc, uint32_t domid)
{
    xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
    uint32_t nr = XEN_NATSUME_NR_SOURCES, i;
    libxl_dominfo info;

    libxl_dominfo_init(&info);

    /* Xen unbinds at destruction anyway: stop the ticks first here. */
    if (!xc_natsume_status(CTX->xch, st, &nr, NULL)) {
        for (i = 0; i < nr && i < XEN_NATSUME_NR_SOURCES; i++) {
            const char *name;

            if (!(st[i].flags & XEN_NATSUME_BOUND) || st[i].domid != domid)
                continue;
            name = source_name(gc, st[i].source);
            if (xc_natsume_unbind(CTX->xch, domid, st[i].source))
                LOGED(ERROR, domid, "natsume: cannot unbind %s", name);
        }
    }

    /* The cpupool made for the domain, and only such a one, goes. */
    if (libxl_domain_info(CTX, &info, domid) ||
        !pool_is_ours(gc, info.cpupool))
        goto out;
    if (libxl_cpupool_movedomain(CTX, 0, domid)) {
        LOGD(ERROR, domid, "natsume: cannot move the domain to Pool-0");
        goto out;
    }
    pool_undo(gc, info.cpupool);

 out:
    libxl_dominfo_dispose(&info);
}

/* The libxl value of a natsume_logic state (the same, name by name). */
static libxl_natsume_state libxl_state(enum natsume_state s)
{
    return (libxl_natsume_state)s;
}

/* The state of a binding held by domid. */
static libxl_natsume_state binding_state(libxl__gc *gc, uint32_t domid,
                                         const xen_natsume_stats_t *x,
                                         uint64_t period_ns)
{
    struct natsume_dom_state d = { 0 };
    struct natsume_tick_state t = {
        .undelivered_run = x->undelivered_run,
        .last_fate = (enum natsume_fate)x->last_fate,
        .age_ns = x->last_tick_age_ns,
        .period_ns = period_ns,
    };
    libxl_dominfo info;

    /* natsume_logic.h repeats Xen's values of a tick's fate. */
    BUILD_BUG_ON(NATSUME_FATE_NONE != XEN_NATSUME_FATE_NONE);
    BUILD_BUG_ON(NATSUME_FATE_DELIVERED != XEN_NATSUME_FATE_DELIVERED);
    BUILD_BUG_ON(NATSUME_FATE_NO_PORT != XEN_NATSUME_FATE_NO_PORT);
    BUILD_BUG_ON(NATSUME_FATE_NOT_RUNNING != XEN_NATSUME_FATE_NOT_RUNNING);
    BUILD_BUG_ON(NATSUME_FATE_PENDING != XEN_NATSUME_FATE_PENDING);

    libxl_dominfo_init(&info);
    if (libxl_domain_info(CTX, &info, domid)) {
        d.gone = 1;
    } else {
        d.dying = info.dying;
        d.shutdown = info.shutdown;
        d.crashed = info.shutdown &&
                    info.shutdown_reason == LIBXL_SHUTDOWN_REASON_CRASH;
        d.paused = info.paused;
    }
    libxl_dominfo_dispose(&info);

    return libxl_state(natsume_binding_state(&d, &t));
}

int libxl_natsume_status(libxl_ctx *ctx, libxl_natsume_source_status **list_r,
                         int *nr_r)
{
    GC_INIT(ctx);
    xen_natsume_status_t st[XEN_NATSUME_NR_SOURCES];
    uint32_t nr = XEN_NATSUME_NR_SOURCES, reserved = 0, i, j;
    libxl_natsume_source_status *list = NULL;
    int rc;

    *list_r = NULL;
    *nr_r = 0;
    if (xc_natsume_status(CTX->xch, st, &nr, &reserved)) {
        LOGE(ERROR, "cannot read Xen's timer status");
        rc = ERROR_FAIL;
        goto out;
    }
    if (nr > XEN_NATSUME_NR_SOURCES)
        nr = XEN_NATSUME_NR_SOURCES;

    list = libxl__calloc(NOGC, nr ? nr : 1, sizeof(*list));
    for (i = 0; i < nr; i++) {
        libxl_natsume_source_status *s = &list[i];
        const xen_natsume_stats_t *x = &st[i].stats;

        libxl_natsume_source_status_init(s);
        s->source = (libxl_rtos_timer)natsume_source_timer(st[i].source);
        s->xen_source = st[i].source;
        s->name = libxl__strdup(NOGC, source_name(gc, st[i].source));
        s->reserved = !!(reserved & (1U << st[i].source));
        s->bound = !!(st[i].flags & XEN_NATSUME_BOUND);
        s->has_stats = !!(st[i].flags & XEN_NATSUME_STATS);
        if (!s->has_stats)
            continue;
        s->domid = st[i].domid;
        s->domain_name = s->bound ? libxl_domid_to_name(CTX, st[i].domid)
                                  : NULL;
        s->vcpu = st[i].vcpu;
        s->cpu = st[i].cpu;
        s->count = st[i].count;
        s->period_ns = st[i].req_period_ns;
        s->actual_period_ns = st[i].period_ns;
        s->ticks = x->ticks;
        s->delivered = x->delivered;
        s->woken = x->woken;
        s->no_port = x->no_port;
        s->not_running = x->not_running;
        s->pending = x->pending;
        s->intervals = x->intervals;
        s->interval_min_ns = x->interval_min_ns;
        s->interval_mean_ns = x->interval_mean_ns;
        s->interval_max_ns = x->interval_max_ns;
        s->interval_stddev_ns = natsume_isqrt(x->interval_var_ns2);
        s->late = x->late;
        s->num_hist = XEN_NATSUME_HIST_BUCKETS;
        s->hist = libxl__calloc(NOGC, s->num_hist, sizeof(*s->hist));
        for (j = 0; j < XEN_NATSUME_HIST_BUCKETS; j++)
            s->hist[j] = x->hist[j];
        s->undelivered_run = x->undelivered_run;
        if (s->bound) {
            s->last_tick_age_ns = x->last_tick_age_ns;
            s->state = binding_state(gc, st[i].domid, x, st[i].period_ns);
        }
    }

    *list_r = list;
    *nr_r = nr;
    list = NULL;
    rc = 0;

 out:
    free(list);
    GC_FREE;
    return rc;
}

void libxl_natsume_source_status_list_free(libxl_natsume_source_status *list,
                                           int nr)
{
    int i;

    for (i = 0; i < nr; i++)
        libxl_natsume_source_status_dispose(&list[i]);
    free(list);
}

/*
 * Local variables:
 * mode: C
 * c-basic-offset: 4
 * indent-tabs-mode: nil
 * End:
 */
