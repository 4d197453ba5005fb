/* SPDX-License-Identifier: GPL-2.0-only */
/* Output through the PV console ring that xenconsoled reads. */
#ifndef RTOS_CONSOLE_H
#define RTOS_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#include "rtos/xen.h"

/* Find the ring from start_info; 0 or a negative error. */
int console_init(const start_info_t *si);

/* Queue text ("\n" becomes "\r\n"); waits a bounded time for room. */
void console_write(const char *s, size_t len);

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Wait until the backend consumed everything; 0 or -1 on timeout. */
int console_flush(uint64_t timeout_ns);

/* Report, drain the console and shut down with the given reason. */
void shutdown(unsigned int reason) __attribute__((noreturn));

/* "natsume-rtos: FATAL: ..." then shutdown(SHUTDOWN_crash). */
void panic(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

#endif /* RTOS_CONSOLE_H */
