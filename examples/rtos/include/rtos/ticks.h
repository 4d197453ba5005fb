/* SPDX-License-Identifier: GPL-2.0-only */
/* The measurement run: collect one timestamp per timer tick. */
#ifndef RTOS_TICKS_H
#define RTOS_TICKS_H

#include <stdint.h>

#include "rtos/opts.h"
#include "rtos/pvclock.h"

struct ticks_run {
    uint64_t *tsc;              /* TSC at each tick's upcall */
    const uint64_t *sys;        /* the same as Xen system time, ns */
    uint32_t count;
    struct pvclock scale;       /* vcpu_time_info when the run started */
    int has_deadlines;          /* tick k was due at first + k * period */
    uint64_t first_deadline;
};

/*
 * Tick opts->ticks times and fill *run: 0, or -1 after printing why the
 * run could not be done.
 */
int ticks_run(const struct rtos_opts *opts, struct ticks_run *run);

#endif /* RTOS_TICKS_H */
