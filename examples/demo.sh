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
wait_log rtos "NATSUME-RESULT\|error" 900 || fail "no result from the RTOS guest"
wait_gone rtos 60 || fail "the RTOS guest did not power off"
echo "--- its console"
guest_log rtos
echo "=== done"
