/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Start of day: the multiboot header, CPU 0's entry, the flat GDT both
 * CPUs use, and CPU 1's trampoline from real mode (copied below 1 MiB).
 */
#include "floor/x86.h"

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0

        .section .multiboot, "a"
        .p2align 2
        .long   MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

        .text
        .code32
        .globl  _start
_start:
        cli
        lgdt    gdt_desc
        ljmp    $SEL_CODE, $1f
1:      call    load_data_segments
        movl    $cpu0_stack + STACK_SIZE, %esp
        pushl   %ebx                    /* multiboot information */
        call    cpu0_main
2:      hlt
        jmp     2b

load_data_segments:
        movw    $SEL_DATA, %ax
        movw    %ax, %ds
        movw    %ax, %es
        movw    %ax, %fs
        movw    %ax, %gs
        movw    %ax, %ss
        ret

/* CPU 1 starts here in real mode at TRAMPOLINE, CS = TRAMPOLINE >> 4. */
        .globl  trampoline_start, trampoline_end
        .code16
trampoline_start:
        cli
        xorw    %ax, %ax
        movw    %ax, %ds
        lgdtl   TRAMPOLINE + (trampoline_gdt - trampoline_start)
        movl    %cr0, %eax
        orl     $1, %eax
        movl    %eax, %cr0
        ljmpl   $SEL_CODE, $cpu1_start32
        .p2align 2
trampoline_gdt:
        .word   gdt_end - gdt - 1
        .long   gdt
trampoline_end:

        .code32
cpu1_start32:
        movw    $SEL_DATA, %ax
        movw    %ax, %ss
        movl    $cpu1_stack + STACK_SIZE, %esp
        call    load_data_segments
        call    cpu1_main
3:      hlt
        jmp     3b

        .section .rodata
        .p2align 3
gdt:
        .quad   0
        .quad   0x00cf9a000000ffff      /* SEL_CODE: flat 32-bit code */
        .quad   0x00cf92000000ffff      /* SEL_DATA: flat 32-bit data */
gdt_end:
gdt_desc:
        .word   gdt_end - gdt - 1
        .long   gdt

        .bss
        .p2align 4
cpu0_stack:
        .skip   STACK_SIZE
cpu1_stack:
        .skip   STACK_SIZE
