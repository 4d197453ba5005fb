/* SPDX-License-Identifier: GPL-2.0-only */
/* mode=probe: what an unprivileged guest must not be able to do. */
#ifndef RTOS_PROBE_H
#define RTOS_PROBE_H

#include "rtos/opts.h"

/*
 * Try the Natsume domctl and sysctl, VIRQ_NATSUME_TIMER, the PIT's ports
 * and IRQ 0, and print one "PROBE <what>: ..." line for each.
 */
void probe_run(const struct rtos_opts *opts);

#endif /* RTOS_PROBE_H */
