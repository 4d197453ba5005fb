# SPDX-License-Identifier: GPL-2.0-only
# The emulator's floor probe: a bare 32-bit multiboot kernel that QEMU
# boots directly (no Xen), measuring how long an interrupt for CPU 1 waits
# while CPU 0 is busy.  Included by bench/bench.mk.

FLOOR_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
FLOOR_OUT := $(BUILD)/floor
FLOOR_KERNEL := $(FLOOR_OUT)/floor-probe

FLOOR_SRCS := format.c main.c opts.c probe.c sort.c \
              arch/x86/console.c arch/x86/idt.c arch/x86/lapic.c
FLOOR_ASMS := arch/x86/boot.S arch/x86/entry.S
FLOOR_OBJS := $(addprefix $(FLOOR_OUT)/,$(FLOOR_SRCS:.c=.o) $(FLOOR_ASMS:.S=.o))

FLOOR_CPPFLAGS := -I$(FLOOR_DIR)/include -I$(FLOOR_DIR)/arch/x86/include
FLOOR_CFLAGS := $(HOST_CFLAGS) -m32 -march=i686 \
                -ffreestanding -fno-builtin -fno-pic -fno-pie \
                -fno-stack-protector -fno-asynchronous-unwind-tables \
                -fcf-protection=none -mgeneral-regs-only -MMD -MP

$(FLOOR_KERNEL): $(FLOOR_OBJS) $(FLOOR_DIR)/link.lds
	ld -m elf_i386 -nostdlib -static --build-id=none --no-warn-rwx-segments \
	    -T $(FLOOR_DIR)/link.lds -o $@ $(FLOOR_OBJS)

$(FLOOR_OUT)/%.o: $(FLOOR_DIR)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(FLOOR_CPPFLAGS) $(FLOOR_CFLAGS) -c -o $@ $<

$(FLOOR_OUT)/%.o: $(FLOOR_DIR)/%.S
	@mkdir -p $(dir $@)
	$(CC) $(FLOOR_CPPFLAGS) $(FLOOR_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

-include $(FLOOR_OBJS:.o=.d)
