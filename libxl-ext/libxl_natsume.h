/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libxl_natsume.h: libxl internal interface of Natsume (a hardware timer
 * and a physical CPU given to each real-time domain).  Used by
 * libxl_create.c and libxl_domain.c; the public part is in libxl.h.
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation;
 * version 2.1 of the License.
 */
#ifndef LIBXL_NATSUME_H
#define LIBXL_NATSUME_H

/*
 * Check rtos_timer, rtos_cpu and rtos_timer_period_us of a domain config
 * against the host.  Changes nothing.  0, or ERROR_INVAL with the reason
 * logged.
 */
_hidden int libxl__natsume_check(libxl__gc *gc,
                                 const libxl_domain_config *d_config);

/*
 * Before the domain is made: take rtos_cpu out of Pool-0 into a
 * null-scheduler cpupool of its own, marked as made here, and have the
 * domain made in it (c_info.poolid), so that its memory is placed for
 * that CPU.  On failure, undoes what it did.
 */
_hidden int libxl__natsume_pool(libxl__gc *gc, libxl_domain_config *d_config);

/*
 * The domain could not be made: destroy the cpupool that
 * libxl__natsume_pool made for it and give the CPU back to Pool-0.
 */
_hidden void libxl__natsume_pool_abandon(libxl__gc *gc,
                                         const libxl_domain_config *d_config);

/*
 * Bind a free source of the kind rtos_timer asks for (the PIT, the
 * lowest-numbered free HPET comparator) to domid, in its cpupool, and
 * publish the binding in xenstore.  The domain must be paused.  On failure, unbinds; the caller
 * destroys the domain, and libxl__natsume_teardown the cpupool.
 */
_hidden int libxl__natsume_setup(libxl__gc *gc, uint32_t domid,
                                 const libxl_domain_config *d_config);

/*
 * For a domain about to be destroyed: unbind the source Xen says it holds
 * and, when the domain is in a cpupool that libxl__natsume_pool made
 * (marked in that cpupool's xenstore tree), move it to Pool-0, destroy the
 * cpupool and give the CPU back to Pool-0.  Nothing to do for other
 * domains and other cpupools.
 */
_hidden void libxl__natsume_teardown(libxl__gc *gc, uint32_t domid);

/*
 * Before saving or migrating domid: a hardware timer bound to it cannot go
 * with it.  0, or ERROR_FAIL with the reason logged.
 */
_hidden int libxl__natsume_check_save(libxl__gc *gc, uint32_t domid);

/*
 * After a cpupool operation on domid or cpu (-1: not this one) failed with
 * errno: when a bound timer is why (Xen keeps a bound domain and its CPU
 * in their cpupool), say so.
 */
_hidden void libxl__natsume_explain_busy(libxl__gc *gc, int domid, int cpu);

#endif /* LIBXL_NATSUME_H */
