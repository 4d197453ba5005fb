# SPDX-License-Identifier: LGPL-2.1-only
# The libxl side of Natsume: host unit tests of its pure logic (cmocka).
# Included by the top-level Makefile (BUILD set); the libxl build compiles
# the same files through the glue patches in xen-patches/.

NATSUME_LIBXL_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
NATSUME_LIBXL_TOP := $(abspath $(NATSUME_LIBXL_DIR)/..)
NATSUME_UNIT_OUT := $(BUILD)/unit
NATSUME_UNIT_CFLAGS := $(HOST_CFLAGS) \
                       -Wmissing-declarations -Wformat-nonliteral \
                       -I$(NATSUME_LIBXL_DIR) -MMD -MP
NATSUME_UNIT_BIN := $(NATSUME_UNIT_OUT)/test_natsume_logic

$(NATSUME_UNIT_OUT)/libxl-ext/%.o: $(NATSUME_LIBXL_DIR)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(NATSUME_UNIT_CFLAGS) -c -o $@ $<

$(NATSUME_UNIT_OUT)/test_natsume_%.o: $(NATSUME_LIBXL_TOP)/tests/unit/test_natsume_%.c
	@mkdir -p $(dir $@)
	$(CC) $(NATSUME_UNIT_CFLAGS) -c -o $@ $<

$(NATSUME_UNIT_BIN): $(NATSUME_UNIT_OUT)/test_natsume_logic.o \
                     $(NATSUME_UNIT_OUT)/libxl-ext/natsume_logic.o
	$(CC) -o $@ $^ -lcmocka

UNIT_TESTS += $(NATSUME_UNIT_BIN)

-include $(NATSUME_UNIT_BIN).d $(NATSUME_UNIT_OUT)/libxl-ext/natsume_logic.d
