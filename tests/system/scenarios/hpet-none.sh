#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# natsume=pit,hpet on an HPET without a comparator to spare (QEMU's default:
# three comparators, none with FSB delivery): the PIT is reserved, the HPET
# is not, and rtos_timer="hpet" is refused with a message that says so.
# shellcheck source=../../qemu/lib.sh
. /opt/natsume/lib.sh

echo "=== status at boot"
xl natsume-status
echo "rc: $?"
rtos_cfg more "mode=natsume ticks=1000 period_us=1000" 'rtos_timer="hpet"' rtos_cpu=1
bad "no hpet" /tmp/more.cfg
echo "=== end"
