/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the load programs: run until SIGTERM/SIGINT, then report. */
#ifndef NATSUME_LOAD_H
#define NATSUME_LOAD_H

#include <signal.h>

extern volatile sig_atomic_t load_stop;

/* Catch SIGTERM and SIGINT: the main loop ends, the summary is printed. */
void load_init(const char *name);

/* Print "NAME: what" to stdout and flush. */
void load_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Exit with a message naming the program. */
void load_die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

#endif /* NATSUME_LOAD_H */
