/* SPDX-License-Identifier: GPL-2.0-only */
/* One IDT for both CPUs: the probe's and the tick's vectors, faults. */
#include "floor/lapic.h"
#include "floor/x86.h"

struct gate {
    uint16_t off_lo, sel;
    uint8_t zero, type;
    uint16_t off_hi;
} __attribute__((packed));

struct idt_desc {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

extern char entry_probe[], entry_tick[], entry_spurious[], entry_fault[];

static struct gate idt[256];

static void set_gate(unsigned int vec, void *entry)
{
    uint32_t off = (uint32_t)entry;

    idt[vec] = (struct gate){
        .off_lo = off & 0xffff, .sel = SEL_CODE,
        .type = 0x8e,           /* present, ring 0, 32-bit interrupt gate */
        .off_hi = off >> 16,
    };
}

void idt_setup(void)
{
    unsigned int vec;

    for ( vec = 0; vec < 32; vec++ )
        set_gate(vec, entry_fault);
    set_gate(VEC_PROBE, entry_probe);
    set_gate(VEC_TICK, entry_tick);
    set_gate(VEC_SPURIOUS, entry_spurious);
}

void idt_load(void)
{
    struct idt_desc desc = { sizeof(idt) - 1, (uint32_t)idt };

    asm volatile ( "lidt %0" :: "m" (desc) );
}
