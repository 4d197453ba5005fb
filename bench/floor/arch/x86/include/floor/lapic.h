/* SPDX-License-Identifier: GPL-2.0-only */
/* The local APIC: enable, timer, end of interrupt, start-up IPIs. */
#ifndef FLOOR_LAPIC_H
#define FLOOR_LAPIC_H

#include <stdint.h>

/* Mask the legacy 8259 interrupt controllers. */
void pic_disable(void);
void lapic_enable(void);
/* The LAPIC timer counts at 1 GHz under QEMU with a divisor of 1. */
void lapic_timer_oneshot(unsigned int vector, uint32_t ns);
void lapic_timer_periodic(unsigned int vector, uint32_t ns);
/* What is left of the timer's count (ns). */
uint32_t lapic_timer_current(void);
void lapic_eoi(void);
void lapic_start_cpu(unsigned int apic_id, uint32_t trampoline);

/* Interrupt descriptor table, loaded on each CPU. */
void idt_setup(void);
void idt_load(void);

#endif /* FLOOR_LAPIC_H */
