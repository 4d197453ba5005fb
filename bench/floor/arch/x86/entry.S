/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt entry points.  The probe's handler reads the TSC before
 * anything else, so that the time it records is as close as it can be to
 * the moment CPU 1 took the interrupt.
 */
#include "floor/x86.h"

        .text
        .code32

        .globl  entry_probe
entry_probe:
        pushl   %eax
        pushl   %ecx
        pushl   %edx
        rdtsc
        movl    %eax, probe_hit_tsc
        movl    %edx, probe_hit_tsc + 4
        call    probe_interrupt
        popl    %edx
        popl    %ecx
        popl    %eax
        iret

        .globl  entry_tick
entry_tick:
        pushl   %eax
        pushl   %ecx
        pushl   %edx
        call    tick_interrupt
        popl    %edx
        popl    %ecx
        popl    %eax
        iret

        .globl  entry_spurious
entry_spurious:
        iret

/* Any exception: say so and stop the machine. */
        .globl  entry_fault
entry_fault:
        call    fault
4:      hlt
        jmp     4b
