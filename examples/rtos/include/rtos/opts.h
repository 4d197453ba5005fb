/* Options taken from the guest command line. */
#ifndef RTOS_OPTS_H
#define RTOS_OPTS_H

#include <stddef.h>
#include <stdint.h>

enum rtos_mode {
    RTOS_MODE_XEN,          /* stock Xen single-shot timer */
    RTOS_MODE_NATSUME,      /* VIRQ_NATSUME_TIMER from the direct path */
};

#define OPTS_DEFAULT_TICKS      5001
#define OPTS_MAX_TICKS          200000
#define OPTS_DEFAULT_PERIOD_US  1000
#define OPTS_MAX_PERIOD_US      1000000

struct rtos_opts {
    enum rtos_mode mode;
    uint32_t ticks;
    uint32_t period_us;
    uint32_t raw;           /* also print every tick */
};

/*
 * Parse "key=value" words separated by blanks: mode=xen|natsume,
 * ticks=N (1..OPTS_MAX_TICKS), period_us=N (1..OPTS_MAX_PERIOD_US),
 * raw=0|1.
 * Fills *o (defaults for keys not given) and returns 0, or returns -1
 * with a one-line message in err.
 */
int opts_parse(const char *cmdline, struct rtos_opts *o,
               char *err, size_t errlen);

const char *opts_mode_name(enum rtos_mode mode);

#endif /* RTOS_OPTS_H */
