/* SPDX-License-Identifier: GPL-2.0-only */
/* Options taken from the guest command line. */
#ifndef RTOS_OPTS_H
#define RTOS_OPTS_H

#include <stddef.h>
#include <stdint.h>

enum rtos_mode {
    RTOS_MODE_XEN,          /* stock Xen single-shot timer */
    RTOS_MODE_NATSUME,      /* VIRQ_NATSUME_TIMER from the direct path */
    RTOS_MODE_PROBE,        /* try what an unprivileged guest must not do */
};

/* What to do once the ticks are taken, instead of reporting. */
enum rtos_fail {
    RTOS_FAIL_NONE,         /* report and power off */
    RTOS_FAIL_CRASH,        /* fault with no handler: Xen crashes us */
    RTOS_FAIL_STUCK,        /* mask events and spin: ticks stay pending */
    RTOS_FAIL_RESET,        /* ask for a soft reset, as kexec does */
};

/* How to wait for the next tick. */
enum rtos_idle {
    RTOS_IDLE_BLOCK,        /* SCHEDOP_block: each tick wakes the vCPU */
    RTOS_IDLE_POLL,         /* spin with events on: the vCPU keeps running */
};

#define OPTS_DEFAULT_TICKS      5001
#define OPTS_MAX_TICKS          200000
#define OPTS_DEFAULT_PERIOD_US  1000
#define OPTS_MAX_PERIOD_US      1000000
#define OPTS_MAX_DELAY_MS       60000

struct rtos_opts {
    enum rtos_mode mode;
    uint32_t ticks;
    uint32_t period_us;
    uint32_t raw;           /* also print every tick */
    uint32_t delay_ms;      /* quiet time before the first tick */
    enum rtos_fail fail;
    enum rtos_idle idle;
    uint32_t target;        /* mode=probe: another domain's id */
    uint64_t nic_mmio;      /* a passed-through NIC's BAR 0, or 0 */
    uint32_t nic_pirq;      /* and its IRQ, as Xen mapped it for us */
};

#define OPTS_MAX_DOMID          0x7fef  /* DOMID_FIRST_RESERVED - 1 */
#define OPTS_MAX_PIRQ           65535

/*
 * Parse "key=value" words separated by blanks: mode=xen|natsume|probe,
 * ticks=N (1..OPTS_MAX_TICKS), period_us=N (1..OPTS_MAX_PERIOD_US),
 * raw=0|1, delay_ms=N (0..OPTS_MAX_DELAY_MS), fail=none|crash|stuck,
 * idle=block|poll, target=DOMID (0..OPTS_MAX_DOMID), nic_mmio=0xADDR
 * (page-aligned, with nic_pirq) and nic_pirq=N (1..OPTS_MAX_PIRQ, with
 * nic_mmio): an e1000 NIC to receive from while the ticks run.
 * Fills *o (defaults for keys not given) and returns 0, or returns -1
 * with a one-line message in err.
 */
int opts_parse(const char *cmdline, struct rtos_opts *o,
               char *err, size_t errlen);

const char *opts_mode_name(enum rtos_mode mode);
const char *opts_fail_name(enum rtos_fail fail);
const char *opts_idle_name(enum rtos_idle idle);

#endif /* RTOS_OPTS_H */
