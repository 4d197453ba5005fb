/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * load-disk DEVICE [MB]: write and read back 64 KiB blocks at pseudo-random
 * places in the first MB megabytes (default 128) of DEVICE, bypassing the
 * page cache and syncing often, so that every block is a real disk
 * request with its interrupt, until SIGTERM.  DEVICE is overwritten.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"

#define BLOCK (64 * 1024)

int main(int argc, char **argv)
{
    unsigned long mb = argc > 2 ? strtoul(argv[2], NULL, 10) : 128;
    uint64_t blocks, x = 2463534242ULL, written = 0, readback = 0;
    void *buf;
    int fd;

    load_init("load-disk");
    if ( argc < 2 )
        load_die("usage: load-disk DEVICE [MB]");
    if ( mb < 1 || mb > 1048576 )
        load_die("MB must be from 1 to 1048576, not '%s'", argv[2]);

    fd = open(argv[1], O_RDWR | O_DIRECT);
    if ( fd < 0 )
        load_die("%s: %s", argv[1], strerror(errno));
    if ( posix_memalign(&buf, 4096, BLOCK) )
        load_die("cannot allocate a buffer");
    memset(buf, 0xa5, BLOCK);
    blocks = ((uint64_t)mb << 20) / BLOCK;

    while ( !load_stop )
    {
        off_t off;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        off = (off_t)(x % blocks) * BLOCK;

        if ( pwrite(fd, buf, BLOCK, off) != BLOCK )
        {
            if ( errno == EINTR )
                break;
            load_die("write at %lld: %s", (long long)off, strerror(errno));
        }
        written++;
        if ( written % 16 == 0 && fdatasync(fd) && errno != EINTR )
            load_die("fdatasync: %s", strerror(errno));
        if ( pread(fd, buf, BLOCK, off) != BLOCK )
        {
            if ( errno == EINTR )
                break;
            load_die("read at %lld: %s", (long long)off, strerror(errno));
        }
        readback++;
    }
    load_report("%llu blocks of 64 KiB written, %llu read back",
                (unsigned long long)written, (unsigned long long)readback);

    return 0;
}
