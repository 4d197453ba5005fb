/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Receive-only driver for an Intel 8254x (e1000) NIC: legacy descriptors,
 * one ring of 2 KiB buffers, an interrupt for every frame (no
 * moderation).  Each interrupt is read, the ring emptied and given back,
 * and the line acknowledged to Xen: the path of a passed-through device's
 * interrupt that competes with the timer's.
 */
#include <arch/cpu.h>

#include "rtos/console.h"
#include "rtos/events.h"
#include "rtos/lib.h"
#include "rtos/mm.h"
#include "rtos/nic.h"
#include "rtos/time.h"

/* Registers (offsets in BAR 0) and their bits. */
#define NIC_CTRL        0x0000
#define  CTRL_SLU       (1u << 6)       /* set link up */
#define NIC_STATUS      0x0008
#define  STATUS_LU      (1u << 1)
#define NIC_ICR         0x00c0          /* causes; reading clears them */
#define NIC_ITR         0x00c4
#define NIC_IMS         0x00d0
#define NIC_IMC         0x00d8
#define  INT_RXDMT0     (1u << 4)
#define  INT_RXO        (1u << 6)
#define  INT_RXT0       (1u << 7)
#define NIC_RCTL        0x0100
#define  RCTL_EN        (1u << 1)
#define  RCTL_UPE       (1u << 3)       /* every unicast frame */
#define  RCTL_MPE       (1u << 4)       /* every multicast frame */
#define  RCTL_BAM       (1u << 15)      /* broadcasts */
#define  RCTL_SECRC     (1u << 26)      /* BSIZE 0: 2048-byte buffers */
#define NIC_RDBAL       0x2800
#define NIC_RDBAH       0x2804
#define NIC_RDLEN       0x2808
#define NIC_RDH         0x2810
#define NIC_RDT         0x2818
#define NIC_RDTR        0x2820

#define NIC_BAR_PAGES   32              /* 128 KiB of registers */
#define RING_SIZE       64
#define BUF_SIZE        2048

struct rx_desc {
    uint64_t addr;
    uint16_t length;
    uint16_t csum;
    uint8_t status;                     /* bit 0: descriptor done */
    uint8_t errors;
    uint16_t special;
};
#define DESC_DD         0x01

/* Pages of our image whose mappings the registers replace. */
static char regs[NIC_BAR_PAGES * PAGE_SIZE]
    __attribute__((aligned(PAGE_SIZE)));
static struct rx_desc ring[RING_SIZE] __attribute__((aligned(PAGE_SIZE)));
/* Two buffers a page: none crosses a page, whose frames need not touch. */
static char bufs[RING_SIZE][BUF_SIZE] __attribute__((aligned(PAGE_SIZE)));

static struct {
    uint32_t pirq;
    evtchn_port_t port;
    unsigned int next;                  /* the next descriptor to look at */
    int running;
    volatile uint64_t frames, bytes, irqs, overruns;
    uint64_t start_ns;
    /* TSC cycles: the handler, ticks taken meanwhile included; the EOI. */
    uint64_t handler_sum, handler_max, eoi_sum, eoi_max;
} nic;

static uint32_t rd(unsigned int reg)
{
    return *(volatile uint32_t *)(regs + reg);
}

static void wr(unsigned int reg, uint32_t val)
{
    *(volatile uint32_t *)(regs + reg) = val;
}

static void nic_irq(evtchn_port_t port, uint64_t tsc)
{
    uint32_t icr = rd(NIC_ICR);
    unsigned int last = RING_SIZE;
    uint64_t eoi, end;

    (void)port;
    nic.irqs++;
    if ( icr & INT_RXO )
        nic.overruns++;

    while ( ACCESS_ONCE(ring[nic.next].status) & DESC_DD )
    {
        nic.frames++;
        nic.bytes += ring[nic.next].length;
        ring[nic.next].status = 0;
        last = nic.next;
        nic.next = (nic.next + 1) % RING_SIZE;
    }
    /* The NIC owns [RDH, RDT): give back what was just read. */
    if ( last != RING_SIZE )
    {
        wmb();
        wr(NIC_RDT, last);
    }

    eoi = rdtsc();
    events_eoi_pirq(nic.pirq);
    end = rdtsc();

    /* Outside the upcall (events_run_deferred()): ticks preempt it. */
    nic.handler_sum += end - tsc;
    nic.eoi_sum += end - eoi;
    if ( end - tsc > nic.handler_max )
        nic.handler_max = end - tsc;
    if ( end - eoi > nic.eoi_max )
        nic.eoi_max = end - eoi;
}

/* A span of TSC cycles in ns, at the scale Xen gives for our vCPU. */
static uint64_t ns_of(uint64_t cycles)
{
    struct pvclock c;

    time_read_clock(&c);

    return pvclock_scale(cycles, c.mul, c.shift);
}

int nic_start(uint64_t mmio, uint32_t pirq)
{
    unsigned int i;
    uint64_t ring_maddr;
    int rc;

    for ( i = 0; i < NIC_BAR_PAGES; i++ )
    {
        rc = mm_map(regs + i * PAGE_SIZE, mmio + i * PAGE_SIZE, MM_DEVICE);
        if ( rc )
        {
            printk("natsume-rtos: error: cannot map the NIC's registers at "
                   "0x%llx: error %d (%s); is it passed through (pci=)?\n",
                   (unsigned long long)(mmio + i * PAGE_SIZE), rc,
                   xen_errname(rc));
            return -1;
        }
    }

    wr(NIC_IMC, ~0u);
    wr(NIC_RCTL, 0);
    (void)rd(NIC_ICR);

    for ( i = 0; i < RING_SIZE; i++ )
    {
        ring[i].addr = mm_maddr(bufs[i]);
        ring[i].status = 0;
    }
    ring_maddr = mm_maddr(ring);
    wr(NIC_RDBAL, (uint32_t)ring_maddr);
    wr(NIC_RDBAH, (uint32_t)(ring_maddr >> 32));
    wr(NIC_RDLEN, sizeof(ring));
    wr(NIC_RDH, 0);
    wr(NIC_RDT, RING_SIZE - 1);
    wr(NIC_RDTR, 0);
    wr(NIC_ITR, 0);
    nic.next = 0;

    rc = events_bind_pirq(pirq, nic_irq, &nic.port);
    if ( rc )
    {
        printk("natsume-rtos: error: cannot bind the NIC's IRQ (pirq %u): "
               "error %d (%s)\n", pirq, rc, xen_errname(rc));
        return -1;
    }
    nic.pirq = pirq;
    nic.running = 1;
    nic.start_ns = time_now_ns();

    wr(NIC_CTRL, rd(NIC_CTRL) | CTRL_SLU);
    wr(NIC_RCTL, RCTL_EN | RCTL_UPE | RCTL_MPE | RCTL_BAM | RCTL_SECRC);
    wr(NIC_IMS, INT_RXT0 | INT_RXO | INT_RXDMT0);

    printk("natsume-rtos: NIC at 0x%llx, pirq %u, event channel %u, link %s\n",
           (unsigned long long)mmio, pirq, nic.port,
           rd(NIC_STATUS) & STATUS_LU ? "up" : "down");

    return 0;
}

void nic_stop(void)
{
    uint64_t ns, frames, irqs;
    int masked;

    if ( !nic.running )
        return;

    /* Count what came last, and EOI it. */
    events_run_deferred();
    masked = events_mask();
    wr(NIC_IMC, ~0u);
    wr(NIC_RCTL, 0);
    ns = time_now_ns() - nic.start_ns;
    frames = nic.frames;
    irqs = nic.irqs;
    events_restore(masked);
    events_unbind(nic.port);
    nic.running = 0;

    printk("natsume-rtos: NIC: %llu frames (%llu bytes) in %llu ms, "
           "%llu per second; %llu interrupts, %llu receive overruns\n",
           (unsigned long long)frames,
           (unsigned long long)nic.bytes,
           (unsigned long long)(ns / 1000000),
           (unsigned long long)(ns ? frames * 1000000000ULL / ns : 0),
           (unsigned long long)irqs,
           (unsigned long long)nic.overruns);
    if ( irqs )
        printk("natsume-rtos: NIC handler: mean %llu ns, max %llu ns; "
               "of it the EOI hypercall: mean %llu ns, max %llu ns\n",
               (unsigned long long)ns_of(nic.handler_sum / irqs),
               (unsigned long long)ns_of(nic.handler_max),
               (unsigned long long)ns_of(nic.eoi_sum / irqs),
               (unsigned long long)ns_of(nic.eoi_max));
}
