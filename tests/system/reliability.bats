#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Reliability of the direct timer path: contention for the PIT, teardown
# cycles, guests that crash or get stuck, an unprivileged guest probing
# what it must not have.  Two boots with natsume=pit.  REL_CYCLES sets the
# number of teardown cycles (10; make soak runs 100).

load helpers

CYCLES=${REL_CYCLES:-10}

setup_file()
{
    local f=$BUILD/rel-cycles
    echo "${REL_CYCLES:-10}" >"$f"
    boot rel-timer -t $((900 + ${REL_CYCLES:-10} * 30)) -c 2 -f "$f" \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
    boot rel-guest -t 900 -c 2 \
        -x "natsume=pit dom0_max_vcpus=1 dom0_vcpus_pin"
}

T=rel-timer
G=rel-guest

# Pool-0 has both CPUs again and no other cpupool is left.
pools_whole()
{
    run section "$1" "$2"
    [[ "$output" == *"(no timer bound)"* ]]
    [[ "$output" =~ Pool-0\ +2\ +credit2\ +y\ +1 ]]
    ! grep -q natsume-cpu <<<"$output" || false
}

@test "rel-timer: the scenario ran to the end" {
    [ "$(scenario_rc $T)" = 0 ]
    serial_log $T | grep -q '^=== end$'
}

@test "contention: the second claim fails naming the holder" {
    local id
    id=$(section $T "holder id")
    [ -n "$id" ]
    section $T "second create" |
        grep -qF "rtos_timer=\"pit\": the PIT is already bound to domain \"holder\" (id $id)"
    nonzero "$(field $T 'second create' rc)"
}

@test "contention: the failed claim leaves no domain, cpupool or binding" {
    [ "$(section $T 'second left nothing')" = "unchanged: yes" ]
}

# d KEY: how much Xen's counter KEY grew across the failed claim.
d()
{
    echo $(( $(field $T 'counters after' "$1") - $(field $T 'counters before' "$1") ))
}

# Under TCG a host stall of the emulated CPU can bring two IRQ0s back to
# back, the second finding the first still pending: such ticks are counted
# (pending), never lost, and happen with or without the failed claim.
@test "contention: the holder ticks on across it, every tick accounted for" {
    [ "$(field $T 'counters before' bound)" = yes ]
    [ "$(field $T 'counters after' bound)" = yes ]
    [ "$(field $T 'counters after' domid)" = "$(section $T 'holder id')" ]
    [ "$(d ticks)" -gt 0 ]
    [ "$(d delivered)" -gt 0 ]
    [ "$(d no_port)" = 0 ]
    [ "$(d not_running)" = 0 ]
    [ "$(d ticks)" = $(( $(d delivered) + $(d pending) )) ]
    [[ "$(section $T 'holder state')" =~ ^\ \ state:\ ticking\;\ last\ tick\ [0-9]+\ us\ ago$ ]]
}

@test "contention: the holder's own count equals Xen's delivered count" {
    local taken
    section $T "holder console" | grep -q '^natsume-rtos: ticks received: 8000 in '
    section $T "holder console" | grep -q '^NATSUME-RESULT {"mode":"natsume"'
    taken=$(section $T "holder console" |
        sed -n 's/^natsume-rtos: VIRQ_NATSUME_TIMER events taken: //p')
    [ -n "$taken" ]
    [ "$(field $T 'holder final' bound)" = no ]
    [ "$(field $T 'holder final' delivered)" = "$taken" ]
}

@test "teardown: $CYCLES create/destroy/poweroff cycles, each released" {
    [ "$(field $T cycles cycles)" = "$CYCLES" ]
    [ "$(field $T cycles bad)" = 0 ]
    section $T "after cycles" | grep -q '^(no timer bound)$'
}

@test "teardown: cpupools as at boot" {
    [ "$(section $T 'pools after cycles' | tail -n 1)" = "pools as at boot: yes" ]
}

@test "teardown: Xen's free memory back to its value at boot" {
    run section $T "free memory after cycles"
    [[ "$output" =~ ^free_memory:\ ([0-9]+)\ \(at\ boot\ ([0-9]+)\)$ ]]
    [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ]
}

@test "teardown: unbound, IRQ0 stays masked and no tick is counted" {
    [ "$(field $T 'idle 1' bound)" = no ]
    [ -n "$(field $T 'idle 1' ticks)" ]
    [ "$(field $T 'idle 1' ticks)" = "$(field $T 'idle 2' ticks)" ]
    section $T "idle 1" | grep -Eq 'Pin +[0-9]+: .* mask=1 '
    section $T "idle 2" | grep -Eq 'Pin +[0-9]+: .* mask=1 '
}

@test "unbound, IRQ0's pin stays Xen's: a hardware domain's write is ignored" {
    nonzero "$(field $T 'apic write' pin)"
    [ "$(field $T 'apic write' rc)" = 0 ]
    section $T "apic write" | grep -Eq 'Pin +[0-9]+: vec=f0 .* mask=1 '
    serial_log $T | grep -q 'Attempt to modify IO-APIC pin for in-use IRQ'
}

@test "rel-guest: the scenario ran to the end" {
    [ "$(scenario_rc $G)" = 0 ]
    serial_log $G | grep -q '^=== end$'
}

@test "crash: Xen crashes the guest for its fault, on_crash=destroy releases all" {
    section $G "crash destroy console" |
        grep -q '^natsume-rtos: failing on purpose (fail=crash) after 300 ticks'
    # Not the guest's own SHUTDOWN_crash: it had no handler left.
    run section $G "crash destroy console"
    [ "$status" = 0 ]
    ! grep -q FATAL <<<"$output" || false
    section $G "crash destroy xen" | grep -q 'Unhandled: vec 14, #PF'
    pools_whole $G "crash destroy released"
}

@test "crash: on_crash=preserve keeps the binding, shown as crashed" {
    [[ "$(section $G 'crash preserve list')" =~ ^crash2\ .*c ]]
    [ "$(field $G 'crash preserve status' rc)" = 0 ]
    section $G "crash preserve status" | grep -Eq '^pit +crash2 +[0-9]+ +1 '
    section $G "crash preserve status" | grep -q '^  state: crashed'
    section $G "crash preserve pools" | grep -Eq '^natsume-cpu1 +1 +null +y +1$'
}

@test "crash: xl destroy of the preserved domain releases all" {
    [ "$(field $G 'crash preserve destroy' rc)" = 0 ]
    pools_whole $G "crash preserve released"
}

@test "stuck: Xen counts the ticks as pending, delivers none" {
    local p1 p2
    p1=$(field $G "stuck 1" pending)
    p2=$(field $G "stuck 2" pending)
    [ "$p1" -gt 0 ]
    [ "$p2" -gt "$p1" ]
    [ "$(field $G 'stuck 1' delivered)" = "$(field $G 'stuck 2' delivered)" ]
    [ "$(field $G 'stuck 1' state)" = pending ]
    [ "$(field $G 'stuck 2' state)" = pending ]
}

@test "stuck: natsume-status says the guest is not taking its ticks" {
    section $G "stuck status" |
        grep -Eq '^  state: pending: guest not taking ticks \([0-9]+ ticks not delivered since the last one\); last tick [0-9]+ us ago$'
}

@test "stuck: xl destroy releases all" {
    [ "$(field $G 'stuck destroy' rc)" = 0 ]
    pools_whole $G "stuck released"
}

@test "soft reset: xl restarts the domain, bound again and ticking" {
    section $G "soft reset console" | grep -q '^natsume-rtos: failing on purpose (fail=reset) after 4000 ticks$'
    [ "$(section $G "soft reset console" | grep -c '^natsume-rtos: waiting for 4000 ticks')" -ge 2 ]
    local before after
    before=$(field $G "soft reset ids" before)
    after=$(field $G "soft reset ids" after)
    nonzero "$before"
    nonzero "$after"
    [ "$after" != "$before" ]
    section $G "soft reset status" | grep -Eq "^pit +reset +$after +1 "
    section $G "soft reset status" | grep -q '^  state: ticking;'
}

@test "soft reset: xl destroy of the restarted domain releases all" {
    pools_whole $G "soft reset released"
}

# probe SECTION WHAT: the result of "PROBE WHAT: ..." in that section.
probe()
{
    section $G "$1" | sed -n "s/^PROBE $2: //p" | head -n 1
}

@test "probe: the natsume sysctl and domctl are refused with EPERM" {
    local s id
    id=$(section $G "holder id")
    for s in "probe unbound console" "probe bound console"; do
        [ "$(probe "$s" 'sysctl natsume status')" = "rc=-1 (EPERM)" ]
        [ "$(probe "$s" 'domctl natsume bind self')" = "rc=-1 (EPERM)" ]
        [ "$(probe "$s" 'domctl natsume unbind self')" = "rc=-1 (EPERM)" ]
    done
    [ "$(probe 'probe unbound console' 'domctl natsume bind domain 0')" = "rc=-1 (EPERM)" ]
    [ "$(probe 'probe unbound console' 'domctl natsume unbind domain 0')" = "rc=-1 (EPERM)" ]
    [ "$(probe 'probe bound console' "domctl natsume bind domain $id")" = "rc=-1 (EPERM)" ]
    [ "$(probe 'probe bound console' "domctl natsume unbind domain $id")" = "rc=-1 (EPERM)" ]
}

@test "probe: with nothing bound, Xen's status does not change" {
    [ "$(section $G 'probe unbound status' | head -n 1)" = "unchanged: yes" ]
}

@test "probe: VIRQ_NATSUME_TIMER binds on its own vCPU but brings no tick" {
    local s
    for s in "probe unbound console" "probe bound console"; do
        [ "$(probe "$s" 'bind_virq VIRQ_NATSUME_TIMER vcpu 0')" = "rc=0 (ok)" ]
        [ "$(probe "$s" 'VIRQ_NATSUME_TIMER events in 2000 ms')" = 0 ]
        [ "$(probe "$s" 'bind_virq VIRQ_NATSUME_TIMER vcpu 1 (none)')" = "rc=-2 (ENOENT)" ]
    done
}

@test "probe: the holder keeps its binding and every tick" {
    local b=$G k
    for k in bound domid cpu vcpu period_ns no_port not_running; do
        [ "$(field $b 'probe bound before' $k)" = "$(field $b 'probe bound after' $k)" ]
    done
    [ "$(field $b 'probe bound after' bound)" = yes ]
    [ "$(field $b 'probe bound after' domid)" = "$(section $b 'holder id')" ]
    [ "$(field $b 'probe bound after' delivered)" -gt "$(field $b 'probe bound before' delivered)" ]
    section $b "holder console" | grep -q '^natsume-rtos: ticks received: 30000 in '
    [ "$(field $b 'holder final' delivered)" = \
      "$(section $b 'holder console' | sed -n 's/^natsume-rtos: VIRQ_NATSUME_TIMER events taken: //p')" ]
}

@test "probe: in/out on the PIT's ports fault (#GP) without IOPL" {
    local s
    for s in "probe unbound console" "probe bound console"; do
        [ "$(probe "$s" 'inb 0x40')" = "fault 13" ]
        [ "$(probe "$s" 'outb 0x43')" = "fault 13" ]
    done
}

@test "probe: with a virtual IOPL the PIT's ports read ones and ignore writes" {
    local s
    for s in "probe unbound console" "probe bound console"; do
        [ "$(probe "$s" 'physdev set_iopl 3')" = "rc=0 (ok)" ]
        [ "$(probe "$s" 'inb 0x40 with iopl 3')" = "done, value 0xff" ]
        [ "$(probe "$s" 'outb 0x43 with iopl 3')" = "done, value 0x0" ]
    done
}

@test "probe: IRQ 0 cannot be bound or mapped by the guest" {
    local s
    for s in "probe unbound console" "probe bound console"; do
        [ "$(probe "$s" 'evtchn bind_pirq 0')" = "rc=-1 (EPERM)" ]
        [ "$(probe "$s" 'physdev map_pirq gsi 0')" = "rc=-1 (EPERM)" ]
    done
}

@test "dom0: ioports=[\"40-43\"] for a domU is refused, nothing left" {
    nonzero "$(field $G 'config ioports = ["40-43"]' rc)"
    run section $G 'config ioports = ["40-43"]'
    [ "$status" = 0 ]
    grep -q '^unchanged: yes$' <<<"$output"
    ! grep -q '^PROBE inb' <<<"$output" || false
}

@test "dom0: irqs=[0] for a domU is refused, nothing left" {
    nonzero "$(field $G 'config irqs = [0]' rc)"
    run section $G 'config irqs = [0]'
    [ "$status" = 0 ]
    grep -q '^unchanged: yes$' <<<"$output"
    ! grep -q '^PROBE inb' <<<"$output" || false
}

@test "a normal RTOS run still works afterwards" {
    section $G "after console" | grep -q '^NATSUME-RESULT {"mode":"natsume"'
    pools_whole $G "after released"
}
