/* Interval statistics in integer arithmetic. */
#ifndef RTOS_STATS_H
#define RTOS_STATS_H

#include <stdint.h>

#define STATS_HIST_BINS 20

struct stats {
    uint32_t n;                 /* number of intervals */
    uint64_t min_ns;
    uint64_t max_ns;
    uint64_t mean_ns;           /* rounded to nearest */
    uint64_t stddev_ns;         /* population, rounded to nearest */
    uint64_t p50_ns;            /* nearest-rank percentiles */
    uint64_t p99_ns;
    uint64_t p999_ns;
    uint32_t within_100ns_bp;   /* share within +/-100 ns of the mean, 1/100 % */
    uint32_t within_1us_bp;     /* share within +/-1 us of the mean, 1/100 % */
    uint64_t hist_lo_ns;        /* lower edge of the first bin */
    uint64_t hist_width_ns;     /* 1, 2 or 5 times a power of ten */
    uint32_t hist_bins;         /* bins in use, at most STATS_HIST_BINS */
    uint32_t hist[STATS_HIST_BINS];
};

/* Arrival minus deadline, for runs with absolute deadlines. */
struct lateness {
    uint32_t n;
    int64_t min_ns;
    int64_t mean_ns;            /* rounded to nearest, halves away from 0 */
    int64_t max_ns;
};

/*
 * Intervals between consecutive timestamps into iv[] (nts - 1 of them).
 * A timestamp older than its predecessor gives a 0 interval and is
 * counted in *backwards.  Returns the number of intervals.
 */
uint32_t stats_intervals(const uint64_t *ts, uint32_t nts, uint64_t *iv,
                         uint32_t *backwards);

/* Statistics of iv[0..n-1]; sorts iv in place.  n may be 0. */
void stats_compute(uint64_t *iv, uint32_t n, struct stats *s);

/* Lateness of ts[k] against first_deadline + k * period_ns. */
void stats_lateness(const uint64_t *ts, uint32_t n, uint64_t first_deadline,
                    uint64_t period_ns, struct lateness *l);

/* floor(sqrt(hi * 2^64 + lo)) */
uint64_t stats_isqrt128(uint64_t hi, uint64_t lo);

#endif /* RTOS_STATS_H */
