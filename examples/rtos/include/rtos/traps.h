/* Exceptions: reported on the console, then the guest crashes. */
#ifndef RTOS_TRAPS_H
#define RTOS_TRAPS_H

int traps_init(void);

/* Called from the entry stubs; do not return. */
void do_trap(unsigned long vector, unsigned long error,
             const unsigned long *frame);
void do_failsafe(void);

#endif /* RTOS_TRAPS_H */
