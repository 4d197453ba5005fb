/* SPDX-License-Identifier: GPL-2.0-only */
/* Strings and decimal numbers on the console. */
#include "floor/console.h"
#include "floor/x86.h"

void put_str(const char *s)
{
    while ( *s )
    {
        if ( *s == '\n' )
            console_putc('\r');
        console_putc(*s++);
    }
}

void put_u64(uint64_t v)
{
    char buf[21];
    unsigned int i = sizeof(buf) - 1;

    buf[i] = '\0';
    do {
        buf[--i] = '0' + do_div(&v, 10);
    } while ( v );
    put_str(&buf[i]);
}
