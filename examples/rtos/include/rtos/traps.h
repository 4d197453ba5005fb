/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions: reported on the console, then the guest crashes; except for
 * the few instructions that expect to fault (arch/io.h).
 */
#ifndef RTOS_TRAPS_H
#define RTOS_TRAPS_H

int traps_init(void);

/* Drop every handler: from then on Xen crashes the domain at a fault. */
int traps_clear(void);

/* Vector of the last fault caught at an instruction that expected it. */
extern volatile int trap_caught;

/*
 * Called from the entry stubs.  Returns (with frame[0], the rip, moved to
 * the recovery code) only for an instruction that expected the fault.
 */
void do_trap(unsigned long vector, unsigned long error, unsigned long *frame);
void do_failsafe(void);

#endif /* RTOS_TRAPS_H */
