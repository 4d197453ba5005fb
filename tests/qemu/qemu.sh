# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
# The emulator every test, the benchmark and the demo run on: our build of
# QEMU 10.0.2 with qemu-patches/ (make qemu).  Sourced by tests/qemu/run-xen
# and bench/floor/run; sets qemu_cmd, the command up to the machine options.
#
# Under -icount one thread runs the vCPUs in turn.  rr-preempt lets an
# interrupt for a vCPU end the running vCPU's turn; rr-quantum bounds every
# turn (instructions).  docs/benchmarks.md has the floor each setting gives.
#   QEMU_PREEMPT   on|off (default on)
#   QEMU_QUANTUM   instructions, 0 for no bound (default 1000)

: "${BUILD:?BUILD must be set}"
QEMU_PREEMPT=${QEMU_PREEMPT:-on}
QEMU_QUANTUM=${QEMU_QUANTUM:-1000}
qemu_bin=$BUILD/qemu/build/qemu-system-x86_64
[ -x "$qemu_bin" ] || { echo "$qemu_bin missing (make qemu)" >&2; exit 2; }
# shellcheck disable=SC2034 # for the sourcing script
qemu_cmd=("$qemu_bin" -L "$BUILD/qemu-share"
          -accel "tcg,rr-preempt=$QEMU_PREEMPT,rr-quantum=$QEMU_QUANTUM")
