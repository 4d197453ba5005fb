/* SPDX-License-Identifier: GPL-2.0-only */
/* What the two CPUs of the probe share. */
#ifndef FLOOR_PROBE_H
#define FLOOR_PROBE_H

#include <stdint.h>

#define MAX_SAMPLES     20000

struct probe_opts {
    int cpu0_busy;              /* cpu0=busy|idle */
    int cpu1_poll;              /* cpu1=poll|hlt */
    unsigned int samples;       /* n= */
};

extern struct probe_opts opts;
extern volatile int cpu1_ready, cpu1_done;
extern volatile uint64_t probe_hit_tsc;

int parse_opts(const char *cmdline, struct probe_opts *o);
void cpu1_main(void);
void probe_interrupt(void);
void tick_interrupt(void);

/* Sorts @v in place. */
void sort_u32(uint32_t *v, unsigned int n);

#endif /* FLOOR_PROBE_H */
