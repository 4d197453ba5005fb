#!/bin/sh
# Xen booted without natsume=pit: xl create with rtos_timer="pit" says so
# and changes nothing; xl natsume-status shows nothing reserved.
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
