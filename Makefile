# SPDX-License-Identifier: GPL-2.0-only
# Natsume for Xen: build, test and demo.
#
#   make deps     install the Debian packages this needs (root)
#   make xen-src  fetch the pinned Xen source and verify it
#   make patches  write the libxl and xl patches of xen-patches/ anew from
#                 libxl-ext/ and xl-natsume/
#   make qemu     fetch, patch and build the emulator everything runs on
#   make build    patch and build Xen and its toolstack, the demo RTOS
#                 guest, the dom0 initramfs for the QEMU harness and QEMU
#   make test     unit tests and system tests (Xen booted under QEMU)
#   make demo     boot Xen under QEMU, load it, and compare the RTOS guest's
#                 tick on stock Xen's timer and on the PIT
#   make bench    the benchmark: stock, tuned stock, natsume (the PIT) and
#                 natsume with an HPET comparator, idle, under a NIC flood
#                 at the RTOS and under CPU-0 load, into
#                 build/bench-results (BENCH_ARGS: see bench/run; -P
#                 publishes into bench/results)
#   make floor    the emulator's own floor: how long an interrupt for CPU 1
#                 waits while CPU 0 is busy, per round-robin setting
#   make soak     the reliability tests with 100 teardown cycles and a long
#                 10 kHz tick under load
#   make debs     Debian 12 packages: Debian's own xen source package with
#                 our series, and natsume-demo (into build/debs); make test
#                 boots and installs them
#   make fuzz     run the libFuzzer targets (FUZZ_SECONDS each, default 20)
#   make soak-fuzz  long hypercall fuzz (FUZZ_CALLS) and libFuzzer runs
#   make clean    remove build/

TOP := $(CURDIR)
BUILD ?= $(TOP)/build
XEN_TREE := $(BUILD)/xen
XEN_PUBLIC := $(XEN_TREE)/xen/include/public
export TOP BUILD

CC := gcc
# The one set of compiler flags for our C: every fragment extends it (the
# guests and probes with freestanding flags, the fuzzers with sanitizers).
HOST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror

# Programs that end up in the dom0 initramfs, under /opt/natsume.
INITRD_FILES :=
# Static programs for the small Linux guest's /bin.
GUEST_FILES :=
# Host unit test binaries (cmocka, run with TAP output).
UNIT_TESTS :=

.PHONY: all deps xen-src patches xen qemu linux build initrd man test unit soak demo \
        bench floor clean soak-fuzz debs

all: build

deps:
	scripts/deps.sh

# The pinned Xen: pristine source, then our series on top, then the build.
# The series carries libxl-ext/ and xl-natsume/ into Xen's tree, so that it
# builds with Xen's own make: its libxl and xl patches are written anew
# from those folders first (commit them with the change).
xen-src:
	scripts/src.sh xen

patches: xen-src
	scripts/gen-patches.sh

xen: patches
	scripts/patch.sh xen
	scripts/xen-build.sh

# The emulator: Debian's QEMU 10.0.2 source with qemu-patches/ on top, so
# that interrupt latency under -icount is Xen's, not the round robin's.
qemu:
	scripts/src.sh qemu
	scripts/patch.sh qemu
	scripts/qemu-build.sh

# Debian's kernel and busybox, for dom0 and the Linux guests.
linux:
	scripts/linux.sh

# Test programs for dom0, built against the staged headers and libraries.
DIST := $(BUILD)/dist
# The public headers come from the series: a changed patch rebuilds these.
XEN_PATCHES := $(wildcard xen-patches/*.patch)
PROGS_CFLAGS := $(HOST_CFLAGS) -I$(DIST)/usr/include
PROGS_LDFLAGS := -L$(DIST)/usr/lib -Wl,-rpath-link,$(DIST)/usr/lib
NATSUME_CTL := $(BUILD)/progs/natsume-ctl
INITRD_FILES += $(NATSUME_CTL)

$(NATSUME_CTL): tests/progs/natsume-ctl.c $(XEN_PATCHES) | xen
	mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -o $@ $< $(PROGS_LDFLAGS) -lxenctrl -lxencall

# Random and boundary arguments for the natsume domctl and sysctl.
NATSUME_FUZZ := $(BUILD)/progs/natsume-fuzz
INITRD_FILES += $(NATSUME_FUZZ)

$(NATSUME_FUZZ): tests/progs/natsume-fuzz.c $(XEN_PATCHES) | xen
	mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -o $@ $< $(PROGS_LDFLAGS) -lxenctrl -lxencall

# The demo RTOS guest: a PV kernel built against the pinned Xen's headers.
include examples/rtos/rtos.mk
$(RTOS_OBJS): | xen-src
INITRD_FILES += $(RTOS_KERNEL) $(TOP)/examples/rtos.cfg

# The libxl and xl side (built inside Xen's tools through the glue
# patches), the host unit tests of its pure logic, and its man pages.
include libxl-ext/natsume.mk

# libFuzzer targets of the parsers and checks (make fuzz).
include tests/fuzz/fuzz.mk

# The benchmark: load programs and the analysis of its results.
include bench/bench.mk

MAN_OUT := $(BUILD)/man
MAN_PAGES := $(MAN_OUT)/man1/xl-natsume.1 $(MAN_OUT)/man5/xl.cfg-natsume.5

# xl-natsume/NAME.S.pod into manS/NAME.S, section S (from the name).
define pod2man
	@mkdir -p $(@D)
	pod2man --section=$(subst .,,$(suffix $@)) --center="Xen" \
	    --release="Natsume" --name="$(basename $(notdir $@))" $< $@
endef
$(MAN_OUT)/man1/%.1: xl-natsume/%.1.pod ; $(pod2man)
$(MAN_OUT)/man5/%.5: xl-natsume/%.5.pod ; $(pod2man)

man: $(MAN_PAGES)

initrd: xen linux $(INITRD_FILES) $(GUEST_FILES)
	mkdir -p $(BUILD)/initrd
	INITRD_FILES="$(INITRD_FILES)" GUEST_FILES="$(GUEST_FILES)" \
	    tests/qemu/mkinitrd $(BUILD)/initrd/dom0.cpio.gz

build: xen qemu linux initrd man

unit: $(UNIT_TESTS)

test: build unit fuzz-build $(BENCH_ANALYZE) $(FLOOR_KERNEL) debs
	UNIT_TESTS="$(UNIT_TESTS)" tests/run

# make test runs tests/system/reliability.bats with 10 teardown cycles.
SOAK_CYCLES ?= 100
soak: build $(BENCH_ANALYZE)
	REL_CYCLES=$(SOAK_CYCLES) SUSTAINED_TICKS=100000 \
	    tests/run tests/system/reliability.bats tests/system/sustained.bats

# Debian packages: Debian's xen source package with our series (again only
# when the series changed), and natsume-demo.
debs: xen-src patches $(RTOS_KERNEL) $(BENCH_ANALYZE)
	scripts/debs.sh

# Longer runs of both fuzzers, for a soak: FUZZ_CALLS hypercalls per run
# in the hypercall fuzz scenario, SOAK_FUZZ_SECONDS per libFuzzer target.
FUZZ_CALLS ?= 50000
SOAK_FUZZ_SECONDS ?= 600
soak-fuzz: build fuzz-build
	FUZZ_CALLS=$(FUZZ_CALLS) bats tests/system/hypercall-fuzz.bats
	tests/fuzz/run $(SOAK_FUZZ_SECONDS) $(FUZZ_TARGETS)

# The benchmark's instrument (-icount, rr-quantum=100), stock and natsume
# under the NIC flood and under CPU-0 load in one boot.
demo: build $(BENCH_ANALYZE)
	bench/run -D -k "stock natsume" -s "flood load" -n 2001 \
	    -o $(BUILD)/demo

bench: build $(BENCH_ANALYZE)
	bench/run $(BENCH_ARGS)

floor: qemu $(FLOOR_KERNEL)
	bench/floor/run $(FLOOR_ARGS)

clean:
	rm -rf $(BUILD)
