/*
 * Entry points called by Xen: the event upcall, the failsafe callback,
 * and the exception handlers.
 */
#include "rtos/xen.h"

        .text
        .code64

/*
 * Event upcall.  Xen masked event delivery and pushed
 *   rcx, r11, rip, cs, rflags, rsp, ss
 * on this stack.  Save what C may clobber, handle the events, and return
 * with HYPERVISOR_iret, which restores the event mask from rflags.IF.
 */
        .globl hypervisor_callback
hypervisor_callback:
        pushq   %rax
        pushq   %rdx
        pushq   %rsi
        pushq   %rdi
        pushq   %r8
        pushq   %r9
        pushq   %r10
        pushq   %rbx
        cld                     /* C expects it; rflags is restored */

        movq    %rsp, %rbx      /* callee-saved: survives the C call */
        andq    $~15, %rsp      /* the ABI wants 16-byte alignment */
        call    do_event_upcall
        movq    %rbx, %rsp

        popq    %rbx
        popq    %r10
        popq    %r9
        popq    %r8
        popq    %rdi
        popq    %rsi
        popq    %rdx
        popq    %rax
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
 * Exceptions are fatal here: report and stop.  Xen pushed
 *   rcx, r11, [error code,] rip, cs, rflags, rsp, ss
 * do_trap(vector, error code, &rip) does not return.
 */
.macro TRAP vec, errcode
        .globl trap_\vec
trap_\vec:
        .if \errcode
        movq    16(%rsp), %rsi
        leaq    24(%rsp), %rdx
        .else
        xorl    %esi, %esi
        leaq    16(%rsp), %rdx
        .endif
        movl    $\vec, %edi
        andq    $~15, %rsp
        call    do_trap
        ud2
.endm

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
