/* SPDX-License-Identifier: GPL-2.0-only */
/* Serial output of the probe's results and the end of the run. */
#ifndef FLOOR_CONSOLE_H
#define FLOOR_CONSOLE_H

#include <stdint.h>

void console_putc(char c);
void put_str(const char *s);
void put_u64(uint64_t v);
/* Leave the emulator (QEMU's isa-debug-exit). */
void machine_exit(void) __attribute__((noreturn));

#endif /* FLOOR_CONSOLE_H */
