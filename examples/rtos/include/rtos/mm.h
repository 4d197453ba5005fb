/* SPDX-License-Identifier: GPL-2.0-only */
/* Memory of a PV guest: machine addresses, and what a page maps. */
#ifndef RTOS_MM_H
#define RTOS_MM_H

#include <stdint.h>

#include "rtos/xen.h"

/* Remember the domain builder's pfn-to-mfn list. */
void mm_init(const start_info_t *si);

/* The machine address of va in our image: what a device is told. */
uint64_t mm_maddr(const void *va);

/* Mapping kinds for mm_map(). */
#define MM_RAM      0   /* read-write, cached */
#define MM_DEVICE   1   /* read-write, uncached: device registers */

/*
 * Map the machine page at maddr in place of the page of our image at va
 * (page-aligned); 0 or a negative Xen error.
 */
int mm_map(void *va, uint64_t maddr, int kind);

#endif /* RTOS_MM_H */
