/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fuzz target: the demo RTOS guest's command line parser
 * (examples/rtos/opts.c).  The first byte picks the size of the error
 * buffer, the rest is the command line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rtos/opts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rtos_opts o;
    size_t errlen;
    char *line, *err;
    int rc;

    if ( size < 1 )
        return 0;
    errlen = data[0] % 160;
    line = malloc(size);
    err = malloc(errlen ? errlen : 1);
    if ( !line || !err )
        abort();
    memcpy(line, data + 1, size - 1);
    line[size - 1] = '\0';

    rc = opts_parse(line, &o, err, errlen);

    /* Whatever the line, a result within bounds or a message that fits. */
    if ( rc == 0 )
    {
        if ( (o.mode != RTOS_MODE_XEN && o.mode != RTOS_MODE_NATSUME) ||
             o.ticks < 1 || o.ticks > OPTS_MAX_TICKS ||
             o.period_us < 1 || o.period_us > OPTS_MAX_PERIOD_US )
            abort();
    }
    else if ( rc != -1 || (errlen && (strnlen(err, errlen) == errlen ||
                                      (errlen > 1 && !err[0]))) )
        abort();
    if ( !opts_mode_name(o.mode) )
        abort();

    free(err);
    free(line);

    return 0;
}
