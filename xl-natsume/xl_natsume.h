/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * xl_natsume.h: xl's part of Natsume: the rtos_* keys of a domain config
 * and the natsume-status command.
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as published
 * by the Free Software Foundation; version 2.1 only. with the special
 * exception on linking described in file LICENSE.
 */
#ifndef XL_NATSUME_H
#define XL_NATSUME_H

#include <libxl.h>
#include <libxlutil.h>

/*
 * rtos_timer, rtos_cpu, rtos_timer_period_us; exits on a malformed value.
 * With rtos_timer="pit", on_soft_reset defaults to "restart".
 */
void parse_natsume_config(const XLU_Config *config,
                          libxl_domain_config *d_config);

int main_natsume_status(int argc, char **argv);

#endif /* XL_NATSUME_H */
