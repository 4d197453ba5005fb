/*
 * bench-analyze: the figures of one benchmark run, from the demo RTOS
 * guest's per-tick output (raw=1: "NATSUME-TICK i t_ns late_ns" lines).
 *
 *   bench-analyze [-d] [-H FILE [-b BIN_NS]] PERIOD_NS LOG
 *
 * PERIOD_NS is the period the ticks should come at (for the PIT, the
 * period it actually runs at, fractions of a ns included).  -d: the ticks
 * came at deadlines the guest armed itself, so none can go missing
 * (mode=xen): their lateness is the guest's, against its deadlines.
 * Otherwise lateness is against the ideal train, computed by the guest's
 * own code (stats_late_fitted()) at this period, and the ticks not
 * delivered are those the span from
 * the first tick to the last should hold but did not arrive: robust as
 * long as the first and last tick are less than half a period apart in
 * lateness, however late the ones between.  Prints "key value"
 * lines; -H writes the intervals' histogram (bins of BIN_NS, default
 * 100, "interval_us count" per bin with a count) to FILE for plotting.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rtos/stats.h"

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

/* min, mean, max, std dev, p99, p99.9 of v[0..n-1] (sorted in place). */
static void summary(const char *key, int64_t *v, size_t n)
{
    double sum = 0, sq = 0, mean;
    size_t i;

    for ( i = 0; i < n; i++ )
        sum += (double)v[i];
    mean = sum / (double)n;
    for ( i = 0; i < n; i++ )
        sq += ((double)v[i] - mean) * ((double)v[i] - mean);

    qsort(v, n, sizeof(*v), cmp_i64);
    printf("%s_min_ns %" PRId64 "\n", key, v[0]);
    printf("%s_mean_ns %.1f\n", key, mean);
    printf("%s_max_ns %" PRId64 "\n", key, v[n - 1]);
    printf("%s_stddev_ns %.1f\n", key, sqrt(sq / (double)n));
    printf("%s_p99_ns %" PRId64 "\n", key, percentile(v, n, 990));
    printf("%s_p999_ns %" PRId64 "\n", key, percentile(v, n, 999));
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
    const char *hist = NULL;
    int deadlines = 0, opt;
    int64_t bin = 100;
    int64_t *iv, maxdev = 0, missed = 0;
    double period;
    size_t i, n, in100 = 0, in1000 = 0;
    char *end;

    while ( (opt = getopt(argc, argv, "dH:b:")) != -1 )
    {
        switch ( opt )
        {
        case 'd': deadlines = 1; break;
        case 'H': hist = optarg; break;
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
                "usage: bench-analyze [-d] [-H FILE [-b BIN_NS]] PERIOD_NS LOG\n");
        return 2;
    }
    errno = 0;
    period = strtod(argv[optind], &end);
    if ( errno || *end || !(period >= 1) )
        die("PERIOD_NS must be a positive number of ns, not '%s'",
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

    printf("ticks %zu\n", tk.n);
    printf("period_ns %.0f\n", period);
    summary("interval", iv, n);
    printf("interval_maxdev_ns %" PRId64 "\n", maxdev);
    printf("within_100ns_pct %.2f\n", 100.0 * (double)in100 / (double)n);
    printf("within_1us_pct %.2f\n", 100.0 * (double)in1000 / (double)n);
    summary("late", tk.late, tk.n);
    printf("not_delivered %" PRId64 "\n", missed);
    if ( hist )
        histogram(hist, iv, n, bin);

    return 0;
}
