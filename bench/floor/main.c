/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The emulator's floor: how long an interrupt raised for CPU 1 waits
 * while CPU 0 is busy.  CPU 0 starts CPU 1, then either spins (busy) or
 * sleeps (idle) between the ticks of its own 1 ms periodic timer, as a
 * dom0 CPU does; CPU 1 measures (probe.c).
 */
#include "floor/console.h"
#include "floor/lapic.h"
#include "floor/probe.h"
#include "floor/x86.h"

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper, boot_device;
    uint32_t cmdline;
};
#define MBI_CMDLINE     (1u << 2)

#define TICK_NS         1000000

struct probe_opts opts = { .cpu0_busy = 1, .cpu1_poll = 0, .samples = 2000 };
volatile int cpu1_ready, cpu1_done;
static volatile unsigned long cpu0_ticks;

extern char trampoline_start[], trampoline_end[];

void tick_interrupt(void)
{
    cpu0_ticks++;
    lapic_eoi();
}

void fault(void)
{
    put_str("FLOOR-FAULT\n");
    machine_exit();
}

static const char *skip_first_word(const char *s)
{
    while ( *s && *s != ' ' )
        s++;
    return s;
}

/* Work that keeps CPU 0 executing instructions, as a CPU hog does. */
static void cpu0_spin(void)
{
    volatile uint32_t x = 1;

    while ( !cpu1_done )
        x = x * 1103515245u + 12345u;
}

void cpu0_main(const struct multiboot_info *mbi)
{
    const char *cmdline = "";
    char *dst = (char *)TRAMPOLINE;
    const char *src;

    put_str("floor: probe started\n");
    if ( mbi->flags & MBI_CMDLINE )
        cmdline = skip_first_word((const char *)mbi->cmdline);
    if ( parse_opts(cmdline, &opts) )
    {
        put_str("floor: bad command line; allowed: cpu0=busy|idle "
                "cpu1=poll|hlt n=1-20000\n");
        machine_exit();
    }

    pic_disable();
    idt_setup();
    idt_load();
    lapic_enable();

    for ( src = trampoline_start; src < trampoline_end; )
        *dst++ = *src++;
    lapic_start_cpu(1, TRAMPOLINE);
    while ( !cpu1_ready )
        cpu_relax();

    lapic_timer_periodic(VEC_TICK, TICK_NS);
    if ( opts.cpu0_busy )
    {
        irq_enable();
        cpu0_spin();
    }
    else
        while ( !cpu1_done )
            safe_halt();
    irq_disable();
    for ( ;; )
        safe_halt();
}
