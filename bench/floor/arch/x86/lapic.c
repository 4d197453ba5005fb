/* SPDX-License-Identifier: GPL-2.0-only */
/* The local APIC at its default address; no paging, so a plain pointer. */
#include "floor/lapic.h"
#include "floor/x86.h"

#define LAPIC_BASE      0xfee00000u
#define LAPIC_EOI       0xb0
#define LAPIC_SVR       0xf0
#define LAPIC_ICR_LO    0x300
#define LAPIC_ICR_HI    0x310
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TMR_INIT  0x380
#define LAPIC_TMR_CUR   0x390
#define LAPIC_TMR_DIV   0x3e0

#define SVR_ENABLE      0x100
#define LVT_PERIODIC    (1u << 17)
#define TMR_DIV_1       0xb
#define ICR_INIT        0x4500
#define ICR_STARTUP     0x4600
#define ICR_BUSY        (1u << 12)

static void lapic_write(unsigned int reg, uint32_t val)
{
    *(volatile uint32_t *)(LAPIC_BASE + reg) = val;
}

static uint32_t lapic_read(unsigned int reg)
{
    return *(volatile uint32_t *)(LAPIC_BASE + reg);
}

void pic_disable(void)
{
    /* The BIOS left the PIT ticking through the 8259s on vector 8. */
    outb(0x21, 0xff);
    outb(0xa1, 0xff);
}

void lapic_enable(void)
{
    lapic_write(LAPIC_SVR, SVR_ENABLE | VEC_SPURIOUS);
    lapic_write(LAPIC_TMR_DIV, TMR_DIV_1);
}

void lapic_timer_oneshot(unsigned int vector, uint32_t ns)
{
    lapic_write(LAPIC_LVT_TIMER, vector);
    lapic_write(LAPIC_TMR_INIT, ns);
}

void lapic_timer_periodic(unsigned int vector, uint32_t ns)
{
    lapic_write(LAPIC_LVT_TIMER, vector | LVT_PERIODIC);
    lapic_write(LAPIC_TMR_INIT, ns);
}

uint32_t lapic_timer_current(void)
{
    return lapic_read(LAPIC_TMR_CUR);
}

void lapic_eoi(void)
{
    lapic_write(LAPIC_EOI, 0);
}

static void lapic_ipi(unsigned int apic_id, uint32_t icr)
{
    lapic_write(LAPIC_ICR_HI, apic_id << 24);
    lapic_write(LAPIC_ICR_LO, icr);
    while ( lapic_read(LAPIC_ICR_LO) & ICR_BUSY )
        cpu_relax();
}

static void delay_ns(uint64_t ns)
{
    uint64_t end = rdtsc() + ns;    /* the TSC runs at 1 GHz under icount */

    while ( rdtsc() < end )
        cpu_relax();
}

/* INIT, then STARTUP twice, as the MP specification asks. */
void lapic_start_cpu(unsigned int apic_id, uint32_t trampoline)
{
    lapic_ipi(apic_id, ICR_INIT);
    delay_ns(10000000);
    lapic_ipi(apic_id, ICR_STARTUP | (trampoline >> 12));
    delay_ns(200000);
    lapic_ipi(apic_id, ICR_STARTUP | (trampoline >> 12));
}
