# SPDX-License-Identifier: GPL-2.0-only
# libFuzzer targets (clang) for the pure parsing and checking code:
# natsume_logic.c (keys, period arithmetic), xl's reading of the rtos_*
# keys through libxlutil, the demo RTOS guest's command line and its
# lateness of a hardware tick.
# Included by the top-level Makefile (BUILD, DIST set).
#
#   make fuzz [FUZZ_SECONDS=20]   build, then run each target that long
#   make fuzz-build               build only

FUZZ_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
FUZZ_TOP := $(abspath $(FUZZ_DIR)/../..)
FUZZ_OUT := $(BUILD)/fuzz
FUZZ_CC := clang
FUZZ_CFLAGS := $(HOST_CFLAGS) -O1 \
               -fsanitize=fuzzer,address,undefined \
               -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_SECONDS ?= 20
FUZZ_TARGETS := fuzz_natsume_logic fuzz_xl_keys fuzz_rtos_opts fuzz_rtos_stats
FUZZ_BINS := $(addprefix $(FUZZ_OUT)/,$(FUZZ_TARGETS))

$(FUZZ_OUT)/fuzz_natsume_logic: $(FUZZ_DIR)/fuzz_natsume_logic.c \
                                $(FUZZ_TOP)/libxl-ext/natsume_logic.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(FUZZ_TOP)/libxl-ext -o $@ $^

# libxlutil and its dependencies come from the staged toolstack.
$(FUZZ_OUT)/fuzz_xl_keys: $(FUZZ_DIR)/fuzz_xl_keys.c \
                          $(FUZZ_TOP)/libxl-ext/natsume_logic.c | xen
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(FUZZ_TOP)/libxl-ext -I$(DIST)/usr/include \
	    -o $@ $(filter %.c,$^) -L$(DIST)/usr/lib -Wl,--disable-new-dtags,-rpath,$(DIST)/usr/lib \
	    -Wl,-rpath-link,$(DIST)/usr/lib -lxlutil

$(FUZZ_OUT)/fuzz_rtos_opts: $(FUZZ_DIR)/fuzz_rtos_opts.c \
                            $(FUZZ_TOP)/examples/rtos/opts.c \
                            $(FUZZ_TOP)/examples/rtos/format.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(FUZZ_TOP)/examples/rtos/include -o $@ $^

$(FUZZ_OUT)/fuzz_rtos_stats: $(FUZZ_DIR)/fuzz_rtos_stats.c \
                             $(FUZZ_TOP)/examples/rtos/stats.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(FUZZ_TOP)/examples/rtos/include -o $@ $^

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	$(FUZZ_DIR)/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)
