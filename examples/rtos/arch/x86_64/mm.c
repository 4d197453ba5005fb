/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 PV page mappings: Xen validates every PTE we hand it, so a
 * device's registers can be mapped only where the domain was given
 * access to them (xl's pci=).
 */
#include <arch/hypercall.h>

#include "rtos/mm.h"

#define PTE_PRESENT     0x001UL
#define PTE_RW          0x002UL
#define PTE_PWT         0x008UL
#define PTE_PCD         0x010UL
#define PTE_ACCESSED    0x020UL
#define PTE_DIRTY       0x040UL

static const unsigned long *p2m;

void mm_init(const start_info_t *si)
{
    p2m = (const unsigned long *)si->mfn_list;
}

uint64_t mm_maddr(const void *va)
{
    /* Linked at a virtual base of 0: va is pfn << PAGE_SHIFT. */
    unsigned long pfn = ((unsigned long)va - RTOS_VIRT_BASE) >> PAGE_SHIFT;

    return ((uint64_t)p2m[pfn] << PAGE_SHIFT) |
           ((unsigned long)va & (PAGE_SIZE - 1));
}

int mm_map(void *va, uint64_t maddr, int kind)
{
    uint64_t pte = maddr | PTE_PRESENT | PTE_RW | PTE_ACCESSED | PTE_DIRTY;

    if ( kind == MM_DEVICE )
        pte |= PTE_PCD | PTE_PWT;

    return (int)hyp_update_va_mapping((unsigned long)va, pte, UVMF_INVLPG);
}
