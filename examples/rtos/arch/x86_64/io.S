/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Port I/O that may fault, and a fault on purpose.
 *
 * A PV guest runs its kernel in ring 3: "in" and "out" trap to Xen, which
 * emulates them for ports the domain was given and otherwise reflects a
 * general protection fault (#GP), or, with a virtual IOPL of 3
 * (PHYSDEVOP_set_iopl), reads all ones and drops writes.  The probe wants
 * to see which: trap_fixups lists the instructions that may fault and
 * where to resume, and do_trap() (traps.c) records the vector in
 * trap_caught and resumes there.
 */
#include "rtos/xen.h"

        .text
        .code64

/* long arch_try_inb(unsigned int port): the byte read, or -1 on a fault. */
        .globl arch_try_inb
arch_try_inb:
        movl    %edi, %edx
        xorl    %eax, %eax
1:      inb     %dx, %al
        ret
2:      movq    $-1, %rax
        ret

/* long arch_try_outb(unsigned int port, unsigned int v): 0, -1 on a fault. */
        .globl arch_try_outb
arch_try_outb:
        movl    %edi, %edx
        movl    %esi, %eax
3:      outb    %al, %dx
        xorl    %eax, %eax
        ret
4:      movq    $-1, %rax
        ret

/*
 * void arch_fault_null(void): write through a NULL pointer.  Page 0 is not
 * mapped (main.c): a page fault.
 */
        .globl arch_fault_null
arch_fault_null:
        xorl    %eax, %eax
        movl    $0xdead, (%rax)
        ud2

        .section .rodata
        .p2align 3
        .globl trap_fixups, trap_fixups_end
trap_fixups:
        .quad   1b, 2b
        .quad   3b, 4b
trap_fixups_end:

        .section .note.GNU-stack, "", @progbits
