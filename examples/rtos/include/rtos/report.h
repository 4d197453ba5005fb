/* SPDX-License-Identifier: GPL-2.0-only */
/* Human-readable summary and the machine-readable result line. */
#ifndef RTOS_REPORT_H
#define RTOS_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "rtos/stats.h"

#define REPORT_RESULT_TAG "NATSUME-RESULT "

struct report {
    const char *mode;
    uint64_t period_ns;
    uint32_t ticks;
    uint32_t backwards;             /* timestamps that went back */
    const struct stats *st;
    const struct lateness *late;    /* NULL when not computed */
    int deadlines;                  /* ticks at deadlines: none go missing */
};

/*
 * Both write into buf (always NUL-terminated when len > 0) and return the
 * length the full text needs, excluding the NUL, like snprintf().
 */
size_t report_text(char *buf, size_t len, const struct report *r);

/* One line: REPORT_RESULT_TAG, a JSON object, "\n". */
size_t report_json(char *buf, size_t len, const struct report *r);

#endif /* RTOS_REPORT_H */
