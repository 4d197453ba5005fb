/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen system time (ns since boot) from the TSC and vcpu_time_info. */
#ifndef RTOS_TIME_H
#define RTOS_TIME_H

#include <stdint.h>

#include "rtos/pvclock.h"

/* System time now. */
uint64_t time_now_ns(void);

/* System time at a TSC value read a moment ago. */
uint64_t time_tsc_to_ns(uint64_t tsc);

/* A consistent copy of the current vcpu_time_info. */
void time_read_clock(struct pvclock *c);

#endif /* RTOS_TIME_H */
