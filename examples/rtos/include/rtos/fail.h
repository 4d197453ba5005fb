/* SPDX-License-Identifier: GPL-2.0-only */
/* Failing on purpose (fail=crash|stuck), for the reliability tests. */
#ifndef RTOS_FAIL_H
#define RTOS_FAIL_H

#include "rtos/opts.h"

/*
 * Fail as asked, after `ticks` ticks: crash (a fault with no handler, so
 * that Xen crashes the domain) or get stuck (stop taking events, spin).
 * Does not return.
 */
void fail_now(enum rtos_fail how, unsigned int ticks)
    __attribute__((noreturn));

#endif /* RTOS_FAIL_H */
