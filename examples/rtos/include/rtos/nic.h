/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A passed-through e1000 NIC that only receives and counts: the paper's
 * load, interrupts that reach the RTOS's own CPU through Xen.
 */
#ifndef RTOS_NIC_H
#define RTOS_NIC_H

#include <stdint.h>

/*
 * Map the NIC's registers (BAR 0 at machine address mmio), give it a
 * receive ring, bind its IRQ (pirq) and start receiving; 0 or -1 with the
 * reason printed.  Bus mastering is the PCI backend's to enable: this
 * guest has no PCI frontend of its own.
 */
int nic_start(uint64_t mmio, uint32_t pirq);

/* Stop the NIC and print what arrived since nic_start(). */
void nic_stop(void);

#endif /* RTOS_NIC_H */
