/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fuzz target: the lateness of a hardware tick (stats_late_fitted() in
 * examples/rtos/stats.c).  The input is a period hint (2 bytes) and the
 * gaps between up to 64 stamps (3 bytes each, times a scale from the
 * first byte), so that the stamps never go backwards.  The train found
 * must be the best one: its mean lateness may exceed the least that any
 * line through two ticks with none below it gives only by the rounding
 * of each tick's lateness down to a whole ns.
 */
#include <stdint.h>
#include <stdlib.h>

#include "rtos/stats.h"

#define MAX_TICKS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The slot of each tick, as stats_late_fitted() assigns them. */
static void slots_of(const uint64_t *ts, uint32_t n, uint64_t hint,
                     int64_t *j)
{
    uint64_t span = ts[n - 1] - ts[0];
    uint64_t slots = (span + hint / 2) / hint;
    uint32_t k;

    for ( k = 0; k < n; k++ )
    {
        uint64_t d = ts[k] - ts[0];

        j[k] = slots == n - 1 ? k : (int64_t)((d + hint / 2) / hint);
    }
}

/*
 * The least sum of lateness over the lines through two ticks of distinct
 * slots that no tick comes before; -1 if there is no such line.
 */
static double best_sum(const uint64_t *ts, const int64_t *j, uint32_t n)
{
    double best = -1;
    uint32_t p, q, k;

    for ( p = 0; p < n; p++ )
        for ( q = 0; q < n; q++ )
        {
            __int128 dj = j[q] - j[p], dy;
            double sum = 0;

            if ( dj <= 0 )
                continue;
            dy = (__int128)ts[q] - ts[p];
            for ( k = 0; k < n; k++ )
            {
                __int128 num = ((__int128)ts[k] - ts[p]) * dj -
                               (__int128)(j[k] - j[p]) * dy;

                if ( num < 0 )
                    break;
                sum += (double)num / (double)dj;
            }
            if ( k == n && (best < 0 || sum < best) )
                best = sum;
        }

    return best;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t ts[MAX_TICKS], hint, scale;
    int64_t late[MAX_TICKS], j[MAX_TICKS];
    uint32_t n = 0, k;
    double sum = 0, best;
    int on_train = 0;

    if ( size < 4 )
        return 0;
    scale = (uint64_t)1 << (data[0] % 24);
    hint = ((uint64_t)data[1] << 8 | data[2]) * scale;
    ts[n++] = 1000000;
    for ( k = 3; k + 3 <= size && n < MAX_TICKS; k += 3 )
    {
        uint64_t gap = (uint64_t)data[k] << 16 | data[k + 1] << 8 |
                       data[k + 2];

        ts[n] = ts[n - 1] + gap * scale;
        n++;
    }

    stats_late_fitted(ts, n, hint, late);

    for ( k = 0; k < n; k++ )
    {
        if ( late[k] < 0 )
            abort();
        on_train |= late[k] == 0;
        sum += (double)late[k];
    }
    if ( !on_train )
        abort();

    if ( !hint || (ts[n - 1] - ts[0] + hint / 2) / hint == 0 )
    {
        /* No period to speak of: every tick is on time. */
        if ( sum != 0 )
            abort();
        return 0;
    }

    slots_of(ts, n, hint, j);
    best = best_sum(ts, j, n);
    if ( best < 0 || sum > best + 1e-6 * best + 1e-3 ||
         sum < best - n - 1e-6 * best )
        abort();

    return 0;
}
