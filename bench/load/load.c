/* SPDX-License-Identifier: GPL-2.0-only */
/* Signal handling and messages shared by the load programs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

volatile sig_atomic_t load_stop;
static const char *load_name = "load";

static void on_signal(int sig)
{
    (void)sig;
    load_stop = 1;
}

void load_init(const char *name)
{
    struct sigaction sa;

    load_name = name;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    /* No SA_RESTART: a blocking call returns EINTR and the loop ends. */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static void vsay(FILE *f, const char *fmt, va_list ap)
{
    fprintf(f, "%s: ", load_name);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
    fflush(f);
}

void load_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsay(stdout, fmt, ap);
    va_end(ap);
}

void load_die(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsay(stderr, fmt, ap);
    va_end(ap);
    exit(1);
}
