# Shared by the system tests: boot Xen once per file with a scenario, then
# let each test check what the serial log shows.

TOP=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
export BUILD

# boot SCENARIO [run-xen options...]: run tests/system/scenarios/SCENARIO.sh
# under the harness; its exit status lands in $BUILD/logs/SCENARIO.rc.
boot()
{
    local name=$1
    shift
    local log=$BUILD/logs/$name.log
    mkdir -p "$BUILD/logs"
    rm -f "$BUILD/logs/$name.rc"
    "$TOP/tests/qemu/run-xen" -l "$log" "$@" \
        "$TOP/tests/system/scenarios/$name.sh" >"$BUILD/logs/$name.harness" 2>&1
    echo $? >"$BUILD/logs/$name.rc"
}

# The serial log of scenario NAME, without carriage returns.
serial_log()
{
    tr -d '\r' <"$BUILD/logs/$1.log"
}

# section NAME TITLE: the lines the scenario printed after "=== TITLE" up
# to the next "=== " marker.
section()
{
    serial_log "$1" | awk -v t="=== $2" '
        $0 == t { on = 1; next }
        /^=== / { on = 0 }
        on && !/^\(XEN\)/ && !/^\[ *[0-9]+\.[0-9]+\]/'
}

scenario_rc()
{
    cat "$BUILD/logs/$1.rc"
}
