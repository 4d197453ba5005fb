/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercalls through the hypercall page (64-bit PV calling convention). */
#ifndef ARCH_HYPERCALL_H
#define ARCH_HYPERCALL_H

#include "rtos/xen.h"

extern char hypercall_page[];

/*
 * Arguments in rdi, rsi, rdx, r10, r8; result in rax.  A debug Xen
 * scribbles over argument registers it did not use: all are outputs.
 */
#define HYPERCALL5(nr, a1, a2, a3, a4, a5)                              \
({                                                                      \
    register unsigned long a1_ asm ( "rdi" ) = (unsigned long)(a1);     \
    register unsigned long a2_ asm ( "rsi" ) = (unsigned long)(a2);     \
    register unsigned long a3_ asm ( "rdx" ) = (unsigned long)(a3);     \
    register unsigned long a4_ asm ( "r10" ) = (unsigned long)(a4);     \
    register unsigned long a5_ asm ( "r8" ) = (unsigned long)(a5);      \
    long res_;                                                          \
                                                                        \
    asm volatile ( "call hypercall_page + %c[off]"                      \
                   : "=a" (res_), "+r" (a1_), "+r" (a2_), "+r" (a3_),   \
                     "+r" (a4_), "+r" (a5_)                             \
                   : [off] "i" ((nr) * 32)                              \
                   : "memory", "rcx", "r9", "r11" );                    \
    res_;                                                               \
})

#define HYPERCALL2(nr, a1, a2)          HYPERCALL5(nr, a1, a2, 0, 0, 0)
#define HYPERCALL3(nr, a1, a2, a3)      HYPERCALL5(nr, a1, a2, a3, 0, 0)

static inline long hyp_sched_op(int cmd, void *arg)
{
    return HYPERCALL2(__HYPERVISOR_sched_op, cmd, arg);
}

static inline long hyp_event_channel_op(int cmd, void *arg)
{
    return HYPERCALL2(__HYPERVISOR_event_channel_op, cmd, arg);
}

static inline long hyp_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return HYPERCALL3(__HYPERVISOR_vcpu_op, cmd, vcpu, arg);
}

static inline long hyp_set_callbacks(unsigned long event,
                                     unsigned long failsafe,
                                     unsigned long syscall)
{
    return HYPERCALL3(__HYPERVISOR_set_callbacks, event, failsafe, syscall);
}

static inline long hyp_set_trap_table(const struct trap_info *table)
{
    return HYPERCALL2(__HYPERVISOR_set_trap_table, table, 0);
}

static inline long hyp_update_va_mapping(unsigned long va, uint64_t pte,
                                         unsigned long flags)
{
    return HYPERCALL3(__HYPERVISOR_update_va_mapping, va, pte, flags);
}

static inline long hyp_console_io(int cmd, unsigned int count,
                                  const char *str)
{
    return HYPERCALL3(__HYPERVISOR_console_io, cmd, count, str);
}

static inline long hyp_xen_version(int cmd, void *arg)
{
    return HYPERCALL2(__HYPERVISOR_xen_version, cmd, arg);
}

static inline long hyp_physdev_op(int cmd, void *arg)
{
    return HYPERCALL2(__HYPERVISOR_physdev_op, cmd, arg);
}

/* The control domain's operations: the probe checks it is refused them. */
static inline long hyp_domctl(void *op)
{
    return HYPERCALL2(__HYPERVISOR_domctl, op, 0);
}

static inline long hyp_sysctl(void *op)
{
    return HYPERCALL2(__HYPERVISOR_sysctl, op, 0);
}

#endif /* ARCH_HYPERCALL_H */
