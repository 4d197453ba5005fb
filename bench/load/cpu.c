/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * load-cpu: keep one CPU busy with integer and floating point work until
 * SIGTERM, then print how many rounds were done.
 */
#include <stdint.h>

#include "load.h"

int main(void)
{
    uint64_t rounds = 0, x = 88172645463325252ULL;
    volatile double acc = 1.0;

    load_init("load-cpu");
    while ( !load_stop )
    {
        unsigned int i;

        for ( i = 0; i < 100000; i++ )
        {
            /* xorshift64: cheap, and the compiler cannot fold it away. */
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            acc = acc * 1.0000001 + (double)(x & 0xff) * 1e-9;
        }
        rounds++;
    }
    load_report("%llu rounds of 100000 steps", (unsigned long long)rounds);

    return 0;
}
