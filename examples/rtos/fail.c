/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Failing on purpose.  fail=crash: drop the trap table, then write through
 * a NULL pointer; with no handler for the page fault, Xen crashes the
 * domain itself (as it would a buggy guest), no SHUTDOWN_crash from us.
 * fail=stuck: mask event delivery and spin; the tick's event channel stays
 * bound and pending, as in a guest hung with interrupts off.
 * fail=reset: SHUTDOWN_soft_reset, as a guest about to kexec asks for.
 */
#include <arch/cpu.h>
#include <arch/io.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/fail.h"
#include "rtos/traps.h"

void fail_now(enum rtos_fail how, unsigned int ticks)
{
    printk("natsume-rtos: failing on purpose (fail=%s) after %u ticks\n",
           opts_fail_name(how), ticks);
    console_flush(1000000000ULL);

    if ( how == RTOS_FAIL_RESET )
        shutdown(SHUTDOWN_soft_reset);

    if ( how == RTOS_FAIL_CRASH )
    {
        traps_clear();
        arch_fault_null();
    }

    events_mask();
    for ( ; ; )
        cpu_relax();
}
