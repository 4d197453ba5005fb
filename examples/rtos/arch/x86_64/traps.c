/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception table: an exception is reported and stops the guest, unless
 * it comes from an instruction listed in trap_fixups (io.S).
 */
#include <arch/hypercall.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/traps.h"

#define TRAP_STUBS(x) x(0) x(1) x(3) x(4) x(5) x(6) x(7) x(10) x(11) \
                      x(12) x(13) x(14) x(16) x(17) x(19)

#define DECLARE(v) extern void trap_##v(void);
TRAP_STUBS(DECLARE)

/* Flags bit 2: mask events on entry; privilege 0: no "int n" entry. */
#define ENTRY(v) { v, 4, FLAT_KERNEL_CS, (unsigned long)trap_##v },

static const struct trap_info trap_table[] = {
    TRAP_STUBS(ENTRY)
    { 0, 0, 0, 0 }
};

static const char *const trap_names[] = {
    [0] = "divide error", [1] = "debug", [3] = "breakpoint",
    [4] = "overflow", [5] = "bound range", [6] = "invalid opcode",
    [7] = "device not available", [10] = "invalid TSS",
    [11] = "segment not present", [12] = "stack fault",
    [13] = "general protection", [14] = "page fault", [16] = "x87 error",
    [17] = "alignment check", [19] = "SIMD error",
};

/* Faulting instruction and where to resume instead. */
struct trap_fixup {
    unsigned long insn, resume;
};
extern const struct trap_fixup trap_fixups[], trap_fixups_end[];

volatile int trap_caught = -1;

int traps_init(void)
{
    return (int)hyp_set_trap_table(trap_table);
}

int traps_clear(void)
{
    return (int)hyp_set_trap_table(NULL);
}

/* frame: rip, cs, rflags, rsp, ss as Xen pushed them. */
void do_trap(unsigned long vector, unsigned long error, unsigned long *frame)
{
    const struct trap_fixup *f;
    const char *name = vector < sizeof(trap_names) / sizeof(trap_names[0]) ?
                       trap_names[vector] : NULL;

    for ( f = trap_fixups; f < trap_fixups_end; f++ )
    {
        if ( frame[0] == f->insn )
        {
            trap_caught = vector;
            frame[0] = f->resume;
            return;
        }
    }

    panic("exception %lu (%s) at rip 0x%lx, error code 0x%lx, rsp 0x%lx, "
          "cr2 0x%lx", vector, name ? name : "?", frame[0], error, frame[3],
          shared_info ? (unsigned long)shared_info->vcpu_info[0].arch.cr2
                      : 0UL);
}

void do_failsafe(void)
{
    panic("failsafe callback: Xen could not restore a segment register");
}
