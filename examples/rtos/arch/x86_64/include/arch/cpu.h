/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 helpers: TSC, barriers, atomic bit operations. */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

#define barrier()   asm volatile ( "" ::: "memory" )
/* x86 keeps loads and stores in order: the compiler must too. */
#define rmb()       barrier()
#define wmb()       barrier()

#define ACCESS_ONCE(x) (*(volatile __typeof__(x) *)&(x))

#define BITS_PER_LONG 64

static inline void cpu_relax(void)
{
    asm volatile ( "pause" ::: "memory" );
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) );

    return ((uint64_t)hi << 32) | lo;
}

static inline unsigned long xchg_ulong(volatile unsigned long *p,
                                       unsigned long v)
{
    asm volatile ( "xchg %0, %1" : "+r" (v), "+m" (*p) :: "memory" );

    return v;
}

/* Locked: Xen changes the same words on other CPUs. */
static inline void sync_set_bit(unsigned int nr, volatile unsigned long *a)
{
    asm volatile ( "lock btsq %1, %0"
                   : "+m" (a[nr / BITS_PER_LONG])
                   : "r" ((unsigned long)(nr % BITS_PER_LONG))
                   : "memory" );
}

static inline void sync_clear_bit(unsigned int nr, volatile unsigned long *a)
{
    asm volatile ( "lock btrq %1, %0"
                   : "+m" (a[nr / BITS_PER_LONG])
                   : "r" ((unsigned long)(nr % BITS_PER_LONG))
                   : "memory" );
}

static inline int sync_test_and_clear_bit(unsigned int nr,
                                          volatile unsigned long *a)
{
    unsigned char old;

    asm volatile ( "lock btrq %2, %0; setc %1"
                   : "+m" (a[nr / BITS_PER_LONG]), "=qm" (old)
                   : "r" ((unsigned long)(nr % BITS_PER_LONG))
                   : "memory" );

    return old;
}

static inline int test_bit(unsigned int nr, const volatile unsigned long *a)
{
    return (a[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

#endif /* ARCH_CPU_H */
