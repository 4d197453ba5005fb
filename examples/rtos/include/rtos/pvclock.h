/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen's TSC to system time conversion (vcpu_time_info), as pure math. */
#ifndef RTOS_PVCLOCK_H
#define RTOS_PVCLOCK_H

#include <stdint.h>

/* One consistent copy of the fields of a vcpu_time_info. */
struct pvclock {
    uint64_t tsc_timestamp;
    uint64_t system_time;
    uint32_t mul;               /* tsc_to_system_mul */
    int8_t shift;               /* tsc_shift */
};

/* ((delta << shift) * mul) >> 32, with a 128-bit product. */
uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift);

/* System time in ns at the given TSC, which may precede tsc_timestamp. */
uint64_t pvclock_ns(const struct pvclock *c, uint64_t tsc);

/*
 * Turn TSC stamps into ns since the first one, in place, with one fixed
 * scale (a steady ruler, unlike system time, which Xen steps when it
 * recalibrates).  A stamp before the first becomes 0.
 */
void pvclock_stamps_to_ns(uint64_t *stamps, uint32_t n, uint32_t mul,
                          int8_t shift);

/* TSC frequency in kHz that a scale stands for. */
uint64_t pvclock_tsc_khz(uint32_t mul, int8_t shift);

#endif /* RTOS_PVCLOCK_H */
