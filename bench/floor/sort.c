/* SPDX-License-Identifier: GPL-2.0-only */
/* Shell sort: a few thousand samples, no library. */
#include "floor/probe.h"

void sort_u32(uint32_t *v, unsigned int n)
{
    unsigned int gap, i, j;

    for ( gap = n / 2; gap > 0; gap /= 2 )
        for ( i = gap; i < n; i++ )
        {
            uint32_t x = v[i];

            for ( j = i; j >= gap && v[j - gap] > x; j -= gap )
                v[j] = v[j - gap];
            v[j] = x;
        }
}
