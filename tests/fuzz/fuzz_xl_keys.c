/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fuzz target: the rtos_* keys of an xl domain config.  The input is the
 * config text: libxlutil parses it as xl does, then the keys' values go
 * through natsume_parse_keys() (what xl's parse_natsume_config() calls)
 * and, when they parse, natsume_check_keys() against a two-CPU host with the
 * PIT and HPET comparator 2 reserved and free.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxlutil.h>

#include "natsume_logic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int __lsan_is_turned_off(void);

/*
 * No leak checks here: libxlutil's parser leaks the values of a list it
 * gives up on (xl exits after a syntax error anyway), and nothing of ours
 * in this target allocates.  fuzz_natsume_logic checks our code for leaks.
 */
int __lsan_is_turned_off(void)
{
    return 1;
}

static FILE *devnull;

/* The key's text, NULL when absent; -1 for a list (xl refuses it). */
static int value(XLU_Config *cfg, const char *key, const char **v)
{
    int e = xlu_cfg_get_string(cfg, key, v, 1);

    if ( e == ESRCH )
        *v = NULL;
    else if ( e )
        return -1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum natsume_cpu_state state[] = {
        NATSUME_CPU_POOL0, NATSUME_CPU_POOL0,
    };
    const struct natsume_host h = {
        .nr_cpus = 2,
        .cpu_state = state,
        .pool0_cpus = 2,
        .dom0_only_cpu = 0,
        .reserved = 1U << NATSUME_SOURCE_PIT |
                    1U << NATSUME_SOURCE_HPET(2),
    };
    const char *timer, *cpu, *period;
    struct natsume_keys k;
    XLU_Config *cfg;
    char err[256];

    /*
     * Configs are text.  A NUL byte inside a quoted string trips an
     * assertion in libxlutil's lexer (xlu__cfgl_dequote), which is Xen's
     * own code and not what this target is about.
     */
    if ( size > 4096 || memchr(data, 0, size) )
        return 0;
    if ( !devnull && !(devnull = fopen("/dev/null", "w")) )
        abort();
    cfg = xlu_cfg_init(devnull, "fuzz.cfg");
    if ( !cfg )
        abort();

    if ( !xlu_cfg_readdata(cfg, (const char *)data, size) &&
         !value(cfg, "rtos_timer", &timer) && !value(cfg, "rtos_cpu", &cpu) &&
         !value(cfg, "rtos_timer_period_us", &period) &&
         !natsume_parse_keys(timer, cpu, period, &k, err, sizeof(err)) )
    {
        long vcpus;

        k.vcpus = xlu_cfg_get_long(cfg, "vcpus", &vcpus, 1) ? 1 : vcpus;
        k.type = xlu_cfg_get_string(cfg, "type", &k.type, 1) ? NULL : k.type;
        /* What xl stores only for a PV domain is refused for others. */
        if ( natsume_check_type(&k, err, sizeof(err)) == 0 &&
             k.type && strcmp(k.type, "pv") &&
             (k.timer != NATSUME_TIMER_XEN || k.cpu >= 0 || k.period_us) )
            abort();
        if ( natsume_check_keys(&k, &h, err, sizeof(err)) == 0 &&
             k.timer != NATSUME_TIMER_XEN &&
             (k.cpu != 1 || (k.type && strcmp(k.type, "pv")) ||
              natsume_pick_source(&k, &h, err, sizeof(err)) !=
              (k.timer == NATSUME_TIMER_PIT ? (int)NATSUME_SOURCE_PIT
                                            : (int)NATSUME_SOURCE_HPET(2))) )
            abort();        /* CPU 0 is dom0's, there is no other */
    }

    xlu_cfg_destroy(cfg);

    return 0;
}
