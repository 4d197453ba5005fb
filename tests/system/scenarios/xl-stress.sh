# Start xl many times, with guests coming and going, and look for any
# process that died of a fault in dom0.
. /opt/natsume/lib.sh


runs=${XL_STRESS_RUNS:-100}
i=0 bad=0
while [ $i -lt $runs ]; do
    xl list >/dev/null || bad=$((bad + 1))
    xl info >/dev/null || bad=$((bad + 1))
    if [ $((i % 10)) = 0 ]; then
        xl create -q /opt/natsume/guest.cfg || bad=$((bad + 1))
        xl destroy guest || bad=$((bad + 1))
    fi
    i=$((i + 1))
done
echo "=== faults"
dmesg | grep -E 'traps:|general protection|segfault' 
echo "=== result"
echo "xl runs: $((runs * 2 + runs / 10 * 2)), failed: $bad"
[ $bad = 0 ] || fail "$bad xl calls failed"
! dmesg | grep -qE 'traps:|general protection|segfault' || fail "a process faulted"
