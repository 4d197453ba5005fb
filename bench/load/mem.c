/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * load-mem [MB]: stream through a buffer of MB megabytes (default 64),
 * copying one half onto the other and touching every cache line, to keep
 * the memory bus and the TLB busy until SIGTERM.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

int main(int argc, char **argv)
{
    unsigned long mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 64;
    size_t half, i;
    uint64_t moved = 0;
    unsigned char *buf;

    load_init("load-mem");
    if ( mb < 2 || mb > 4096 )
        load_die("MB must be from 2 to 4096, not '%s'", argv[1]);

    half = (size_t)mb << 19;
    buf = malloc(2 * half);
    if ( !buf )
        load_die("cannot allocate %lu MB", mb);
    memset(buf, 0x5a, 2 * half);

    while ( !load_stop )
    {
        memcpy(buf + half, buf, half);
        for ( i = 0; i < 2 * half; i += 64 )
            buf[i]++;
        memcpy(buf, buf + half, half);
        moved += 2 * half;
    }
    load_report("%llu MB copied", (unsigned long long)(moved >> 20));

    return 0;
}
