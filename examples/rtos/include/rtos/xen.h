/* SPDX-License-Identifier: GPL-2.0-only */
/* The Xen public interface as this guest uses it. */
#ifndef RTOS_XEN_H
#define RTOS_XEN_H

/* Ask for the current interface, not the legacy default. */
#define __XEN_INTERFACE_VERSION__ __XEN_LATEST_INTERFACE_VERSION__

#ifndef __ASSEMBLY__
#include <stdint.h>
#endif

#include <public/xen.h>

#ifndef __ASSEMBLY__
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/io/console.h>
#include <public/physdev.h>
#include <public/sched.h>
#include <public/vcpu.h>
#include <public/version.h>
#endif

/* The per-vCPU VIRQ raised by Natsume's direct timer path. */
#ifndef VIRQ_NATSUME_TIMER
#define VIRQ_NATSUME_TIMER VIRQ_ARCH_1
#endif

/* Linked to run at 1 MiB above a virtual base of 0: va == pfn << 12. */
#define RTOS_VIRT_BASE  0
#define PAGE_SHIFT      12
#ifdef __ASSEMBLY__
#define PAGE_SIZE       4096
#else
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#endif

#endif /* RTOS_XEN_H */
