/* SPDX-License-Identifier: GPL-2.0-only */
/* COM1 output, and the isa-debug-exit port to end the run. */
#include "floor/console.h"
#include "floor/x86.h"

#define COM1            0x3f8
#define DEBUG_EXIT      0xf4

void console_putc(char c)
{
    while ( !(inb(COM1 + 5) & 0x20) )   /* transmitter holding empty */
        cpu_relax();
    outb(COM1, c);
}

void machine_exit(void)
{
    outb(DEBUG_EXIT, 0);
    for ( ;; )
        safe_halt();
}
