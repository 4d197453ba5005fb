/* SPDX-License-Identifier: GPL-2.0-only */
/* C library pieces for the freestanding guest (the compiler may call them). */
#include <stdint.h>

#include "rtos/lib.h"
#include "rtos/xen.h"

void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;

    while ( n-- )
        *p++ = (unsigned char)c;

    return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    while ( n-- )
        *d++ = *s++;

    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if ( d < s || d >= s + n )
        return memcpy(dst, src, n);

    while ( n-- )
        d[n] = s[n];

    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for ( ; n; n--, x++, y++ )
        if ( *x != *y )
            return *x - *y;

    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while ( s[n] )
        n++;

    return n;
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while ( n < max && s[n] )
        n++;

    return n;
}

static const struct {
    long value;
    const char *name;
} xen_errnos[] = {
#define XEN_ERRNO(name, value) { value, #name },
#include <public/errno.h>
};

const char *xen_errname(long rc)
{
    size_t i;

    /* Aliases (EWOULDBLOCK) come after the name they alias. */
    for ( i = 0; i < ARRAY_SIZE(xen_errnos); i++ )
        if ( xen_errnos[i].value == -rc )
            return xen_errnos[i].name;

    return "unknown error";
}
