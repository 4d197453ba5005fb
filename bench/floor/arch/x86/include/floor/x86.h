/* SPDX-License-Identifier: GPL-2.0-only */
/* Constants shared by the probe's assembly and C, and CPU instructions. */
#ifndef FLOOR_X86_H
#define FLOOR_X86_H

#define SEL_CODE        0x08
#define SEL_DATA        0x10
#define STACK_SIZE      8192

/* Where CPU 1's real-mode trampoline is copied (a 4 KiB page < 1 MiB). */
#define TRAMPOLINE      0x8000

#define VEC_PROBE       0x40    /* CPU 1's one-shot LAPIC timer */
#define VEC_TICK        0x41    /* CPU 0's periodic LAPIC timer */
#define VEC_SPURIOUS    0xff

#ifndef __ASSEMBLY__
#include <stdint.h>

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) );
    return ((uint64_t)hi << 32) | lo;
}

/* *n /= base, returning the remainder: no libgcc for 64-bit division. */
static inline uint32_t do_div(uint64_t *n, uint32_t base)
{
    uint32_t hi = *n >> 32, lo = *n, rem, q_hi = hi / base;

    hi %= base;
    asm ( "divl %2" : "=a" (lo), "=d" (rem) : "rm" (base), "0" (lo), "1" (hi) );
    *n = ((uint64_t)q_hi << 32) | lo;
    return rem;
}

static inline void outb(uint16_t port, uint8_t val)
{
    asm volatile ( "outb %0, %1" :: "a" (val), "Nd" (port) );
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t val;

    asm volatile ( "inb %1, %0" : "=a" (val) : "Nd" (port) );
    return val;
}

static inline void cpu_relax(void)
{
    asm volatile ( "pause" ::: "memory" );
}

/* Wait for an interrupt, with interrupts enabled for that moment only. */
static inline void safe_halt(void)
{
    asm volatile ( "sti; hlt; cli" ::: "memory" );
}

static inline void irq_enable(void)
{
    asm volatile ( "sti" ::: "memory" );
}

static inline void irq_disable(void)
{
    asm volatile ( "cli" ::: "memory" );
}
#endif

#endif /* FLOOR_X86_H */
