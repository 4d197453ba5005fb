#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Usage: check-init-refs.sh XEN-SYMS XEN-TREE
# Xen frees .init.text and .init.data once it has booted: code that runs
# later must not call or read anything there.  A debug or -fno-inline
# build turns such a reference into a jump into freed memory, a release
# build usually inlines it away, so booting proves nothing: look at the
# code instead.  Lists every reference from .text into the init sections
# in which the referring function or the referenced symbol is not
# upstream's (its name does not occur in XEN-TREE's "pristine" commit),
# and fails when there is one.  Upstream's own references (functions only
# called during boot, tables read once) are its business.
set -eu

syms=$1 tree=$2
[ -f "$syms" ] || { echo "check-init-refs: no $syms" >&2; exit 2; }

bound()
{
    nm "$syms" | awk -v s="$1" '$3 == s { print $1 }'
}
refs=$(mktemp)
trap 'rm -f "$refs" "$refs".*' EXIT
lo=$(bound __init_begin) hi=$(bound __init_end)
if [ -z "$lo" ] || [ -z "$hi" ]; then
    echo "check-init-refs: no init bounds in $syms" >&2
    exit 2
fi

# "FUNCTION TARGET" for each instruction in .text whose operand lies in
# [__init_begin, __init_end), with compiler suffixes (.isra.0, +0x10)
# dropped so that both are source names.
objdump -d --no-show-raw-insn -j .text "$syms" | awk -v lo="$lo" -v hi="$hi" '
    function base(s) {
        gsub(/[<>:]/, "", s); sub(/[.+].*/, "", s)
        sub(/^__setup_(str_)?/, "", s)  # names made by custom_param()
        return s
    }
    /^[0-9a-f]+ <.*>:$/ { fn = base($2); next }
    {
        n = split($0, w, /[ \t,#*()]+/)
        for (i = 3; i < n; i++) {
            a = w[i]; sub(/^0x/, "", a)
            if (a ~ /^[0-9a-f]{16}$/ && a >= lo && a < hi && w[i + 1] ~ /^</)
                print fn, base(w[i + 1])
        }
    }' | sort -u >"$refs"

# The names upstream's source has, in one pass over it.
tr ' ' '\n' <"$refs" | sort -u >"$refs.names"
git -C "$tree" grep -h -o -w -F -f "$refs.names" pristine -- xen |
    sort -u >"$refs.upstream"

bad=0
while read -r fn target; do
    if ! grep -qxF "$fn" "$refs.upstream" ||
       ! grep -qxF "$target" "$refs.upstream"; then
        echo "check-init-refs: $fn (.text) refers to $target (init, freed after boot)"
        bad=1
    fi
done <"$refs"
[ $bad = 1 ] ||
    echo "check-init-refs: $(wc -l <"$refs") references into init sections, all upstream's"
exit $bad
