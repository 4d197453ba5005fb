/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small vsnprintf: enough for the guest's messages and reports.
 * Pure C, no libc: compiled in the guest and in the host unit tests.
 */
#include <stdint.h>

#include "rtos/format.h"

struct out {
    char *buf;
    size_t size;
    size_t pos;
};

static void put(struct out *o, char c)
{
    if ( o->pos + 1 < o->size )
        o->buf[o->pos] = c;
    o->pos++;
}

static void pad(struct out *o, char c, int n)
{
    while ( n-- > 0 )
        put(o, c);
}

/* Length of s, but at most max characters (max < 0: no limit). */
static size_t str_len(const char *s, int max)
{
    size_t n = 0;

    while ( (max < 0 || n < (size_t)max) && s[n] )
        n++;

    return n;
}

/* Emit a string in a field of the given width. */
static void field(struct out *o, const char *s, size_t len, int width,
                  int left)
{
    int fill = width > (int)len ? width - (int)len : 0;

    if ( !left )
        pad(o, ' ', fill);
    while ( len-- )
        put(o, *s++);
    if ( left )
        pad(o, ' ', fill);
}

static void number(struct out *o, uint64_t v, int neg, unsigned int base,
                   int upper, int width, int left, int zero)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0, len;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );

    len = n + neg;
    if ( left || !zero )
    {
        if ( !left )
            pad(o, ' ', width - len);
        if ( neg )
            put(o, '-');
    }
    else
    {
        /* Zero padding goes between the sign and the digits. */
        if ( neg )
            put(o, '-');
        pad(o, '0', width - len);
    }
    while ( n )
        put(o, tmp[--n]);
    if ( left )
        pad(o, ' ', width - len);
}

int rt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { buf, size, 0 };

    for ( ; *fmt; fmt++ )
    {
        int left = 0, zero = 0, width = 0, prec = -1, lng = 0;
        uint64_t u;
        int64_t s;

        if ( *fmt != '%' )
        {
            put(&o, *fmt);
            continue;
        }
        fmt++;

        for ( ; ; fmt++ )
        {
            if ( *fmt == '-' )
                left = 1;
            else if ( *fmt == '0' )
                zero = 1;
            else
                break;
        }

        if ( *fmt == '*' )
        {
            width = va_arg(ap, int);
            if ( width < 0 )
            {
                left = 1;
                width = -width;
            }
            fmt++;
        }
        else
            for ( ; *fmt >= '0' && *fmt <= '9'; fmt++ )
                width = width * 10 + (*fmt - '0');

        /* A precision is honoured for %s only. */
        if ( *fmt == '.' )
        {
            fmt++;
            prec = 0;
            if ( *fmt == '*' )
            {
                prec = va_arg(ap, int);
                fmt++;
            }
            else
                for ( ; *fmt >= '0' && *fmt <= '9'; fmt++ )
                    prec = prec * 10 + (*fmt - '0');
        }

        if ( *fmt == 'z' )
        {
            lng = 2;
            fmt++;
        }
        else
            for ( ; *fmt == 'l'; fmt++ )
                lng++;

        switch ( *fmt )
        {
        case 'd':
        case 'i':
            if ( lng )
                s = lng == 1 ? va_arg(ap, long) : va_arg(ap, long long);
            else
                s = va_arg(ap, int);
            /* Negate in unsigned arithmetic: INT64_MIN has no opposite. */
            u = s < 0 ? -(uint64_t)s : (uint64_t)s;
            number(&o, u, s < 0, 10, 0, width, left, zero);
            break;

        case 'u':
        case 'x':
        case 'X':
            if ( lng == 2 )
                u = va_arg(ap, unsigned long long);
            else if ( lng == 1 )
                u = va_arg(ap, unsigned long);
            else
                u = va_arg(ap, unsigned int);
            number(&o, u, 0, *fmt == 'u' ? 10 : 16, *fmt == 'X', width,
                   left, zero);
            break;

        case 'p':
            put(&o, '0');
            put(&o, 'x');
            number(&o, (uintptr_t)va_arg(ap, void *), 0, 16, 0, 0, 0, 0);
            break;

        case 's':
        {
            const char *str = va_arg(ap, const char *);

            if ( !str )
                str = "(null)";
            field(&o, str, str_len(str, prec), width, left);
            break;
        }

        case 'c':
        {
            char c = (char)va_arg(ap, int);

            field(&o, &c, 1, width, left);
            break;
        }

        case '%':
            put(&o, '%');
            break;

        case '\0':
            /* A lone '%' at the end: print it and stop. */
            put(&o, '%');
            fmt--;
            break;

        default:
            /* Unknown conversion: show it as it was written. */
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
    }

    if ( size )
        buf[o.pos < size ? o.pos : size - 1] = '\0';

    return (int)o.pos;
}

int rt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = rt_vsnprintf(buf, size, fmt, ap);
    va_end(ap);

    return n;
}
