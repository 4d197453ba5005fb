/* SPDX-License-Identifier: GPL-2.0-only */
/* Port I/O that may fault, and a fault on purpose (arch/x86_64/io.S). */
#ifndef ARCH_IO_H
#define ARCH_IO_H

/* The byte read from port, or -1 when it faulted (vector in trap_caught). */
long arch_try_inb(unsigned int port);

/* 0, or -1 when the write to port faulted (vector in trap_caught). */
long arch_try_outb(unsigned int port, unsigned int v);

/* Write through a NULL pointer. */
void arch_fault_null(void) __attribute__((noreturn));

#endif /* ARCH_IO_H */
