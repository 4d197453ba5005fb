#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Xen with nothing reserved (booted without natsume=pit, or with it where
# Xen had to drop the reservation): xl natsume-status shows nothing
# reserved; xl create with rtos_timer="pit" says why and changes nothing.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

echo "=== status"
xl natsume-status
echo "rc: $?"
rtos_cfg rtos "mode=natsume" 'rtos_timer="pit"' rtos_cpu=1
echo "=== bad stock"
xl create /tmp/rtos.cfg 2>&1
echo "rc: $?"
echo "=== list"
xl list
echo "=== pools"
xl cpupool-list
echo "=== end"
