/* SPDX-License-Identifier: GPL-2.0-only */
/* Event channels: shared_info, the upcall, binding and polling. */
#ifndef RTOS_EVENTS_H
#define RTOS_EVENTS_H

#include <stdint.h>

#include "rtos/xen.h"

/*
 * Handlers run in the upcall, events masked, with the upcall's TSC; but a
 * physical IRQ's (a device's) runs later, from events_run_deferred(), with
 * events on: a tick coming meanwhile is taken at once, not after the
 * device's work and its EOI.
 */
typedef void (*evtchn_handler_t)(evtchn_port_t port, uint64_t tsc);

extern shared_info_t *shared_info;

/* Map shared_info, mask every port, register the callbacks. */
int events_init(unsigned long shared_info_maddr);

/* Bind a VIRQ on vCPU 0 and unmask it; 0 or a negative Xen error. */
int events_bind_virq(uint32_t virq, evtchn_handler_t fn,
                     evtchn_port_t *port);

/*
 * Bind a physical IRQ Xen mapped for us (xl's pci=) and unmask it; 0 or a
 * negative Xen error.  A level-triggered line stays masked in Xen until
 * events_eoi_pirq().
 */
int events_bind_pirq(uint32_t pirq, evtchn_handler_t fn,
                     evtchn_port_t *port);
void events_eoi_pirq(uint32_t pirq);

/* Whether a device's event waits for events_run_deferred(). */
int events_deferred(void);
/* Run the handlers of the devices' events that came; call unmasked. */
void events_run_deferred(void);

/* Close a port bound with events_bind_virq() or events_bind_pirq(). */
void events_unbind(evtchn_port_t port);

void events_notify(evtchn_port_t port);
void events_clear(evtchn_port_t port);
/* Clear port's pending bit; returns whether it was set. */
int events_take(evtchn_port_t port);
int events_pending(evtchn_port_t port);
/* Keep port's events from the upcall (Xen still sets them pending). */
void events_mask_port(evtchn_port_t port);

/*
 * Block until port is pending or the system time reaches deadline_ns.
 * Events must be masked (events_mask()) so nothing else wakes us.
 */
void events_poll(evtchn_port_t port, uint64_t deadline_ns);

/* Mask event delivery to this vCPU; returns the previous mask. */
int events_mask(void);
/* Restore a mask returned by events_mask(). */
void events_restore(int masked);

/*
 * Sleep until an event arrives.  Call it masked, after checking what to
 * wait for: Xen unmasks and sleeps atomically, so no wake-up is lost, and
 * the upcall runs before this returns (unmasked).
 */
void events_block(void);

/* Called from the upcall entry with events masked. */
void do_event_upcall(void);

#endif /* RTOS_EVENTS_H */
