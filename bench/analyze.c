/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench-analyze: the figures of one benchmark run, from the demo RTOS
 * guest's per-tick output (raw=1: "NATSUME-TICK i t_ns late_ns" lines).
 *
 *   bench-analyze [-d] [-H FILE [-b BIN_NS]] [-r SCENARIO -l LOAD] PERIOD_NS LOG
 *   bench-analyze -T
 *
 * PERIOD_NS is the period the ticks should come at; pit:NS for the PIT
 * whose actual period Xen gives as NS: the period of the PIT's whole count
 * of its 1193182 Hz clock nearest to NS, fractions of a ns included.  -d: the ticks
 * came at deadlines the guest armed itself, so none can go missing
 * (mode=xen): their lateness is the guest's, against its deadlines.
 * Otherwise lateness is against the ideal train, computed by the guest's
 * own code (stats_late_fitted()) at this period, and the ticks not
 * delivered are those the span from
 * the first tick to the last should hold but did not arrive: robust as
 * long as the first and last tick are less than half a period apart in
 * lateness, however late the ones between.  Prints "key value"
 * lines, or with -r the row of the benchmark's table for that scenario and
 * load (-T: the table's header); -H writes the intervals' histogram (bins
 * of BIN_NS, default 100, "interval_us count" per bin with a count) to
 * FILE for plotting.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rtos/stats.h"

#define NATSUME_PIT_HZ 1193182.0

struct ticks {
    uint64_t *t;
    int64_t *late;
    size_t n, cap;
};

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "bench-analyze: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static void read_ticks(const char *path, struct ticks *tk)
{
    FILE *f = fopen(path, "r");
    char line[256];
    int ended = 0;

    if ( !f )
        die("%s: cannot open it", path);

    while ( fgets(line, sizeof(line), f) )
    {
        unsigned long long i, t;
        long long late;

        if ( !strncmp(line, "NATSUME-TICKS-END", 17) )
            ended = 1;
        if ( sscanf(line, "NATSUME-TICK %llu %llu %lld", &i, &t, &late) != 3 )
            continue;
        if ( i != tk->n )
            die("%s: tick lines out of order or missing", path);
        if ( tk->n == tk->cap )
        {
            tk->cap = tk->cap ? 2 * tk->cap : 8192;
            tk->t = realloc(tk->t, tk->cap * sizeof(*tk->t));
            tk->late = realloc(tk->late, tk->cap * sizeof(*tk->late));
            if ( !tk->t || !tk->late )
                die("%s: out of memory", path);
        }
        tk->t[tk->n] = t;
        tk->late[tk->n] = late;
        tk->n++;
    }
    fclose(f);

    if ( !ended )
        die("%s: no NATSUME-TICKS-END line: the tick data is cut short", path);
    if ( tk->n < 2 )
        die("%s: fewer than 2 ticks", path);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted a[0..n-1], p in per mille. */
static int64_t percentile(const int64_t *a, size_t n, unsigned int permille)
{
    size_t rank = (permille * n + 999) / 1000;

    return a[rank ? rank - 1 : 0];
}

struct summary {
    int64_t min, max, p99, p999;
    double mean, stddev;
};

/* min, mean, max, std dev, p99, p99.9 of v[0..n-1] (sorted in place). */
static struct summary summarize(int64_t *v, size_t n)
{
    struct summary s;
    double sum = 0, sq = 0;
    size_t i;

    for ( i = 0; i < n; i++ )
        sum += (double)v[i];
    s.mean = sum / (double)n;
    for ( i = 0; i < n; i++ )
        sq += ((double)v[i] - s.mean) * ((double)v[i] - s.mean);
    s.stddev = sqrt(sq / (double)n);

    qsort(v, n, sizeof(*v), cmp_i64);
    s.min = v[0];
    s.max = v[n - 1];
    s.p99 = percentile(v, n, 990);
    s.p999 = percentile(v, n, 999);

    return s;
}

static double us(int64_t ns)
{
    return (double)ns / 1000;
}

static void print_summary(const char *key, const struct summary *s)
{
    printf("%s_min_ns %" PRId64 "\n", key, s->min);
    printf("%s_mean_ns %.1f\n", key, s->mean);
    printf("%s_max_ns %" PRId64 "\n", key, s->max);
    printf("%s_stddev_ns %.1f\n", key, s->stddev);
    printf("%s_p99_ns %" PRId64 "\n", key, s->p99);
    printf("%s_p999_ns %" PRId64 "\n", key, s->p999);
}

/* The table that make bench and natsume-bench print, one row a run. */
static void print_header(void)
{
    printf("| scenario | load | ticks | interval min (us) | max (us) | "
           "mean (us) | std dev (us) | p99 (us) | p99.9 (us) | "
           "max \\|iv - P\\| (us) | within +/-0.1 us | within +/-1 us | "
           "lateness max (us) | lateness p99.9 (us) | not delivered |\n");
    printf("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
}

static void histogram(const char *path, const int64_t *iv, size_t n,
                      int64_t bin)
{
    int64_t lo = iv[0] / bin, hi = iv[n - 1] / bin, b;
    size_t i = 0;
    FILE *f = fopen(path, "w");

    if ( !f )
        die("%s: cannot write it", path);

    /* iv is sorted: one pass, empty bins left out. */
    for ( b = lo; b <= hi && i < n; b++ )
    {
        size_t count = 0;

        while ( i < n && iv[i] / bin == b )
        {
            count++;
            i++;
        }
        if ( count )
            fprintf(f, "%.3f %zu\n", (double)(b * bin) / 1000 +
                    (double)bin / 2000, count);
    }
    if ( fclose(f) )
        die("%s: write failed", path);
}

int main(int argc, char **argv)
{
    struct ticks tk = { 0 };
    const char *hist = NULL, *row = NULL, *load = "";
    int deadlines = 0, opt;
    int64_t bin = 100;
    int64_t *iv, maxdev = 0, missed = 0;
    struct summary ivs, lates;
    double period;
    size_t i, n, in100 = 0, in1000 = 0;
    char *end;

    while ( (opt = getopt(argc, argv, "dH:b:r:l:T")) != -1 )
    {
        switch ( opt )
        {
        case 'd': deadlines = 1; break;
        case 'H': hist = optarg; break;
        case 'r': row = optarg; break;
        case 'l': load = optarg; break;
        case 'T': print_header(); return 0;
        case 'b':
            bin = strtoll(optarg, &end, 10);
            if ( *end || bin <= 0 )
                die("-b: a bin width in ns, not '%s'", optarg);
            break;
        default:  return 2;
        }
    }
    if ( argc - optind != 2 )
    {
        fprintf(stderr,
                "usage: bench-analyze [-d] [-H FILE [-b BIN_NS]] "
                "[-r SCENARIO -l LOAD] PERIOD_NS LOG\n"
                "       bench-analyze -T\n");
        return 2;
    }
    errno = 0;
    if ( !strncmp(argv[optind], "pit:", 4) )
    {
        /* The PIT's period: a whole count of its clock, the one nearest. */
        period = strtod(argv[optind] + 4, &end);
        period = llround(period * NATSUME_PIT_HZ / 1e9) * 1e9 / NATSUME_PIT_HZ;
    }
    else
        period = strtod(argv[optind], &end);
    if ( errno || *end || !(period >= 1) )
        die("PERIOD_NS must be a positive number of ns or pit:NS, not '%s'",
            argv[optind]);
    read_ticks(argv[optind + 1], &tk);

    n = tk.n - 1;
    iv = malloc(n * sizeof(*iv));
    if ( !iv )
        die("%s", "out of memory");
    for ( i = 0; i < n; i++ )
    {
        int64_t d;

        iv[i] = (int64_t)(tk.t[i + 1] - tk.t[i]);
        d = llround(fabs((double)iv[i] - period));
        if ( d > maxdev )
            maxdev = d;
        in100 += d <= 100;
        in1000 += d <= 1000;
    }
    if ( !deadlines )
    {
        missed = llround((double)(tk.t[n] - tk.t[0]) / period) + 1 -
                 (int64_t)tk.n;
        stats_late_fitted(tk.t, tk.n, (uint64_t)llround(period), tk.late);
    }

    ivs = summarize(iv, n);
    lates = summarize(tk.late, tk.n);
    if ( row )
        printf("| %s | %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | "
               "%.3f | %.2f %% | %.2f %% | %.3f | %.3f | %" PRId64 " |\n",
               row, load, tk.n, us(ivs.min), us(ivs.max), ivs.mean / 1000,
               ivs.stddev / 1000, us(ivs.p99), us(ivs.p999), us(maxdev),
               100.0 * (double)in100 / (double)n,
               100.0 * (double)in1000 / (double)n, us(lates.max),
               us(lates.p999), missed);
    else
    {
        printf("ticks %zu\n", tk.n);
        printf("period_ns %.0f\n", period);
        print_summary("interval", &ivs);
        printf("interval_maxdev_ns %" PRId64 "\n", maxdev);
        printf("within_100ns_pct %.2f\n", 100.0 * (double)in100 / (double)n);
        printf("within_1us_pct %.2f\n", 100.0 * (double)in1000 / (double)n);
        print_summary("late", &lates);
        printf("not_delivered %" PRId64 "\n", missed);
    }
    if ( hist )
        histogram(hist, iv, n, bin);

    return 0;
}
