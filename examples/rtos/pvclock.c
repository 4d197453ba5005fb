/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TSC to Xen system time: the formula of vcpu_time_info.
 * Pure C, no libc: compiled in the guest and in the host unit tests.
 */
#include "rtos/pvclock.h"

uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift)
{
    if ( shift < 0 )
        delta >>= -shift;
    else
        delta <<= shift;

    return (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

uint64_t pvclock_ns(const struct pvclock *c, uint64_t tsc)
{
    /*
     * A TSC read just before Xen refreshed the record is older than its
     * tsc_timestamp: scale the distance backwards instead of wrapping.
     */
    if ( tsc >= c->tsc_timestamp )
        return c->system_time +
               pvclock_scale(tsc - c->tsc_timestamp, c->mul, c->shift);

    return c->system_time -
           pvclock_scale(c->tsc_timestamp - tsc, c->mul, c->shift);
}

void pvclock_stamps_to_ns(uint64_t *stamps, uint32_t n, uint32_t mul,
                          int8_t shift)
{
    uint64_t base;
    uint32_t i;

    if ( n == 0 )
        return;

    base = stamps[0];
    for ( i = 0; i < n; i++ )
        stamps[i] = stamps[i] >= base ?
                    pvclock_scale(stamps[i] - base, mul, shift) : 0;
}

uint64_t pvclock_tsc_khz(uint32_t mul, int8_t shift)
{
    /* ns = (tsc << shift) * mul / 2^32, so kHz = 10^6 * 2^32 / mul >> shift */
    uint64_t khz;

    if ( mul == 0 )
        return 0;

    khz = (1000000ULL << 32) / mul;

    return shift < 0 ? khz << -shift : khz >> shift;
}
