/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Formatting of the results: a summary for people and one JSON line for
 * scripts.  Pure C, no libc: compiled in the guest and in the host tests.
 */
#include "rtos/format.h"
#include "rtos/report.h"

#define BAR_WIDTH 50

struct sink {
    char *buf;
    size_t len;
    size_t pos;
};

static void add(struct sink *k, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add(struct sink *k, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    if ( k->pos < k->len )
        n = rt_vsnprintf(k->buf + k->pos, k->len - k->pos, fmt, ap);
    else
        n = rt_vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);

    k->pos += (size_t)n;
}

static void start(struct sink *k, char *buf, size_t len)
{
    k->buf = buf;
    k->len = len;
    k->pos = 0;
    if ( len )
        buf[0] = '\0';
}

static void histogram(struct sink *k, const struct stats *s)
{
    uint32_t i, peak = 0;

    for ( i = 0; i < s->hist_bins; i++ )
        if ( s->hist[i] > peak )
            peak = s->hist[i];

    add(k, "histogram of intervals, bin width %llu ns:\n",
        (unsigned long long)s->hist_width_ns);

    for ( i = 0; i < s->hist_bins; i++ )
    {
        uint64_t lo = s->hist_lo_ns + (uint64_t)i * s->hist_width_ns;
        /* Round up so that a non-empty bin always shows. */
        uint32_t bar = (uint32_t)(((uint64_t)s->hist[i] * BAR_WIDTH +
                                   peak - 1) / peak);

        add(k, "  [%10llu, %10llu) ns %7u |",
            (unsigned long long)lo,
            (unsigned long long)(lo + s->hist_width_ns), s->hist[i]);
        while ( bar-- )
            add(k, "#");
        add(k, "\n");
    }
}

size_t report_text(char *buf, size_t len, const struct report *r)
{
    const struct stats *s = r->st;
    struct sink k;

    start(&k, buf, len);

    add(&k, "intervals:  %u (ticks %u, mode %s, period %llu ns)\n",
        s->n, r->ticks, r->mode, (unsigned long long)r->period_ns);

    if ( s->n == 0 )
    {
        add(&k, "no intervals: statistics need at least 2 ticks\n");
        return k.pos;
    }

    add(&k, "min:        %llu ns\n", (unsigned long long)s->min_ns);
    add(&k, "mean:       %llu ns\n", (unsigned long long)s->mean_ns);
    add(&k, "max:        %llu ns\n", (unsigned long long)s->max_ns);
    add(&k, "stddev:     %llu ns\n", (unsigned long long)s->stddev_ns);
    add(&k, "p50:        %llu ns\n", (unsigned long long)s->p50_ns);
    add(&k, "p99:        %llu ns\n", (unsigned long long)s->p99_ns);
    add(&k, "p99.9:      %llu ns\n", (unsigned long long)s->p999_ns);
    add(&k, "within:     %u.%02u %% of intervals within +/-100 ns of the mean\n",
        s->within_100ns_bp / 100, s->within_100ns_bp % 100);
    add(&k, "within:     %u.%02u %% of intervals within +/-1 us of the mean\n",
        s->within_1us_bp / 100, s->within_1us_bp % 100);
    /* Ticks at deadlines come late but never go missing. */
    if ( !r->deadlines )
    {
        add(&k, "missed:     %llu ticks (intervals over 1.5 x p50)\n",
            (unsigned long long)s->missed);
        add(&k, "period:     %llu ns (estimated, missed ticks counted)\n",
            (unsigned long long)s->period_est_ns);
    }

    if ( r->late && r->late->n )
        add(&k, "lateness:   min %lld ns, mean %lld ns, max %lld ns, "
            "p99 %lld ns, p99.9 %lld ns (arrival - %s)\n",
            (long long)r->late->min_ns, (long long)r->late->mean_ns,
            (long long)r->late->max_ns, (long long)r->late->p99_ns,
            (long long)r->late->p999_ns,
            r->deadlines ? "deadline" : "ideal tick at the mean period");

    if ( r->backwards )
        add(&k, "warning:    %u timestamps went back (counted as 0 ns)\n",
            r->backwards);

    histogram(&k, s);

    return k.pos;
}

static void json_u64(struct sink *k, const char *key, uint64_t v, int valid)
{
    if ( valid )
        add(k, ",\"%s\":%llu", key, (unsigned long long)v);
    else
        add(k, ",\"%s\":null", key);
}

static void json_i64(struct sink *k, const char *key, int64_t v, int valid)
{
    if ( valid )
        add(k, ",\"%s\":%lld", key, (long long)v);
    else
        add(k, ",\"%s\":null", key);
}

static void json_pct(struct sink *k, const char *key, uint32_t bp, int valid)
{
    if ( valid )
        add(k, ",\"%s\":%u.%02u", key, bp / 100, bp % 100);
    else
        add(k, ",\"%s\":null", key);
}

size_t report_json(char *buf, size_t len, const struct report *r)
{
    const struct stats *s = r->st;
    int have = s->n > 0;
    int late = r->late && r->late->n > 0;
    struct sink k;
    uint32_t i;

    start(&k, buf, len);

    /* The mode string comes from our own table: no escaping needed. */
    add(&k, REPORT_RESULT_TAG "{\"mode\":\"%s\"", r->mode);
    json_u64(&k, "period_ns", r->period_ns, 1);
    json_u64(&k, "ticks", r->ticks, 1);
    json_u64(&k, "intervals", s->n, 1);
    json_u64(&k, "min_ns", s->min_ns, have);
    json_u64(&k, "mean_ns", s->mean_ns, have);
    json_u64(&k, "max_ns", s->max_ns, have);
    json_u64(&k, "stddev_ns", s->stddev_ns, have);
    json_u64(&k, "p50_ns", s->p50_ns, have);
    json_u64(&k, "p99_ns", s->p99_ns, have);
    json_u64(&k, "p999_ns", s->p999_ns, have);
    json_pct(&k, "within_100ns_pct", s->within_100ns_bp, have);
    json_pct(&k, "within_1us_pct", s->within_1us_bp, have);
    json_u64(&k, "missed", s->missed, !r->deadlines);
    json_u64(&k, "period_est_ns", s->period_est_ns, have && !r->deadlines);
    json_i64(&k, "late_min_ns", late ? r->late->min_ns : 0, late);
    json_i64(&k, "late_mean_ns", late ? r->late->mean_ns : 0, late);
    json_i64(&k, "late_max_ns", late ? r->late->max_ns : 0, late);
    json_i64(&k, "late_p99_ns", late ? r->late->p99_ns : 0, late);
    json_i64(&k, "late_p999_ns", late ? r->late->p999_ns : 0, late);
    json_u64(&k, "backwards", r->backwards, 1);
    json_u64(&k, "hist_lo_ns", s->hist_lo_ns, have);
    json_u64(&k, "hist_width_ns", s->hist_width_ns, have);

    add(&k, ",\"hist\":[");
    for ( i = 0; i < s->hist_bins; i++ )
        add(&k, i ? ",%u" : "%u", s->hist[i]);
    add(&k, "]}\n");

    return k.pos;
}
