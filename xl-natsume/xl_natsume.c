/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * xl_natsume.c: the rtos_* keys of a domain config, and
 * "xl natsume-status [-j] [domain]": what Xen reserved at boot, each
 * reserved source bound or free, each binding and how well it ticks, as a
 * table or as JSON.
 *
 * xl only parses and prints: checks and actions are libxl's
 * (libxl_natsume.c), the names of sources and the histogram's bucket
 * bounds natsume_logic.c's.
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as published
 * by the Free Software Foundation; version 2.1 only. with the special
 * exception on linking described in file LICENSE.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU Lesser General Public License for more details.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include <libxl.h>
#include <libxl_utils.h>
#include <libxlutil.h>

#include "xl.h"
#include "xl_utils.h"
#include "xl_natsume.h"
#include "natsume_logic.h"

/*
 * The text of key in config, or NULL when it is not there.  Numbers are
 * text in a config too; a list is an error.
 */
static const char *natsume_value(const XLU_Config *config, const char *key)
{
    const char *v;
    int e = xlu_cfg_get_string(config, key, &v, 1);

    if (e == ESRCH)
        return NULL;
    if (e) {
        fprintf(stderr, "%s: a single value is needed, not a list\n", key);
        exit(EXIT_FAILURE);
    }
    return v;
}

void parse_natsume_config(const XLU_Config *config,
                          libxl_domain_config *d_config)
{
    libxl_domain_build_info *b_info = &d_config->b_info;
    const char *timer = natsume_value(config, "rtos_timer");
    const char *cpu = natsume_value(config, "rtos_cpu");
    const char *period = natsume_value(config, "rtos_timer_period_us");
    struct natsume_keys k;
    char err[256];

    if (natsume_parse_keys(timer, cpu, period, &k, err, sizeof(err))) {
        fprintf(stderr, "%s\n", err);
        exit(EXIT_FAILURE);
    }
    /* The keys live in the PV part of b_info: no other type has them. */
    k.type = libxl_domain_type_to_string(b_info->type);
    if (natsume_check_type(&k, err, sizeof(err))) {
        fprintf(stderr, "%s\n", err);
        exit(EXIT_FAILURE);
    }
    if (b_info->type != LIBXL_DOMAIN_TYPE_PV)
        return;

    if (timer)
        b_info->u.pv.rtos_timer = (libxl_rtos_timer)k.timer;
    if (cpu)
        b_info->u.pv.rtos_cpu = k.cpu;
    if (period)
        b_info->u.pv.rtos_timer_period_us = k.period_us;

    /* Xen cannot soft-reset a PV domain: a new one is the nearest thing. */
    if (k.timer != NATSUME_TIMER_XEN &&
        !natsume_value(config, "on_soft_reset"))
        d_config->on_soft_reset = LIBXL_ACTION_ON_SHUTDOWN_RESTART;
}

/* "pit", "hpet2" (libxl names it as natsume_logic does). */
static const char *source_name(const libxl_natsume_source_status *s)
{
    return s->name ? s->name : "?";
}

/* Ticks lost: not_running ones are left pending and taken late. */
static uint64_t dropped(const libxl_natsume_source_status *s)
{
    return s->no_port + s->pending;
}

/* natsume_logic's text for a state (the IDL's, name by name). */
static const char *state_text(libxl_natsume_state st)
{
    const char *t = natsume_state_text((enum natsume_state)st);

    return t ? t : "?";
}

static void print_hist_label(FILE *f, int i, int n)
{
    if (i == n - 1)
        fprintf(f, ">=%"PRIu64"ns", natsume_hist_low_ns(i));
    else
        fprintf(f, "<%"PRIu64"ns", natsume_hist_low_ns(i + 1));
}

static void print_table(const libxl_natsume_source_status *list, int nr,
                        uint32_t domid)
{
    int i, j, rows = 0;
    bool any = false;

    printf("Reserved at boot:");
    for (i = 0; i < nr; i++) {
        if (list[i].reserved) {
            printf(" %s", source_name(&list[i]));
            any = true;
        }
    }
    printf("%s\n", any ? "" : " none");

    printf("%-6s %-16s %5s %4s %11s %11s %10s %10s %10s\n", "Source",
           "Domain", "Id", "CPU", "Period(ns)", "Actual(ns)", "Ticks",
           "Delivered", "Dropped");
    for (i = 0; i < nr; i++) {
        const libxl_natsume_source_status *s = &list[i];

        /* A free source is listed too, unless one domain is asked for. */
        if (!s->bound && s->reserved && domid == INVALID_DOMID)
            printf("%-6s (free)\n", source_name(s));
        if (!s->bound || (domid != INVALID_DOMID && s->domid != domid))
            continue;
        rows++;
        printf("%-6s %-16s %5u %4u %11"PRIu64" %11"PRIu64" %10"PRIu64
               " %10"PRIu64" %10"PRIu64"\n", source_name(s),
               s->domain_name ? s->domain_name : "?", s->domid, s->cpu,
               s->period_ns, s->actual_period_ns, s->ticks, s->delivered,
               dropped(s));
        printf("  state: %s", state_text(s->state));
        if (s->undelivered_run)
            printf(" (%"PRIu64" tick%s not delivered since the last one)",
                   s->undelivered_run, s->undelivered_run == 1 ? "" : "s");
        printf("; last tick %"PRIu64" us ago\n", s->last_tick_age_ns / 1000);
        printf("  dropped: no_port %"PRIu64", pending %"PRIu64
               "; late: not_running %"PRIu64"; woken %"PRIu64"\n",
               s->no_port, s->pending, s->not_running, s->woken);
        printf("  interval (ns): count %"PRIu64", min %"PRIu64", mean %"
               PRIu64", max %"PRIu64", stddev %"PRIu64", late %"PRIu64"\n",
               s->intervals, s->interval_min_ns, s->interval_mean_ns,
               s->interval_max_ns, s->interval_stddev_ns, s->late);
        printf("  deviation from %"PRIu64" ns:", s->actual_period_ns);
        for (j = 0; j < s->num_hist; j++) {
            if (!s->hist[j])
                continue;
            putchar(' ');
            print_hist_label(stdout, j, s->num_hist);
            printf(" %"PRIu64, s->hist[j]);
        }
        putchar('\n');
    }
    if (!rows)
        printf("(no timer bound)\n");
}

#define CHK(expr) do { if ((expr) != yajl_gen_status_ok) goto out; } while (0)

static yajl_gen_status gen_str(yajl_gen g, const char *s)
{
    return yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

static yajl_gen_status gen_key_u64(yajl_gen g, const char *k, uint64_t v)
{
    yajl_gen_status st = gen_str(g, k);

    return st != yajl_gen_status_ok ? st : yajl_gen_integer(g, v);
}

static int print_json(const libxl_natsume_source_status *list, int nr,
                      uint32_t domid)
{
    yajl_gen g = yajl_gen_alloc(NULL);
    const unsigned char *buf;
    size_t len;
    int i, j, rc = ERROR_FAIL;

    if (!g)
        return rc;
    yajl_gen_config(g, yajl_gen_beautify, 1);

    CHK(yajl_gen_map_open(g));
    CHK(gen_str(g, "reserved"));
    CHK(yajl_gen_array_open(g));
    for (i = 0; i < nr; i++)
        if (list[i].reserved)
            CHK(gen_str(g, source_name(&list[i])));
    CHK(yajl_gen_array_close(g));

    CHK(gen_str(g, "free"));
    CHK(yajl_gen_array_open(g));
    for (i = 0; i < nr; i++)
        if (list[i].reserved && !list[i].bound)
            CHK(gen_str(g, source_name(&list[i])));
    CHK(yajl_gen_array_close(g));

    CHK(gen_str(g, "bindings"));
    CHK(yajl_gen_array_open(g));
    for (i = 0; i < nr; i++) {
        const libxl_natsume_source_status *s = &list[i];

        if (!s->bound || (domid != INVALID_DOMID && s->domid != domid))
            continue;
        CHK(yajl_gen_map_open(g));
        CHK(gen_str(g, "source"));
        CHK(gen_str(g, source_name(s)));
        CHK(gen_str(g, "rtos_timer"));
        CHK(gen_str(g, libxl_rtos_timer_to_string(s->source) ?: "?"));
        CHK(gen_str(g, "domain"));
        CHK(gen_str(g, s->domain_name ? s->domain_name : ""));
        CHK(gen_key_u64(g, "domid", s->domid));
        CHK(gen_key_u64(g, "cpu", s->cpu));
        CHK(gen_key_u64(g, "vcpu", s->vcpu));
        CHK(gen_key_u64(g, "period_ns", s->period_ns));
        CHK(gen_key_u64(g, "actual_period_ns", s->actual_period_ns));
        CHK(gen_key_u64(g, "ticks", s->ticks));
        CHK(gen_key_u64(g, "delivered", s->delivered));
        CHK(gen_key_u64(g, "woken", s->woken));
        CHK(gen_key_u64(g, "not_running", s->not_running));
        CHK(gen_key_u64(g, "dropped", dropped(s)));
        CHK(gen_str(g, "state"));
        CHK(gen_str(g, libxl_natsume_state_to_string(s->state)));
        CHK(gen_key_u64(g, "undelivered_run", s->undelivered_run));
        CHK(gen_key_u64(g, "last_tick_age_ns", s->last_tick_age_ns));
        CHK(gen_str(g, "dropped_by_reason"));
        CHK(yajl_gen_map_open(g));
        CHK(gen_key_u64(g, "no_port", s->no_port));
        CHK(gen_key_u64(g, "pending", s->pending));
        CHK(yajl_gen_map_close(g));
        CHK(gen_str(g, "interval_ns"));
        CHK(yajl_gen_map_open(g));
        CHK(gen_key_u64(g, "count", s->intervals));
        CHK(gen_key_u64(g, "min", s->interval_min_ns));
        CHK(gen_key_u64(g, "mean", s->interval_mean_ns));
        CHK(gen_key_u64(g, "max", s->interval_max_ns));
        CHK(gen_key_u64(g, "stddev", s->interval_stddev_ns));
        CHK(gen_key_u64(g, "late", s->late));
        CHK(yajl_gen_map_close(g));
        CHK(gen_str(g, "deviation_histogram"));
        CHK(yajl_gen_array_open(g));
        for (j = 0; j < s->num_hist; j++) {
            CHK(yajl_gen_map_open(g));
            CHK(gen_key_u64(g, "from_ns", natsume_hist_low_ns(j)));
            CHK(gen_str(g, "to_ns"));
            if (j == s->num_hist - 1)
                CHK(yajl_gen_null(g));
            else
                CHK(yajl_gen_integer(g, natsume_hist_low_ns(j + 1)));
            CHK(gen_key_u64(g, "count", s->hist[j]));
            CHK(yajl_gen_map_close(g));
        }
        CHK(yajl_gen_array_close(g));
        CHK(yajl_gen_map_close(g));
    }
    CHK(yajl_gen_array_close(g));
    CHK(yajl_gen_map_close(g));

    CHK(yajl_gen_get_buf(g, &buf, &len));
    fwrite(buf, 1, len, stdout);
    if (len && buf[len - 1] != '\n')
        putchar('\n');
    rc = 0;

 out:
    yajl_gen_free(g);
    return rc;
}

int main_natsume_status(int argc, char **argv)
{
    libxl_natsume_source_status *list = NULL;
    uint32_t domid = INVALID_DOMID;
    bool json = false, found = false;
    int opt, nr = 0, i, rc;
    static struct option opts[] = {
        {"json", 0, 0, 'j'},
        COMMON_LONG_OPTS
    };

    SWITCH_FOREACH_OPT(opt, "j", opts, "natsume-status", 0) {
    case 'j':
        json = true;
        break;
    }
    if (argc - optind > 1) {
        help("natsume-status");
        return EXIT_FAILURE;
    }
    if (optind < argc)
        domid = find_domain(argv[optind]);

    rc = libxl_natsume_status(ctx, &list, &nr);
    if (rc) {
        fprintf(stderr, "natsume-status: cannot read the timer status from "
                "Xen\n");
        return EXIT_FAILURE;
    }

    if (domid != INVALID_DOMID) {
        for (i = 0; i < nr; i++)
            if (list[i].bound && list[i].domid == domid)
                found = true;
        if (!found) {
            fprintf(stderr, "natsume-status: domain \"%s\" (id %u) has no "
                    "timer bound\n", common_domname ? common_domname : "?",
                    domid);
            libxl_natsume_source_status_list_free(list, nr);
            return EXIT_FAILURE;
        }
    }

    if (json)
        rc = print_json(list, nr, domid);
    else
        print_table(list, nr, domid);

    libxl_natsume_source_status_list_free(list, nr);
    if (rc) {
        fprintf(stderr, "natsume-status: cannot generate JSON\n");
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

/*
 * Local variables:
 * mode: C
 * c-basic-offset: 4
 * indent-tabs-mode: nil
 * End:
 */
