# SPDX-License-Identifier: GPL-2.0-only
# Demo RTOS guest: a freestanding 64-bit PV kernel, and the host unit tests
# of its pure-C parts.  Included by the top-level Makefile, which sets
# BUILD (absolute build folder) and XEN_PUBLIC (<xen>/xen/include/public).

RTOS_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
RTOS_TOP := $(abspath $(RTOS_DIR)/../..)
RTOS_OUT := $(BUILD)/rtos

RTOS_KERNEL := $(RTOS_OUT)/rtos-kernel

# Pure C: built into the guest and into the host unit tests.
RTOS_PURE := format.c opts.c pvclock.c report.c stats.c
RTOS_SRCS := $(RTOS_PURE) console.c events.c fail.c lib.c main.c nic.c probe.c \
             ticks.c time.c arch/x86_64/mm.c arch/x86_64/traps.c
RTOS_ASMS := arch/x86_64/head.S arch/x86_64/entry.S arch/x86_64/io.S
RTOS_OBJS := $(addprefix $(RTOS_OUT)/,$(RTOS_SRCS:.c=.o) $(RTOS_ASMS:.S=.o))

RTOS_CC ?= $(CC)
RTOS_CPPFLAGS := -I$(RTOS_DIR)/include -I$(RTOS_DIR)/arch/x86_64/include \
                 -I$(XEN_PUBLIC)/..
# No FPU/SSE state: the event upcall saves general registers only.
RTOS_CFLAGS := $(HOST_CFLAGS) -ffreestanding -nostdlib \
               -fno-builtin -fno-pic -fno-pie -fno-stack-protector \
               -fno-asynchronous-unwind-tables -fcf-protection=none \
               -mno-red-zone -mcmodel=small -mgeneral-regs-only \
               -MMD -MP
RTOS_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
                -Wl,-z,noexecstack -Wl,-T,$(RTOS_DIR)/link.lds

$(RTOS_KERNEL): $(RTOS_OBJS) $(RTOS_DIR)/link.lds
	$(RTOS_CC) $(RTOS_CFLAGS) $(RTOS_LDFLAGS) -o $@ $(RTOS_OBJS)

$(RTOS_OUT)/%.o: $(RTOS_DIR)/%.c
	@mkdir -p $(dir $@)
	$(RTOS_CC) $(RTOS_CPPFLAGS) $(RTOS_CFLAGS) -c -o $@ $<

$(RTOS_OUT)/%.o: $(RTOS_DIR)/%.S
	@mkdir -p $(dir $@)
	$(RTOS_CC) $(RTOS_CPPFLAGS) $(RTOS_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

# Host unit tests (cmocka).
RTOS_UNIT_OUT := $(BUILD)/unit
RTOS_UNIT_CFLAGS := $(HOST_CFLAGS) -I$(RTOS_DIR)/include -MMD -MP
RTOS_UNIT_NAMES := stats opts format
RTOS_UNIT_BINS := $(addprefix $(RTOS_UNIT_OUT)/test_rtos_,$(RTOS_UNIT_NAMES))

$(RTOS_UNIT_OUT)/rtos/%.o: $(RTOS_DIR)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(RTOS_UNIT_CFLAGS) -c -o $@ $<

$(RTOS_UNIT_OUT)/test_rtos_%.o: $(RTOS_TOP)/tests/unit/test_rtos_%.c
	@mkdir -p $(dir $@)
	$(CC) $(RTOS_UNIT_CFLAGS) -c -o $@ $<

$(RTOS_UNIT_OUT)/test_rtos_stats: $(RTOS_UNIT_OUT)/rtos/stats.o \
                                  $(RTOS_UNIT_OUT)/rtos/report.o
$(RTOS_UNIT_OUT)/test_rtos_opts: $(RTOS_UNIT_OUT)/rtos/opts.o
$(RTOS_UNIT_OUT)/test_rtos_format: $(RTOS_UNIT_OUT)/rtos/pvclock.o

$(RTOS_UNIT_BINS): $(RTOS_UNIT_OUT)/test_rtos_%: \
                   $(RTOS_UNIT_OUT)/test_rtos_%.o $(RTOS_UNIT_OUT)/rtos/format.o
	$(CC) -o $@ $^ -lcmocka

UNIT_TESTS += $(RTOS_UNIT_BINS)

.PHONY: rtos rtos-unit
rtos: $(RTOS_KERNEL)
rtos-unit: $(RTOS_UNIT_BINS)

-include $(RTOS_OBJS:.o=.d) $(RTOS_UNIT_BINS:=.d) \
         $(patsubst %.c,$(RTOS_UNIT_OUT)/rtos/%.d,$(RTOS_PURE))
