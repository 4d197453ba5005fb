#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Runs shellcheck over every shell script and bats file of the project, at
# severity info: that is where a bare "!" that skips errexit (SC2251, and
# SC2314 in bats) is reported.  Settings in .shellcheckrc.

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

# Every tracked file that is shell: by name, or by a #!/bin/sh or bash line.
shell_files()
{
    git -C "$TOP" ls-files | while read -r f; do
        case $f in
        *.sh|*.bash|*.bats) echo "$f" ;;
        *.c|*.h|*.S|*.md|*.patch|*.pod|*.png|*.gz|*.cfg|*.mk|*.lds|*.gp|*.txt|*.json) ;;
        *) head -n 1 "$TOP/$f" | grep -Eq '^#!(/bin/sh|/bin/bash|/usr/bin/env (ba)?sh)' &&
               echo "$f" ;;
        esac
    done
}

@test "shellcheck: no finding in any shell script or bats file" {
    local files
    files=$(shell_files)
    [ "$(wc -l <<<"$files")" -gt 30 ]
    cd "$TOP"
    # shellcheck disable=SC2086 # one word per file
    run shellcheck -S info -f gcc $files
    echo "$output"
    [ "$status" = 0 ]
}
