/* SPDX-License-Identifier: GPL-2.0-only */
/* The few C library pieces the guest needs. */
#ifndef RTOS_LIB_H
#define RTOS_LIB_H

#include <stddef.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);

/* Name of a negative Xen error code, e.g. -22 -> "EINVAL". */
const char *xen_errname(long rc);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* RTOS_LIB_H */
