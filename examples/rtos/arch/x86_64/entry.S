/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points called by Xen: the event upcall, the failsafe callback,
 * and the exception handlers.
 */
#include "rtos/xen.h"

        .text
        .code64

/* What C may clobber (rcx and r11 Xen saved already), and rbx. */
.macro SAVE_SCRATCH
        pushq   %rax
        pushq   %rdx
        pushq   %rsi
        pushq   %rdi
        pushq   %r8
        pushq   %r9
        pushq   %r10
        pushq   %rbx
.endm

.macro RESTORE_SCRATCH
        popq    %rbx
        popq    %r10
        popq    %r9
        popq    %r8
        popq    %rdi
        popq    %rsi
        popq    %rdx
        popq    %rax
.endm

/*
 * Event upcall.  Xen masked event delivery and pushed
 *   rcx, r11, rip, cs, rflags, rsp, ss
 * on this stack.  Save what C may clobber, handle the events, and return
 * with HYPERVISOR_iret, which restores the event mask from rflags.IF.
 */
        .globl hypervisor_callback
hypervisor_callback:
        SAVE_SCRATCH
        cld                     /* C expects it; rflags is restored */

        movq    %rsp, %rbx      /* callee-saved: survives the C call */
        andq    $~15, %rsp      /* the ABI wants 16-byte alignment */
        call    do_event_upcall
        movq    %rbx, %rsp

        RESTORE_SCRATCH
        popq    %rcx
        popq    %r11
        /* The iret stub pushes rcx, r11, rax above our flags word. */
        pushq   $0
        jmp     hypercall_page + __HYPERVISOR_iret * 32

/* Xen could not load a segment register on return: nothing to recover. */
        .globl failsafe_callback
failsafe_callback:
        andq    $~15, %rsp
        call    do_failsafe
        ud2

/*
 * Exceptions.  Xen pushed
 *   rcx, r11, [error code,] rip, cs, rflags, rsp, ss
 * Each stub makes it one layout (error code 0 when the CPU gives none),
 * pushes the vector and goes to trap_common, which calls
 * do_trap(vector, error code, &rip).  do_trap() returns only for a fault
 * it expected (arch/x86_64/io.S), with rip moved to the recovery code;
 * then the registers are restored and HYPERVISOR_iret resumes there.
 */
.macro TRAP vec, errcode
        .globl trap_\vec
trap_\vec:
        .if \errcode == 0
        popq    %rcx
        popq    %r11
        pushq   $0
        pushq   %r11
        pushq   %rcx
        .endif
        pushq   $\vec
        jmp     trap_common
.endm

trap_common:
        SAVE_SCRATCH
        cld

        movq    64(%rsp), %rdi  /* vector */
        movq    88(%rsp), %rsi  /* error code */
        leaq    96(%rsp), %rdx  /* rip, cs, rflags, rsp, ss */
        movq    %rsp, %rbx
        andq    $~15, %rsp
        call    do_trap
        movq    %rbx, %rsp

        RESTORE_SCRATCH
        addq    $8, %rsp        /* vector */
        popq    %rcx
        popq    %r11
        addq    $8, %rsp        /* error code */
        pushq   $0
        jmp     hypercall_page + __HYPERVISOR_iret * 32

        TRAP 0, 0       /* divide error */
        TRAP 1, 0       /* debug */
        TRAP 3, 0       /* breakpoint */
        TRAP 4, 0       /* overflow */
        TRAP 5, 0       /* bound range */
        TRAP 6, 0       /* invalid opcode */
        TRAP 7, 0       /* device not available */
        TRAP 10, 1      /* invalid TSS */
        TRAP 11, 1      /* segment not present */
        TRAP 12, 1      /* stack fault */
        TRAP 13, 1      /* general protection */
        TRAP 14, 1      /* page fault */
        TRAP 16, 0      /* x87 error */
        TRAP 17, 1      /* alignment check */
        TRAP 19, 0      /* SIMD error */

        .section .note.GNU-stack, "", @progbits
