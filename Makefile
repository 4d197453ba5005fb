# Natsume for Xen: build, test and demo.
#
#   make deps     install the Debian packages this needs (root)
#   make xen-src  fetch the pinned Xen source and verify it
#   make build    patch and build Xen and its toolstack, the demo RTOS
#                 guest and the dom0 initramfs for the QEMU harness
#   make test     unit tests and system tests (Xen booted under QEMU)
#   make soak     the reliability tests with 100 teardown cycles (long)
#   make demo     boot Xen under QEMU and run the RTOS guest on it
#   make clean    remove build/

TOP := $(CURDIR)
BUILD ?= $(TOP)/build
XEN_TREE := $(BUILD)/xen
XEN_PUBLIC := $(XEN_TREE)/xen/include/public
export TOP BUILD

CC := gcc
HOST_CFLAGS := -O2 -g -Wall -Wextra -Werror -std=gnu11

# Programs that end up in the dom0 initramfs, under /opt/natsume.
INITRD_FILES :=
# Host unit test binaries (cmocka, run with TAP output).
UNIT_TESTS :=

.PHONY: all deps xen-src xen linux build initrd man test unit soak demo clean

all: build

deps:
	scripts/deps.sh

# The pinned Xen: pristine source, then our series on top, then the build.
xen-src:
	scripts/xen-src.sh

xen: xen-src
	scripts/xen-patch.sh
	scripts/xen-build.sh

# Debian's kernel and busybox, for dom0 and the Linux guests.
linux:
	scripts/linux.sh

# Test programs for dom0, built against the staged headers and libraries.
DIST := $(BUILD)/dist
PROGS_CFLAGS := $(HOST_CFLAGS) -I$(DIST)/usr/include
PROGS_LDFLAGS := -L$(DIST)/usr/lib -Wl,-rpath-link,$(DIST)/usr/lib
NATSUME_CTL := $(BUILD)/progs/natsume-ctl
INITRD_FILES += $(NATSUME_CTL)

$(NATSUME_CTL): tests/progs/natsume-ctl.c | xen
	mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -o $@ $< $(PROGS_LDFLAGS) -lxenctrl

# The demo RTOS guest: a PV kernel built against the pinned Xen's headers.
include examples/rtos/rtos.mk
$(RTOS_OBJS): | xen-src
INITRD_FILES += $(RTOS_KERNEL) $(TOP)/examples/rtos.cfg

# The libxl and xl side (built inside Xen's tools through the glue
# patches), the host unit tests of its pure logic, and its man pages.
include libxl-ext/natsume.mk

MAN_OUT := $(BUILD)/man
MAN_PAGES := $(MAN_OUT)/man1/xl-natsume.1 $(MAN_OUT)/man5/xl.cfg-natsume.5

$(MAN_OUT)/man1/%.1: xl-natsume/%.1.pod
	@mkdir -p $(@D)
	pod2man --section=1 --center="Xen" --release="Natsume" --name="$(basename $(notdir $@))" $< $@

$(MAN_OUT)/man5/%.5: xl-natsume/%.5.pod
	@mkdir -p $(@D)
	pod2man --section=5 --center="Xen" --release="Natsume" --name="$(basename $(notdir $@))" $< $@

man: $(MAN_PAGES)

initrd: xen linux $(INITRD_FILES)
	mkdir -p $(BUILD)/qemu
	INITRD_FILES="$(INITRD_FILES)" tests/qemu/mkinitrd $(BUILD)/qemu/dom0.cpio.gz

build: xen linux initrd man

unit: $(UNIT_TESTS)

test: build unit
	UNIT_TESTS="$(UNIT_TESTS)" tests/run

# make test runs tests/system/reliability.bats with 10 teardown cycles.
SOAK_CYCLES ?= 100
soak: build
	REL_CYCLES=$(SOAK_CYCLES) bats tests/system/reliability.bats

demo: build
	tests/qemu/run-xen -v -i 3 -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin" -t 1500 \
	    -l $(BUILD)/logs/demo.log examples/demo.sh

clean:
	rm -rf $(BUILD)
