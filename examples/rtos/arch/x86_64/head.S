/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot of the 64-bit PV guest: the ELF notes Xen's loader reads, the
 * hypercall page, the boot stack and the entry point.
 */
#include <public/elfnote.h>

#include "rtos/xen.h"

#define BOOT_STACK_SIZE (16 * 1024)

/* One Xen ELF note: name "Xen", the given type, desc from the rest. */
.macro ELFNOTE type, desc:vararg
        .pushsection .note.Xen, "a", @note
        .p2align 2
        .long 2f - 1f           /* name size */
        .long 4f - 3f           /* desc size */
        .long \type
1:      .asciz "Xen"
2:      .p2align 2
3:      \desc
4:      .p2align 2
        .popsection
.endm

        ELFNOTE XEN_ELFNOTE_GUEST_OS,       .asciz "natsume-rtos"
        ELFNOTE XEN_ELFNOTE_GUEST_VERSION,  .asciz "1"
        ELFNOTE XEN_ELFNOTE_XEN_VERSION,    .asciz "xen-3.0"
        ELFNOTE XEN_ELFNOTE_LOADER,         .asciz "generic"
        ELFNOTE XEN_ELFNOTE_VIRT_BASE,      .quad RTOS_VIRT_BASE
        ELFNOTE XEN_ELFNOTE_PADDR_OFFSET,   .quad RTOS_VIRT_BASE
        ELFNOTE XEN_ELFNOTE_ENTRY,          .quad _start
        ELFNOTE XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page

        .section .text.head, "ax", @progbits
        .code64

/* Xen enters here: %rsi = start_info, event delivery masked. */
        .globl _start
_start:
        cld
        movq    $boot_stack_top, %rsp
        movq    %rsi, %rdi
        call    rtos_main
1:      ud2
        jmp     1b

/* Filled in by the domain builder with one 32-byte stub per hypercall. */
        .section .text.hypercall_page, "ax", @progbits
        .p2align 12
        .globl hypercall_page
hypercall_page:
        .skip PAGE_SIZE, 0xcc

        .bss
        .p2align 12
boot_stack:
        .skip BOOT_STACK_SIZE
boot_stack_top:

        .section .note.GNU-stack, "", @progbits
