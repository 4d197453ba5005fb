# make demo: runs in dom0 under the QEMU harness (dom0 on CPU 0).
. /opt/natsume/lib.sh

echo "=== Xen"
xl info | grep -E '^(xen_version|xen_caps|nr_cpus|xen_commandline)'
xl list

echo "=== the demo RTOS guest on Xen's stock timer (mode=xen), on CPU 1"
sed -e 's/^vcpus = .*/&\ncpus = "1"/' /opt/natsume/rtos.cfg >/tmp/rtos.cfg
grep -v '^#' /tmp/rtos.cfg
xl create /tmp/rtos.cfg || fail "xl create"
xl list
wait_quietly rtos "NATSUME-RESULT\|error" 900 || fail "no result from the RTOS guest"
wait_gone rtos 60 || fail "the RTOS guest did not power off"
echo "--- its console"
guest_log rtos

echo "=== the demo RTOS guest on the PIT (mode=natsume, rtos_timer=\"pit\"), on CPU 1"
sed -e '/^cpus = /d' -e 's/mode=xen/mode=natsume/' -e 's/^name = .*/name = "rtos-pit"/' \
    -e 's/^#\(rtos_timer\) = .*/\1 = "pit"/' -e 's/^#\(rtos_cpu = .*\)/\1/' \
    -e 's/^#\(rtos_timer_period_us = .*\)/\1/' /tmp/rtos.cfg >/tmp/rtos-pit.cfg
grep -v '^#' /tmp/rtos-pit.cfg
xl create /tmp/rtos-pit.cfg || fail "xl create with rtos_timer=\"pit\""
xl list
xl cpupool-list
echo "--- xl natsume-status"
xl natsume-status
wait_quietly rtos-pit "NATSUME-RESULT\|error" 900 || fail "no result from the RTOS guest"
wait_gone rtos-pit 60 || fail "the RTOS guest did not power off"
pool0_settled || true
echo "--- its console"
guest_log rtos-pit
echo "--- after it: nothing bound, CPU 1 back in Pool-0"
xl natsume-status
xl cpupool-list
echo "=== done"
