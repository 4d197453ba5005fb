/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Statistics of tick intervals: integer arithmetic only (no libm, no FPU
 * in the guest), exact where it matters, 128-bit intermediates so that
 * large values do not overflow.
 * Pure C, no libc: compiled in the guest and in the host unit tests.
 */
#include <stddef.h>

#include "rtos/stats.h"

typedef unsigned __int128 u128;
typedef __int128 s128;

#define U64_MAX (~(uint64_t)0)

/* n / d for a 128-bit n; the quotient may need 128 bits too. */
static u128 div128(u128 n, uint64_t d, uint64_t *rem)
{
    uint64_t hi = (uint64_t)(n >> 64), lo = (uint64_t)n;
    uint64_t qhi = hi / d, r = hi % d, qlo = 0;
    unsigned int i;

    /* Long division of (r:lo) by d, one bit at a time; r < d throughout. */
    for ( i = 0; i < 64; i++ )
    {
        uint64_t carry = r >> 63;

        r = (r << 1) | (lo >> 63);
        lo <<= 1;
        qlo <<= 1;
        if ( carry || r >= d )
        {
            r -= d;
            qlo |= 1;
        }
    }

    if ( rem )
        *rem = r;

    return ((u128)qhi << 64) | qlo;
}

/* n / d for 128-bit n and d, bit by bit: no libgcc in the guest. */
static u128 div128_wide(u128 n, u128 d, u128 *rem)
{
    u128 q = 0, r = 0;
    int i;

    if ( !(d >> 64) )
    {
        uint64_t r64;

        q = div128(n, (uint64_t)d, &r64);
        *rem = r64;
        return q;
    }

    for ( i = 127; i >= 0; i-- )
    {
        unsigned int carry = (unsigned int)(r >> 127);

        r = (r << 1) | ((n >> i) & 1);
        q <<= 1;
        if ( carry || r >= d )
        {
            r -= d;
            q |= 1;
        }
    }
    *rem = r;

    return q;
}

static u128 isqrt128(u128 n)
{
    u128 res = 0, bit = (u128)1 << 126;

    while ( bit > n )
        bit >>= 2;

    while ( bit )
    {
        if ( n >= res + bit )
        {
            n -= res + bit;
            res = (res >> 1) + bit;
        }
        else
            res >>= 1;
        bit >>= 2;
    }

    return res;
}

uint64_t stats_isqrt128(uint64_t hi, uint64_t lo)
{
    return (uint64_t)isqrt128(((u128)hi << 64) | lo);
}

uint32_t stats_intervals(const uint64_t *ts, uint32_t nts, uint64_t *iv,
                         uint32_t *backwards)
{
    uint32_t i, back = 0;

    for ( i = 1; i < nts; i++ )
    {
        if ( ts[i] >= ts[i - 1] )
            iv[i - 1] = ts[i] - ts[i - 1];
        else
        {
            iv[i - 1] = 0;
            back++;
        }
    }

    if ( backwards )
        *backwards = back;

    return nts > 1 ? nts - 1 : 0;
}

static void sift_down(uint64_t *a, uint32_t root, uint32_t n)
{
    for ( ; ; )
    {
        uint64_t child = 2 * (uint64_t)root + 1, tmp;

        if ( child >= n )
            return;
        if ( child + 1 < n && a[child + 1] > a[child] )
            child++;
        if ( a[root] >= a[child] )
            return;

        tmp = a[root];
        a[root] = a[child];
        a[child] = tmp;
        root = (uint32_t)child;
    }
}

/* Heapsort: O(n log n), in place, no recursion: fits a small guest stack. */
static void sort_u64(uint64_t *a, uint32_t n)
{
    uint32_t i, end;

    if ( n < 2 )
        return;

    for ( i = n / 2; i-- > 0; )
        sift_down(a, i, n);

    for ( end = n - 1; end > 0; end-- )
    {
        uint64_t tmp = a[0];

        a[0] = a[end];
        a[end] = tmp;
        sift_down(a, 0, end);
    }
}

/* Nearest-rank percentile of sorted a[0..n-1], p in per mille. */
static uint64_t percentile(const uint64_t *a, uint32_t n, uint32_t permille)
{
    uint64_t rank = ((uint64_t)permille * n + 999) / 1000;

    return a[rank ? rank - 1 : 0];
}

/* Share count/n in 1/100 %, rounded to nearest. */
static uint32_t basis_points(uint32_t count, uint32_t n)
{
    return (uint32_t)(((uint64_t)count * 20000 + n) / (2 * (uint64_t)n));
}

/*
 * Smallest bin width of the form {1,2,5} * 10^k such that [lo, hi] fits
 * in at most bins bins aligned on multiples of the width.
 */
static uint64_t hist_width(uint64_t lo, uint64_t hi, uint32_t bins)
{
    static const uint64_t steps[] = { 1, 2, 5 };
    uint64_t p = 1;

    for ( ; ; )
    {
        unsigned int i;

        for ( i = 0; i < 3; i++ )
        {
            uint64_t w = steps[i] * p;

            /* The number of bins less one: cannot overflow. */
            if ( hi / w - lo / w < bins )
                return w;
        }

        /* 5 * 10^18 always fits four bins; 10^19 still fits a uint64_t. */
        if ( p >= 1000000000000000000ULL )
            return 10000000000000000000ULL;
        p *= 10;
    }
}

/*
 * Rounded population standard deviation, from S = sum((x - q)^2) where
 * q = floor(mean) and r = sum(x) mod n:
 *   n * sum((x - mean)^2) = n * S - r^2  =: N,   variance = N / n^2.
 */
static uint64_t stddev(u128 s, uint64_t r, uint32_t n)
{
    uint64_t n2 = (uint64_t)n * n;
    u128 big, num, var;
    uint64_t k;

    /* Beyond this n * S might overflow: the r^2 term is below 1 ns^2. */
    big = (u128)1 << (128 - 33);
    if ( s >= big )
        return (uint64_t)isqrt128(div128(s, n, NULL));

    num = s * n - (u128)r * r;
    var = div128(num, n2, NULL);
    k = (uint64_t)isqrt128(var);

    /* Round up when sqrt(num) / n >= k + 1/2, i.e. 4 num >= ((2k+1) n)^2. */
    if ( num < ((u128)1 << 125) &&
         4 * num >= ((u128)(2 * k + 1) * n) * ((u128)(2 * k + 1) * n) )
        k++;

    return k;
}

/*
 * A tick the guest could not take in time merges with the next: their
 * interval is about k periods for k - 1 missed ticks.  p50 stands for the
 * period.  Returns the missed ticks (up to n * 2^64: 128 bits).
 */
static u128 missed_ticks(const uint64_t *iv, uint32_t n, uint64_t p50)
{
    u128 missed = 0;
    uint32_t i;

    if ( p50 == 0 )
        return 0;

    for ( i = 0; i < n; i++ )
    {
        uint64_t q, r;

        /* iv > 1.5 p50; then iv / p50 rounds (halves up) to 2 or more. */
        if ( 2 * (u128)iv[i] <= 3 * (u128)p50 )
            continue;

        q = iv[i] / p50;
        r = iv[i] % p50;
        if ( r >= p50 - r )
            q++;
        missed += q - 1;
    }

    return missed;
}

void stats_compute(uint64_t *iv, uint32_t n, struct stats *s)
{
    u128 sum = 0, sq = 0, nx, missed, den, rem;
    uint64_t q, r, lo, hi, w, pe;
    uint32_t i, in100 = 0, in1000 = 0;

    *s = (struct stats){ 0 };
    s->n = n;
    if ( n == 0 )
        return;

    lo = hi = iv[0];
    for ( i = 0; i < n; i++ )
    {
        sum += iv[i];
        if ( iv[i] < lo )
            lo = iv[i];
        if ( iv[i] > hi )
            hi = iv[i];
    }

    /* Each value is below 2^64, so the mean is too. */
    q = (uint64_t)div128(sum, n, &r);

    for ( i = 0; i < n; i++ )
    {
        uint64_t d = iv[i] >= q ? iv[i] - q : q - iv[i];
        u128 d2 = (u128)d * d;
        u128 dev;

        sq = sq + d2 < sq ? ~(u128)0 : sq + d2;

        /* |x - mean| <= k  <=>  |n x - sum| <= k n, exactly. */
        nx = (u128)iv[i] * n;
        dev = nx >= sum ? nx - sum : sum - nx;
        if ( dev <= (u128)100 * n )
            in100++;
        if ( dev <= (u128)1000 * n )
            in1000++;
    }

    s->min_ns = lo;
    s->max_ns = hi;
    s->mean_ns = q + (2 * (u128)r >= n && q != U64_MAX);
    s->stddev_ns = stddev(sq, r, n);
    s->within_100ns_bp = basis_points(in100, n);
    s->within_1us_bp = basis_points(in1000, n);

    w = hist_width(lo, hi, STATS_HIST_BINS);
    s->hist_width_ns = w;
    s->hist_lo_ns = lo / w * w;
    s->hist_bins = (uint32_t)(hi / w - lo / w + 1);
    for ( i = 0; i < n; i++ )
        s->hist[iv[i] / w - lo / w]++;

    sort_u64(iv, n);
    s->p50_ns = percentile(iv, n, 500);
    s->p99_ns = percentile(iv, n, 990);
    s->p999_ns = percentile(iv, n, 999);

    missed = missed_ticks(iv, n, s->p50_ns);
    s->missed = missed >> 64 ? U64_MAX : (uint64_t)missed;
    /* At most the mean: fits in 64 bits. */
    den = n + missed;
    pe = (uint64_t)div128_wide(sum, den, &rem);
    s->period_est_ns = pe + (rem >= den - rem && pe != U64_MAX);
}

void stats_late_deadlines(const uint64_t *ts, uint32_t n, uint64_t first,
                          uint64_t period_ns, int64_t *late)
{
    uint32_t k;

    for ( k = 0; k < n; k++ )
        late[k] = (int64_t)(ts[k] - (first + (uint64_t)k * period_ns));
}

/* round(a / b) for b > 0, halves up. */
static uint64_t div_round(uint64_t a, uint64_t b)
{
    uint64_t q = a / b, r = a % b;

    return q + (r >= b - r);
}

/* Times and slots stay below 2^62, so that every product fits in 128 bits. */
#define FIT_MAX ((uint64_t)1 << 62)

struct fit {
    const uint64_t *ts;
    uint32_t n;
    uint64_t slots, hint;
};

/* Tick k's time since tick 0; an older stamp counts as at tick 0. */
static uint64_t fit_y(const struct fit *f, uint32_t k)
{
    uint64_t d = f->ts[k] >= f->ts[0] ? f->ts[k] - f->ts[0] : 0;

    return d < FIT_MAX ? d : FIT_MAX;
}

/* Tick k's slot on the train. */
static uint64_t fit_j(const struct fit *f, uint32_t k)
{
    return f->slots == f->n - 1 ? k : div_round(fit_y(f, k), f->hint);
}

/* > 0: a, b, c turn left (b lies below the line from a to c). */
static s128 fit_turn(const struct fit *f, uint32_t a, uint32_t b, uint32_t c)
{
    s128 ja = fit_j(f, a), ya = fit_y(f, a);

    return (fit_j(f, b) - ja) * (fit_y(f, c) - ya) -
           (fit_y(f, b) - ya) * (fit_j(f, c) - ja);
}

void stats_late_fitted(const uint64_t *ts, uint32_t n, uint64_t period_hint_ns,
                       int64_t *late)
{
    struct fit f = { .ts = ts, .n = n, .hint = period_hint_ns };
    uint32_t k, h = 0, p, q;
    u128 sum_j = 0;
    uint64_t jp, jq, yp, yq;

    if ( n == 0 )
        return;

    f.slots = period_hint_ns ? div_round(fit_y(&f, n - 1), period_hint_ns)
                             : 0;
    if ( !f.slots )
    {
        for ( k = 0; k < n; k++ )
            late[k] = 0;
        return;
    }

    /* The lower convex hull of (slot, time), its indices kept in late[]. */
    for ( k = 0; k < n; k++ )
    {
        while ( h >= 2 &&
                fit_turn(&f, (uint32_t)late[h - 2], (uint32_t)late[h - 1],
                         k) <= 0 )
            h--;
        late[h++] = k;
        sum_j += fit_j(&f, k);
    }

    /*
     * The hull's edge over the mean slot.  Slots only go out of order with
     * stamps that do; should no edge be found, the first and last tick's.
     */
    p = 0;
    q = n - 1;
    for ( k = 0; k + 1 < h; k++ )
    {
        uint32_t a = (uint32_t)late[k], b = (uint32_t)late[k + 1];

        if ( fit_j(&f, a) < fit_j(&f, b) &&
             (u128)fit_j(&f, a) * n <= sum_j &&
             (u128)fit_j(&f, b) * n >= sum_j )
        {
            p = a;
            q = b;
            break;
        }
    }

    jp = fit_j(&f, p);
    jq = fit_j(&f, q);
    yp = fit_y(&f, p);
    yq = fit_y(&f, q);
    for ( k = 0; k < n; k++ )
    {
        s128 num = ((s128)fit_y(&f, k) - yp) * (jq - jp) -
                   ((s128)fit_j(&f, k) - jp) * ((s128)yq - yp);
        u128 l;

        /* Below the line only if out of order: count it as on time. */
        if ( num <= 0 )
        {
            late[k] = 0;
            continue;
        }
        l = div128((u128)num, jq - jp, NULL);
        late[k] = l > INT64_MAX ? INT64_MAX : (int64_t)l;
    }
}

/* Signed values sort as unsigned once offset by 2^63. */
#define BIAS ((uint64_t)1 << 63)

void stats_lateness(const int64_t *late, uint32_t n, uint64_t *scratch,
                    struct lateness *l)
{
    s128 sum = 0;
    u128 mag;
    uint64_t q, r;
    uint32_t k;

    *l = (struct lateness){ 0 };
    l->n = n;
    if ( n == 0 )
        return;

    for ( k = 0; k < n; k++ )
    {
        sum += late[k];
        scratch[k] = (uint64_t)late[k] + BIAS;
    }

    sort_u64(scratch, n);
    l->min_ns = (int64_t)(scratch[0] - BIAS);
    l->max_ns = (int64_t)(scratch[n - 1] - BIAS);
    l->p99_ns = (int64_t)(percentile(scratch, n, 990) - BIAS);
    l->p999_ns = (int64_t)(percentile(scratch, n, 999) - BIAS);

    /* Round the magnitude half up, then put the sign back. */
    mag = sum < 0 ? (u128)-sum : (u128)sum;
    q = (uint64_t)div128(mag, n, &r);
    if ( 2 * (u128)r >= n )
        q++;
    l->mean_ns = sum < 0 ? -(int64_t)q : (int64_t)q;
}
