# SPDX-License-Identifier: GPL-2.0-only
# The benchmark (make bench): load programs made here, built static so that
# they run in dom0 and in the small Linux guest alike, and the host tool
# that turns the guest's per-tick data into the tables and pictures.
# Included by the top-level Makefile.

BENCH_OUT := $(BUILD)/bench
LOAD_NAMES := cpu mem disk net
LOAD_PROGS := $(addprefix $(BENCH_OUT)/load-,$(LOAD_NAMES))

$(LOAD_PROGS): $(BENCH_OUT)/load-%: bench/load/%.c bench/load/load.c bench/load/load.h
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -static -o $@ bench/load/$*.c bench/load/load.c

# dom0 runs all of them; the second Linux guest the CPU and memory hogs.
INITRD_FILES += $(LOAD_PROGS)
GUEST_FILES += $(BENCH_OUT)/load-cpu $(BENCH_OUT)/load-mem

BENCH_ANALYZE := $(BENCH_OUT)/bench-analyze

# Lateness of a hardware tick comes from the guest's own statistics code.
$(BENCH_ANALYZE): bench/analyze.c examples/rtos/stats.c examples/rtos/include/rtos/stats.h
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Iexamples/rtos/include -o $@ bench/analyze.c \
	    examples/rtos/stats.c -lm

# The emulator's floor probe.
include bench/floor/floor.mk
