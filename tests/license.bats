#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Every source file of ours names its license (LICENSE says which where).
# Not counted: the patch files (each file they add names its own), the
# license texts, and data (benchmark results, fuzz corpora, pictures).

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

@test "license: every source file has an SPDX-License-Identifier line" {
    cd "$TOP"
    local files
    files=$(git ls-files | grep -vE '(\.patch$|\.png$|\.gz$|\.json$|^bench/results|^bench/traces/|^tests/fuzz/corpus/|^LICENSE)')
    [ "$(wc -l <<<"$files")" -gt 150 ]
    # shellcheck disable=SC2086 # one word per file
    run grep -L 'SPDX-License-Identifier' $files
    echo "$output"
    [ -z "$output" ]
}

@test "license: libxl-ext/ and xl-natsume/ are LGPL-2.1-only, as libxl and xl" {
    cd "$TOP"
    run bash -c "git ls-files libxl-ext xl-natsume | xargs grep -L 'SPDX-License-Identifier: LGPL-2.1-only'"
    echo "$output"
    [ -z "$output" ]
}
