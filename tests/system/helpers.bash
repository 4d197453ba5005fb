# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
# Shared by the system tests: boot Xen once per file with a scenario, then
# let each test check what the serial log shows.

TOP=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
export BUILD

# boot NAME [run-xen options...]: run tests/system/scenarios/NAME.sh under
# the harness, on the debug hypervisor (ASSERTs and lock checks armed); its
# exit status lands in $BUILD/logs/NAME.rc.  NAME@VARIANT runs scenario NAME
# again under another name, e.g. on another machine.
boot()
{
    local name=$1
    shift
    local log=$BUILD/logs/$name.log
    mkdir -p "$BUILD/logs"
    rm -f "$BUILD/logs/$name.rc"
    "$TOP/tests/qemu/run-xen" -d -l "$log" "$@" \
        "$TOP/tests/system/scenarios/${name%@*}.sh" >"$BUILD/logs/$name.harness" 2>&1
    echo $? >"$BUILD/logs/$name.rc"
}

# The serial log of scenario NAME, without carriage returns.
serial_log()
{
    tr -d '\r' <"$BUILD/logs/$1.log"
}

# section NAME TITLE: the lines the scenario printed after "=== TITLE" up
# to the next "=== " marker.  Fails, saying so, when there is no such
# section: a renamed section must not read as an empty one.
section()
{
    serial_log "$1" | awk -v t="=== $2" '
        $0 == t { on = 1; seen = 1; next }
        /^=== / { on = 0 }
        on && !/^\(XEN\)/ && !/^\[ *[0-9]+\.[0-9]+\]/
        END { exit !seen }' || {
        echo "no section \"=== $2\" in $1's log" >&2
        return 1
    }
}

# field NAME TITLE KEY: KEY's value in section TITLE, from a "KEY: value"
# line or else a KEY=value word.  When there is none it prints a marker
# that names what is missing (so no two missing fields compare equal and
# no check takes it for a value) and fails.
field()
{
    local out
    out=$(section "$1" "$2") || { echo "<no section $2 in $1>"; return 1; }
    if grep -q "^$3:" <<<"$out"; then
        sed -n "s/^$3: \{0,1\}//p" <<<"$out" | head -n 1
    elif tr ' ' '\n' <<<"$out" | grep -q "^$3="; then
        tr ' ' '\n' <<<"$out" | sed -n "s/^$3=//p" | head -n 1
    else
        echo "<no $3 in section $2 of $1>"
        return 1
    fi
}

# nonzero VALUE: VALUE is a number and not 0 (a missing field is neither).
nonzero()
{
    [[ "$1" =~ ^-?[0-9]+$ ]] && [ "$1" != 0 ]
}

# json KEY: KEY (a jq path such as .ticks) of the JSON document on stdin;
# fails when it is missing.
json()
{
    jq -er "$1"
}

scenario_rc()
{
    cat "$BUILD/logs/$1.rc"
}

# section_rc NAME TITLE: the last "rc: N" line of that section.
section_rc()
{
    section "$1" "$2" | sed -n 's/^rc: //p' | tail -n 1
}

# figure FILE KEY: KEY's value in a "KEY value" file (bench/run's
# *.figures); fails when there is none.
figure()
{
    local v
    v=$(sed -n "s/^$2 //p" "$1" | head -n 1)
    [ -n "$v" ] || { echo "<no $2 in $1>"; return 1; }
    echo "$v"
}

# rtos_result NAME KEY: KEY of the demo RTOS guest's NATSUME-RESULT line
# (JSON) in NAME's serial log.
rtos_result()
{
    serial_log "$1" | sed -n 's/^NATSUME-RESULT //p' | head -n 1 | json ".$2"
}

# refused_with NAME BAD GREP-FLAG PATTERN: the request the scenario NAME
# made as "=== bad BAD" (lib.sh's refused) failed, with a message that
# matches PATTERN (grep -F or -E), and changed nothing.
refused_with()
{
    local out
    out=$(section "$1" "bad $2")
    grep -q "$3" -- "$4" <<<"$out"
    nonzero "$(section_rc "$1" "bad $2")"
    grep -qx 'unchanged: yes' <<<"$out"
}
