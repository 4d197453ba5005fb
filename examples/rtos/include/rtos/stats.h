/* SPDX-License-Identifier: GPL-2.0-only */
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
    uint64_t missed;            /* ticks lost in intervals > 1.5 x p50 */
    uint64_t period_est_ns;     /* sum / (n + missed), rounded to nearest */
    uint64_t hist_lo_ns;        /* lower edge of the first bin */
    uint64_t hist_width_ns;     /* 1, 2 or 5 times a power of ten */
    uint32_t hist_bins;         /* bins in use, at most STATS_HIST_BINS */
    uint32_t hist[STATS_HIST_BINS];
};

/* Lateness: arrival minus the time the tick was due. */
struct lateness {
    uint32_t n;
    int64_t min_ns;
    int64_t mean_ns;            /* rounded to nearest, halves away from 0 */
    int64_t max_ns;
    int64_t p99_ns;             /* nearest-rank percentiles */
    int64_t p999_ns;
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

/* Runs with absolute deadlines: late[k] = ts[k] - (first + k * period). */
void stats_late_deadlines(const uint64_t *ts, uint32_t n, uint64_t first,
                          uint64_t period_ns, int64_t *late);

/*
 * Runs without deadlines (a hardware tick): late[k] = ts[k] minus its
 * place on the ideal train t0 + j * P.  When the span from ts[0] to
 * ts[n-1] holds n - 1 periods of period_hint_ns (rounded), no tick was
 * lost and tick k's slot j is k; otherwise j is its distance from ts[0]
 * in periods, rounded (a tick over half a period late then takes the
 * next slot).  The train is the line that no tick comes before and whose
 * mean lateness is least: the edge of the ticks' lower convex hull over
 * their mean slot.  Its P is the run's own period, fractions of a ns
 * included, and, unlike a line through the first and last tick, it does
 * not tilt with those two ticks' own lateness.  At least one tick is 0,
 * none is below.
 */
void stats_late_fitted(const uint64_t *ts, uint32_t n, uint64_t period_hint_ns,
                       int64_t *late);

/* Summary of late[0..n-1]; scratch (n entries) is overwritten. */
void stats_lateness(const int64_t *late, uint32_t n, uint64_t *scratch,
                    struct lateness *l);

/* floor(sqrt(hi * 2^64 + lo)) */
uint64_t stats_isqrt128(uint64_t hi, uint64_t lo);

#endif /* RTOS_STATS_H */
