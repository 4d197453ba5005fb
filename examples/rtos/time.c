/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen system time from the TSC, with the scale in vcpu_time_info. */
#include <stddef.h>

#include <arch/cpu.h>

#include "rtos/events.h"
#include "rtos/pvclock.h"
#include "rtos/time.h"

/*
 * A consistent copy of vCPU 0's time record: Xen makes the version odd
 * while it rewrites the record, and changes it when done.
 */
static void read_clock(struct pvclock *c, uint64_t *tsc)
{
    volatile struct vcpu_time_info *t = &shared_info->vcpu_info[0].time;
    uint32_t version;

    do {
        version = t->version;
        rmb();
        c->tsc_timestamp = t->tsc_timestamp;
        c->system_time = t->system_time;
        c->mul = t->tsc_to_system_mul;
        c->shift = t->tsc_shift;
        if ( tsc )
            *tsc = rdtsc();
        rmb();
    } while ( (version & 1) || version != t->version );
}

void time_read_clock(struct pvclock *c)
{
    read_clock(c, NULL);
}

uint64_t time_now_ns(void)
{
    struct pvclock c;
    uint64_t tsc;

    read_clock(&c, &tsc);

    return pvclock_ns(&c, tsc);
}

uint64_t time_tsc_to_ns(uint64_t tsc)
{
    struct pvclock c;

    read_clock(&c, NULL);

    return pvclock_ns(&c, tsc);
}
