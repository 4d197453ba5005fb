/* SPDX-License-Identifier: GPL-2.0-only */
/* Minimal snprintf for the guest; also built on the host for tests. */
#ifndef RTOS_FORMAT_H
#define RTOS_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Supports %d %i %u %x %X %s %c %p %%, the flags '-' and '0', a field
 * width (digits or '*'), a precision for %s (".N" or ".*"), and the
 * length modifiers l, ll and z.
 * Returns the length the full output would have, like snprintf().
 */
int rt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int rt_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* RTOS_FORMAT_H */
