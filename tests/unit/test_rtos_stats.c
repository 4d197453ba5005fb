/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the demo RTOS guest's statistics and result formatting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "rtos/report.h"
#include "rtos/stats.h"

#define U64_MAX UINT64_MAX

static void test_intervals_basic(void **state)
{
    const uint64_t ts[] = { 100, 250, 400, 1400 };
    uint64_t iv[3];
    uint32_t back = 99;

    (void)state;
    assert_int_equal(stats_intervals(ts, 4, iv, &back), 3);
    assert_int_equal(back, 0);
    assert_int_equal(iv[0], 150);
    assert_int_equal(iv[1], 150);
    assert_int_equal(iv[2], 1000);
}

static void test_intervals_backwards(void **state)
{
    const uint64_t ts[] = { 100, 90, 200 };
    uint64_t iv[2];
    uint32_t back;

    (void)state;
    assert_int_equal(stats_intervals(ts, 3, iv, &back), 2);
    assert_int_equal(back, 1);
    assert_int_equal(iv[0], 0);
    assert_int_equal(iv[1], 110);
}

static void test_intervals_too_few(void **state)
{
    const uint64_t ts[] = { 42 };
    uint64_t iv[1] = { 7 };
    uint32_t back = 5;

    (void)state;
    assert_int_equal(stats_intervals(ts, 0, iv, &back), 0);
    assert_int_equal(back, 0);
    assert_int_equal(stats_intervals(ts, 1, iv, &back), 0);
    assert_int_equal(back, 0);
    assert_int_equal(iv[0], 7);
}

static void test_intervals_large_timestamps(void **state)
{
    /* TSC-like timestamps close to the top of the range. */
    const uint64_t ts[] = { U64_MAX - 3000000, U64_MAX - 2000000,
                            U64_MAX - 999000, U64_MAX };
    uint64_t iv[3];

    (void)state;
    assert_int_equal(stats_intervals(ts, 4, iv, NULL), 3);
    assert_int_equal(iv[0], 1000000);
    assert_int_equal(iv[1], 1001000);
    assert_int_equal(iv[2], 999000);
}

static void test_zero_intervals(void **state)
{
    struct stats s;

    (void)state;
    memset(&s, 0xa5, sizeof(s));
    stats_compute(NULL, 0, &s);
    assert_int_equal(s.n, 0);
    assert_int_equal(s.min_ns, 0);
    assert_int_equal(s.max_ns, 0);
    assert_int_equal(s.mean_ns, 0);
    assert_int_equal(s.stddev_ns, 0);
    assert_int_equal(s.hist_bins, 0);
    assert_int_equal(s.hist[0], 0);
    assert_int_equal(s.missed, 0);
    assert_int_equal(s.period_est_ns, 0);
}

static void test_one_interval(void **state)
{
    uint64_t iv[] = { 1000123 };
    struct stats s;

    (void)state;
    stats_compute(iv, 1, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.min_ns, 1000123);
    assert_int_equal(s.max_ns, 1000123);
    assert_int_equal(s.mean_ns, 1000123);
    assert_int_equal(s.stddev_ns, 0);
    assert_int_equal(s.p50_ns, 1000123);
    assert_int_equal(s.p99_ns, 1000123);
    assert_int_equal(s.p999_ns, 1000123);
    assert_int_equal(s.within_100ns_bp, 10000);
    assert_int_equal(s.within_1us_bp, 10000);
    assert_int_equal(s.hist_width_ns, 1);
    assert_int_equal(s.hist_lo_ns, 1000123);
    assert_int_equal(s.hist_bins, 1);
    assert_int_equal(s.hist[0], 1);
    assert_int_equal(s.missed, 0);
    assert_int_equal(s.period_est_ns, 1000123);
}

static void test_identical(void **state)
{
    uint64_t iv[5];
    struct stats s;
    unsigned int i;

    (void)state;
    for ( i = 0; i < 5; i++ )
        iv[i] = 1000000;
    stats_compute(iv, 5, &s);
    assert_int_equal(s.min_ns, 1000000);
    assert_int_equal(s.max_ns, 1000000);
    assert_int_equal(s.mean_ns, 1000000);
    assert_int_equal(s.stddev_ns, 0);
    assert_int_equal(s.p50_ns, 1000000);
    assert_int_equal(s.p999_ns, 1000000);
    assert_int_equal(s.within_100ns_bp, 10000);
    assert_int_equal(s.hist_bins, 1);
    assert_int_equal(s.hist_width_ns, 1);
    assert_int_equal(s.hist[0], 5);
}

static void test_one_to_ten(void **state)
{
    uint64_t iv[] = { 7, 3, 10, 1, 5, 9, 2, 8, 4, 6 };
    struct stats s;
    unsigned int i;

    (void)state;
    stats_compute(iv, 10, &s);
    assert_int_equal(s.min_ns, 1);
    assert_int_equal(s.max_ns, 10);
    /* 5.5 rounds up; sqrt(8.25) = 2.87 rounds to 3. */
    assert_int_equal(s.mean_ns, 6);
    assert_int_equal(s.stddev_ns, 3);
    assert_int_equal(s.p50_ns, 5);
    assert_int_equal(s.p99_ns, 10);
    assert_int_equal(s.p999_ns, 10);
    assert_int_equal(s.within_100ns_bp, 10000);
    assert_int_equal(s.hist_width_ns, 1);
    assert_int_equal(s.hist_lo_ns, 1);
    assert_int_equal(s.hist_bins, 10);
    for ( i = 0; i < 10; i++ )
        assert_int_equal(s.hist[i], 1);
    /* Sorted in place. */
    for ( i = 0; i < 10; i++ )
        assert_int_equal(iv[i], i + 1);
}

static void test_stddev_half_rounds_up(void **state)
{
    uint64_t iv[] = { 1, 2 };
    struct stats s;

    (void)state;
    stats_compute(iv, 2, &s);
    /* mean 1.5 -> 2, stddev exactly 0.5 -> 1 */
    assert_int_equal(s.mean_ns, 2);
    assert_int_equal(s.stddev_ns, 1);
}

/* Five intervals around 1 ms, used by the report tests too. */
static const uint64_t five[] = { 999900, 1000000, 1000100, 1000000, 1002000 };

static void compute_five(struct stats *s)
{
    uint64_t iv[5];

    memcpy(iv, five, sizeof(iv));
    stats_compute(iv, 5, s);
}

static void test_millisecond(void **state)
{
    static const uint32_t hist[12] = { 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    struct stats s;
    unsigned int i;

    (void)state;
    compute_five(&s);
    assert_int_equal(s.n, 5);
    assert_int_equal(s.min_ns, 999900);
    assert_int_equal(s.max_ns, 1002000);
    assert_int_equal(s.mean_ns, 1000400);
    /* sqrt(644000) = 802.5 */
    assert_int_equal(s.stddev_ns, 802);
    assert_int_equal(s.p50_ns, 1000000);
    assert_int_equal(s.p99_ns, 1002000);
    assert_int_equal(s.p999_ns, 1002000);
    assert_int_equal(s.within_100ns_bp, 0);
    assert_int_equal(s.within_1us_bp, 8000);
    assert_int_equal(s.hist_width_ns, 200);
    assert_int_equal(s.hist_lo_ns, 999800);
    assert_int_equal(s.hist_bins, 12);
    for ( i = 0; i < 12; i++ )
        assert_int_equal(s.hist[i], hist[i]);
    /* No gaps: nothing missed, the period is the mean. */
    assert_int_equal(s.missed, 0);
    assert_int_equal(s.period_est_ns, s.mean_ns);
}

static void test_missed_doubled(void **state)
{
    /* One tick missed: 2001000 ns stands for two periods. */
    uint64_t iv[] = { 999000, 1001000, 2001000, 1000000, 999500 };
    struct stats s;

    (void)state;
    stats_compute(iv, 5, &s);
    assert_int_equal(s.p50_ns, 1000000);
    assert_int_equal(s.mean_ns, 1200100);
    assert_int_equal(s.missed, 1);
    assert_int_equal(s.period_est_ns, 1000083);    /* 6000500 / 6 */
}

static void test_missed_tripled(void **state)
{
    uint64_t iv[] = { 1000000, 3000400, 1000000, 999800, 1000200 };
    struct stats s;

    (void)state;
    stats_compute(iv, 5, &s);
    assert_int_equal(s.p50_ns, 1000000);
    assert_int_equal(s.missed, 2);
    assert_int_equal(s.period_est_ns, 1000057);    /* 7000400 / 7 */
}

static void test_missed_edges(void **state)
{
    /*
     * p50 1000: 1500 is not over 1.5 x p50; 1501 rounds to 2 periods;
     * 2500 rounds (half up) to 3.
     */
    uint64_t iv[] = { 1000, 2500, 1000, 1501, 1000, 1500 };
    uint64_t zeros[] = { 0, 0, 5, 0 };
    struct stats s;

    (void)state;
    stats_compute(iv, 6, &s);
    assert_int_equal(s.p50_ns, 1000);
    assert_int_equal(s.missed, 3);
    assert_int_equal(s.period_est_ns, 945);        /* 8501 / 9 = 944.6 */

    /* p50 0: nothing counts as missed. */
    stats_compute(zeros, 4, &s);
    assert_int_equal(s.p50_ns, 0);
    assert_int_equal(s.missed, 0);
    assert_int_equal(s.period_est_ns, 1);          /* 5 / 4 */
}

static void test_missed_large(void **state)
{
    /* The sum overflows 64 bits; U64_MAX is 4 periods of 2^62. */
    uint64_t iv[] = { 1ULL << 62, U64_MAX, 1ULL << 62 };
    /* 2 * (2^64 - 2) missed ticks: more than 64 bits hold. */
    uint64_t huge[] = { 1, U64_MAX, 1, U64_MAX, 1 };
    struct stats s;

    (void)state;
    stats_compute(iv, 3, &s);
    assert_int_equal(s.p50_ns, 1ULL << 62);
    assert_int_equal(s.missed, 3);
    assert_int_equal(s.period_est_ns, 1ULL << 62); /* (3 * 2^63 - 1) / 6 */

    stats_compute(huge, 5, &s);
    assert_int_equal(s.p50_ns, 1);
    assert_int_equal(s.missed, U64_MAX);           /* saturated */
    assert_int_equal(s.period_est_ns, 1);          /* (2^65 + 1) / (2^65 + 1) */
}

static void test_within_edges(void **state)
{
    /* mean 1000; 900 and 1100 are exactly 100 ns off and count. */
    uint64_t iv[] = { 900, 1100, 1000, 1000, 2000, 0 };
    struct stats s;

    (void)state;
    stats_compute(iv, 6, &s);
    assert_int_equal(s.mean_ns, 1000);
    assert_int_equal(s.within_100ns_bp, 6667);  /* 4 of 6 */
    assert_int_equal(s.within_1us_bp, 10000);   /* 0 and 2000 are 1 us off */
}

static void test_percentiles_thousand(void **state)
{
    static uint64_t iv[1000];
    struct stats s;
    unsigned int i;

    (void)state;
    /* Descending order: worst case for a naive sort. */
    for ( i = 0; i < 1000; i++ )
        iv[i] = 1000 - i;
    stats_compute(iv, 1000, &s);
    assert_int_equal(s.p50_ns, 500);
    assert_int_equal(s.p99_ns, 990);
    assert_int_equal(s.p999_ns, 999);
    assert_int_equal(s.mean_ns, 501);           /* 500.5 */
    assert_int_equal(s.stddev_ns, 289);         /* sqrt(83333.25) = 288.7 */
    assert_int_equal(s.hist_width_ns, 100);
    assert_int_equal(s.hist_lo_ns, 0);
    assert_int_equal(s.hist_bins, 11);
    assert_int_equal(s.hist[0], 99);
    assert_int_equal(s.hist[5], 100);
    assert_int_equal(s.hist[10], 1);
    for ( i = 1; i < 1000; i++ )
        assert_true(iv[i - 1] <= iv[i]);
}

static void test_large_values(void **state)
{
    /* The sum of these overflows 64 bits. */
    uint64_t iv[] = { 1ULL << 62, (1ULL << 62) + 2, (1ULL << 62) + 4,
                      (1ULL << 62) + 2 };
    struct stats s;

    (void)state;
    stats_compute(iv, 4, &s);
    assert_int_equal(s.mean_ns, (1ULL << 62) + 2);
    assert_int_equal(s.stddev_ns, 1);           /* sqrt(2) */
    assert_int_equal(s.min_ns, 1ULL << 62);
    assert_int_equal(s.max_ns, (1ULL << 62) + 4);
    assert_int_equal(s.within_100ns_bp, 10000);
    assert_int_equal(s.hist_width_ns, 1);
    assert_int_equal(s.hist_lo_ns, 1ULL << 62);
    assert_int_equal(s.hist_bins, 5);
    assert_int_equal(s.hist[2], 2);
}

static void test_extreme_values(void **state)
{
    uint64_t iv[] = { U64_MAX, U64_MAX, 0, 0 };
    struct stats s;

    (void)state;
    stats_compute(iv, 2, &s);
    assert_int_equal(s.mean_ns, U64_MAX);
    assert_int_equal(s.stddev_ns, 0);
    assert_int_equal(s.hist_bins, 1);

    /* Spread over the whole range: deviations near 2^63. */
    iv[0] = U64_MAX;
    iv[1] = 0;
    stats_compute(iv, 2, &s);
    assert_int_equal(s.mean_ns, 1ULL << 63);    /* (2^64 - 1) / 2 rounds up */
    /* Exactly 2^63 - 1/2: past 2^95 ns^2 the rounding may go either way. */
    assert_true(s.stddev_ns >= (1ULL << 63) - 1);
    assert_true(s.stddev_ns <= 1ULL << 63);
    assert_int_equal(s.hist_width_ns, 1000000000000000000ULL);
    assert_int_equal(s.hist_bins, 19);
    assert_int_equal(s.within_1us_bp, 0);
    assert_true(s.hist_bins <= STATS_HIST_BINS);
    assert_int_equal(s.hist[0], 1);
    assert_int_equal(s.hist[s.hist_bins - 1], 1);
}

static void test_isqrt(void **state)
{
    (void)state;
    assert_int_equal(stats_isqrt128(0, 0), 0);
    assert_int_equal(stats_isqrt128(0, 15), 3);
    assert_int_equal(stats_isqrt128(0, 16), 4);
    assert_int_equal(stats_isqrt128(0, 1000000000000ULL), 1000000);
    assert_int_equal(stats_isqrt128(1, 0), 1ULL << 32);
    assert_int_equal(stats_isqrt128(U64_MAX, U64_MAX), U64_MAX);
}

/* Deadline lateness of ts[] and its summary. */
static void deadline_summary(const uint64_t *ts, uint32_t n, uint64_t first,
                             uint64_t period, struct lateness *l)
{
    int64_t late[8];
    uint64_t scratch[8];

    stats_late_deadlines(ts, n, first, period, late);
    stats_lateness(late, n, scratch, l);
}

static void test_lateness(void **state)
{
    const uint64_t ts[] = { 1000, 2010, 2990, 4000 };
    const uint64_t ts2[] = { 997, 1996 };
    struct lateness l;

    (void)state;
    deadline_summary(ts, 4, 1000, 1000, &l);
    assert_int_equal(l.n, 4);
    assert_int_equal(l.min_ns, -10);
    assert_int_equal(l.max_ns, 10);
    assert_int_equal(l.mean_ns, 0);
    assert_int_equal(l.p99_ns, 10);
    assert_int_equal(l.p999_ns, 10);

    /* -3.5 rounds away from zero. */
    deadline_summary(ts2, 2, 1000, 1000, &l);
    assert_int_equal(l.min_ns, -4);
    assert_int_equal(l.max_ns, -3);
    assert_int_equal(l.mean_ns, -4);

    deadline_summary(ts, 0, 1000, 1000, &l);
    assert_int_equal(l.n, 0);
    assert_int_equal(l.mean_ns, 0);
}

static void test_lateness_large(void **state)
{
    /* TSC-like system times; the sum of lateness needs no 64-bit headroom. */
    const uint64_t base = 0x7000000000000000ULL;
    const uint64_t ts[] = { base + 5000, base + 1005000, base + 2000001 };
    struct lateness l;

    (void)state;
    deadline_summary(ts, 3, base, 1000000, &l);
    assert_int_equal(l.min_ns, 1);
    assert_int_equal(l.max_ns, 5000);
    assert_int_equal(l.mean_ns, 3334);          /* 10001 / 3 */
}

static void test_lateness_percentiles(void **state)
{
    static int64_t late[1000];
    static uint64_t scratch[1000];
    struct lateness l;
    unsigned int i;

    (void)state;
    /* -500 .. 499, shuffled: p99 is the 990th smallest, p99.9 the 999th. */
    for ( i = 0; i < 1000; i++ )
        late[i] = (int64_t)((i * 7919) % 1000) - 500;
    stats_lateness(late, 1000, scratch, &l);
    assert_int_equal(l.min_ns, -500);
    assert_int_equal(l.max_ns, 499);
    assert_int_equal(l.p99_ns, 489);
    assert_int_equal(l.p999_ns, 498);
    /* The input is left as it was. */
    assert_int_equal(late[1], 7919 % 1000 - 500);
}

static void test_late_fitted_exact_train(void **state)
{
    /* A train of 999847.5 ns: P comes out of the whole span, not rounded. */
    uint64_t ts[5];
    int64_t late[5];
    unsigned int k;

    (void)state;
    for ( k = 0; k < 5; k++ )
        ts[k] = 7000000 + (k * 1999695ULL) / 2;
    stats_late_fitted(ts, 5, 999847, late);
    for ( k = 0; k < 5; k++ )
        assert_int_equal(late[k], 0);
}

static void test_late_fitted_jitter_and_missed(void **state)
{
    /*
     * Slots 0 1 2 _ 4 (slot 3 missed) of a 1000 ns train; tick 1 is
     * 30 late, tick 2 is 20 early.  The mean slot, 1.75, lies over the
     * hull's edge from tick 0 to tick 2: a train of 990 ns through both.
     */
    const uint64_t ts[] = { 5000, 6030, 6980, 9000 };
    int64_t late[4];

    (void)state;
    stats_late_fitted(ts, 4, 1000, late);
    assert_int_equal(late[0], 0);
    assert_int_equal(late[1], 40);
    assert_int_equal(late[2], 0);
    assert_int_equal(late[3], 40);
}

static void assert_earliest_on_train(const int64_t *late, unsigned int n)
{
    int64_t lo = late[0];
    unsigned int k;

    for ( k = 0; k < n; k++ )
    {
        assert_true(late[k] >= 0);
        if ( late[k] < lo )
            lo = late[k];
    }
    assert_int_equal(lo, 0);
}

static void test_late_fitted_last_tick_late(void **state)
{
    /*
     * 1001 ticks on a 1000 ns train, the last one 400 late.  A line
     * through the first and the last tick would tilt and make the first
     * 400 late; the run's lateness is the last tick's alone.
     */
    static uint64_t ts[1001];
    static int64_t late[1001];
    unsigned int k;

    (void)state;
    for ( k = 0; k < 1001; k++ )
        ts[k] = 123456 + k * 1000ULL;
    ts[1000] += 400;
    stats_late_fitted(ts, 1001, 1000, late);
    for ( k = 0; k < 1000; k++ )
        assert_int_equal(late[k], 0);
    assert_int_equal(late[1000], 400);
}

static void test_late_fitted_recovers_lateness(void **state)
{
    /*
     * A train of 999847.2 ns, every third tick on time, the others up to
     * 5 us late: each tick's lateness comes back to within the 1 ns the
     * stamps were rounded to.
     */
    static uint64_t ts[3001];
    static int64_t late[3001];
    unsigned int k;

    (void)state;
    for ( k = 0; k < 3001; k++ )
        ts[k] = 5000000 + (k * 9998472ULL) / 10 +
                (k % 3 ? (k * 7919ULL) % 5000 : 0);
    stats_late_fitted(ts, 3001, 999847, late);
    for ( k = 0; k < 3001; k++ )
    {
        int64_t want = k % 3 ? (int64_t)((k * 7919ULL) % 5000) : 0;

        assert_in_range(late[k] - want + 1, 0, 2);
    }
}

static void test_late_fitted_out_of_order(void **state)
{
    /*
     * Stamps out of order (counted as backwards by stats_intervals()) and
     * absurd ones give no tick below the train and at least one on it.
     */
    const uint64_t ts[] = { 5000, 6000, 4000, 8000, 9000 };
    const uint64_t back[] = { 9000, 6000, 7000, 8000 };
    const uint64_t huge[] = { 0, UINT64_MAX / 2, UINT64_MAX };
    int64_t late[5];

    (void)state;
    stats_late_fitted(ts, 5, 1000, late);
    assert_earliest_on_train(late, 5);
    stats_late_fitted(back, 4, 1000, late);
    assert_earliest_on_train(late, 4);
    stats_late_fitted(huge, 3, 1, late);
    assert_earliest_on_train(late, 3);
    stats_late_fitted(huge, 3, 7, late);
    assert_earliest_on_train(late, 3);
}

static void test_late_fitted_late_beyond_half(void **state)
{
    /* Slots 0-3 of 1000 ns, tick 1 late by 700: still slot 1, none lost. */
    const uint64_t ts[] = { 5000, 6700, 7000, 8000 };
    int64_t late[4];

    (void)state;
    stats_late_fitted(ts, 4, 1000, late);
    assert_int_equal(late[0], 0);
    assert_int_equal(late[1], 700);
    assert_int_equal(late[2], 0);
    assert_int_equal(late[3], 0);
}

static void test_late_fitted_degenerate(void **state)
{
    const uint64_t ts[] = { 100 };
    int64_t late[1] = { 42 };

    (void)state;
    stats_late_fitted(ts, 1, 1000, late);
    assert_int_equal(late[0], 0);
    stats_late_fitted(ts, 0, 1000, late);
}

static const char five_text[] =
    "intervals:  5 (ticks 6, mode xen, period 1000000 ns)\n"
    "min:        999900 ns\n"
    "mean:       1000400 ns\n"
    "max:        1002000 ns\n"
    "stddev:     802 ns\n"
    "p50:        1000000 ns\n"
    "p99:        1002000 ns\n"
    "p99.9:      1002000 ns\n"
    "within:     0.00 % of intervals within +/-100 ns of the mean\n"
    "within:     80.00 % of intervals within +/-1 us of the mean\n"
    "lateness:   min -10 ns, mean 3 ns, max 25 ns, p99 20 ns, "
    "p99.9 25 ns (arrival - deadline)\n"
    "histogram of intervals, bin width 200 ns:\n"
    "  [    999800,    1000000) ns       1 |#################\n"
    "  [   1000000,    1000200) ns       3 |"
    "##################################################\n"
    "  [   1000200,    1000400) ns       0 |\n"
    "  [   1000400,    1000600) ns       0 |\n"
    "  [   1000600,    1000800) ns       0 |\n"
    "  [   1000800,    1001000) ns       0 |\n"
    "  [   1001000,    1001200) ns       0 |\n"
    "  [   1001200,    1001400) ns       0 |\n"
    "  [   1001400,    1001600) ns       0 |\n"
    "  [   1001600,    1001800) ns       0 |\n"
    "  [   1001800,    1002000) ns       0 |\n"
    "  [   1002000,    1002200) ns       1 |#################\n";

static void test_report_text(void **state)
{
    struct lateness late = { 6, -10, 3, 25, 20, 25 };
    struct stats s;
    struct report r = { "xen", 1000000, 6, 0, &s, &late, 1 };
    char buf[4096];
    size_t n;

    (void)state;
    compute_five(&s);
    n = report_text(buf, sizeof(buf), &r);
    assert_string_equal(buf, five_text);
    assert_int_equal(n, strlen(five_text));
}

static void test_report_text_truncated(void **state)
{
    struct stats s;
    struct report r = { "xen", 1000000, 6, 0, &s, NULL, 1 };
    char buf[16];
    size_t n, full;

    (void)state;
    compute_five(&s);
    full = report_text(NULL, 0, &r);
    memset(buf, 'x', sizeof(buf));
    n = report_text(buf, sizeof(buf), &r);
    assert_int_equal(n, full);
    assert_string_equal(buf, "intervals:  5 (");
}

static void test_report_text_backwards(void **state)
{
    struct stats s;
    struct report r = { "natsume", 1000000, 6, 2, &s, NULL, 0 };
    char buf[4096];

    (void)state;
    compute_five(&s);
    report_text(buf, sizeof(buf), &r);
    assert_non_null(strstr(buf, "mode natsume"));
    assert_null(strstr(buf, "lateness"));
    assert_non_null(strstr(buf, "\nwarning:    2 timestamps went back "
                                "(counted as 0 ns)\nhistogram"));
}

static void test_report_text_empty(void **state)
{
    struct stats s;
    struct report r = { "natsume", 500000, 1, 0, &s, NULL, 0 };
    char buf[512];

    (void)state;
    stats_compute(NULL, 0, &s);
    report_text(buf, sizeof(buf), &r);
    assert_string_equal(buf,
        "intervals:  0 (ticks 1, mode natsume, period 500000 ns)\n"
        "no intervals: statistics need at least 2 ticks\n");
}

static void test_report_json(void **state)
{
    struct lateness late = { 6, -10, 3, 25, 20, 25 };
    struct stats s;
    struct report r = { "xen", 1000000, 6, 0, &s, &late, 1 };
    char buf[1024];
    size_t n;
    const char *want =
        "NATSUME-RESULT {\"mode\":\"xen\",\"period_ns\":1000000,\"ticks\":6,"
        "\"intervals\":5,\"min_ns\":999900,\"mean_ns\":1000400,"
        "\"max_ns\":1002000,\"stddev_ns\":802,\"p50_ns\":1000000,"
        "\"p99_ns\":1002000,\"p999_ns\":1002000,\"within_100ns_pct\":0.00,"
        "\"within_1us_pct\":80.00,\"missed\":null,\"period_est_ns\":null,"
        "\"late_min_ns\":-10,\"late_mean_ns\":3,"
        "\"late_max_ns\":25,\"late_p99_ns\":20,\"late_p999_ns\":25,"
        "\"backwards\":0,\"hist_lo_ns\":999800,"
        "\"hist_width_ns\":200,\"hist\":[1,3,0,0,0,0,0,0,0,0,0,1]}\n";

    (void)state;
    compute_five(&s);
    n = report_json(buf, sizeof(buf), &r);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_report_json_empty(void **state)
{
    struct stats s;
    struct report r = { "natsume", 1000000, 1, 0, &s, NULL, 0 };
    char buf[1024];

    (void)state;
    stats_compute(NULL, 0, &s);
    report_json(buf, sizeof(buf), &r);
    assert_string_equal(buf,
        "NATSUME-RESULT {\"mode\":\"natsume\",\"period_ns\":1000000,"
        "\"ticks\":1,\"intervals\":0,\"min_ns\":null,\"mean_ns\":null,"
        "\"max_ns\":null,\"stddev_ns\":null,\"p50_ns\":null,\"p99_ns\":null,"
        "\"p999_ns\":null,\"within_100ns_pct\":null,\"within_1us_pct\":null,"
        "\"missed\":0,\"period_est_ns\":null,\"late_min_ns\":null,\"late_mean_ns\":null,\"late_max_ns\":null,"
        "\"late_p99_ns\":null,\"late_p999_ns\":null,\"backwards\":0,\"hist_lo_ns\":null,\"hist_width_ns\":null,"
        "\"hist\":[]}\n");
}

static void test_report_missed(void **state)
{
    uint64_t iv[] = { 999000, 1001000, 2001000, 1000000, 999500 };
    struct stats s;
    struct report r = { "natsume", 1000000, 6, 0, &s, NULL, 0 };
    char buf[4096];

    (void)state;
    stats_compute(iv, 5, &s);
    report_text(buf, sizeof(buf), &r);
    assert_non_null(strstr(buf,
        "within +/-1 us of the mean\n"
        "missed:     1 ticks (intervals over 1.5 x p50)\n"
        "period:     1000083 ns (estimated, missed ticks counted)\n"
        "histogram"));

    report_json(buf, sizeof(buf), &r);
    assert_non_null(strstr(buf,
        ",\"within_1us_pct\":0.00,\"missed\":1,\"period_est_ns\":1000083,"
        "\"late_min_ns\":null,"));
}

static void test_report_json_one_line(void **state)
{
    static uint64_t iv[1000];
    struct stats s;
    struct report r = { "xen", 1000000, 1001, 0, &s, NULL, 1 };
    char buf[2048];
    size_t n;
    unsigned int i;

    (void)state;
    for ( i = 0; i < 1000; i++ )
        iv[i] = 999000 + (i * 7919) % 2000;
    stats_compute(iv, 1000, &s);
    n = report_json(buf, sizeof(buf), &r);
    assert_true(n < sizeof(buf));
    assert_int_equal(strncmp(buf, REPORT_RESULT_TAG "{", 16), 0);
    assert_ptr_equal(strchr(buf, '\n'), buf + n - 1);
    assert_int_equal(buf[n - 2], '}');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intervals_basic),
        cmocka_unit_test(test_intervals_backwards),
        cmocka_unit_test(test_intervals_too_few),
        cmocka_unit_test(test_intervals_large_timestamps),
        cmocka_unit_test(test_zero_intervals),
        cmocka_unit_test(test_one_interval),
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_one_to_ten),
        cmocka_unit_test(test_stddev_half_rounds_up),
        cmocka_unit_test(test_millisecond),
        cmocka_unit_test(test_missed_doubled),
        cmocka_unit_test(test_missed_tripled),
        cmocka_unit_test(test_missed_edges),
        cmocka_unit_test(test_missed_large),
        cmocka_unit_test(test_within_edges),
        cmocka_unit_test(test_percentiles_thousand),
        cmocka_unit_test(test_large_values),
        cmocka_unit_test(test_extreme_values),
        cmocka_unit_test(test_isqrt),
        cmocka_unit_test(test_lateness),
        cmocka_unit_test(test_lateness_large),
        cmocka_unit_test(test_lateness_percentiles),
        cmocka_unit_test(test_late_fitted_exact_train),
        cmocka_unit_test(test_late_fitted_jitter_and_missed),
        cmocka_unit_test(test_late_fitted_late_beyond_half),
        cmocka_unit_test(test_late_fitted_last_tick_late),
        cmocka_unit_test(test_late_fitted_recovers_lateness),
        cmocka_unit_test(test_late_fitted_out_of_order),
        cmocka_unit_test(test_late_fitted_degenerate),
        cmocka_unit_test(test_report_text),
        cmocka_unit_test(test_report_text_truncated),
        cmocka_unit_test(test_report_text_backwards),
        cmocka_unit_test(test_report_text_empty),
        cmocka_unit_test(test_report_json),
        cmocka_unit_test(test_report_json_empty),
        cmocka_unit_test(test_report_missed),
        cmocka_unit_test(test_report_json_one_line),
    };

    return cmocka_run_group_tests_name("rtos_stats", tests, NULL, NULL);
}
