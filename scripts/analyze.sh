#!/bin/sh
# Static analysis for the bug class fuzzing finds only by luck: an
# out-param left unwritten on an error path and read by a caller that
# tolerated the error (0e961b4, evtx's free_off). ls_slice_sub, ls_cur_*
# and ls_rd_* write theirs on failure too since 32b6ea9 (an empty slice at
# the input's start, or 0), so what is left of the class is in the
# parsers' own functions. clang's analyzer sees only one translation
# unit; here every file is analysed with ls_bytes.c included (its static
# helpers renamed, the slice and cursor invariants stated), so a parser
# function's "Returning without writing to '*v'" paths show.
# Expect false positives where an offset is known to be in range by an
# earlier check the analyzer cannot relate (a found position, pos <= len):
# triage every "garbage value" / "uninitialized" report by hand.
# Usage: scripts/analyze.sh [BUILD_DIR] [FILE...]   (default: src/extract
# and src/unpack); one clang-tidy at a time; logs in BUILD_DIR/analyze/.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
b=${1:-$root/build-analyze}
[ $# -gt 0 ] && shift
mkdir -p "$b/analyze"
CC=clang cmake -S "$root" -B "$b" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DLEAKSIFT_TESTS=OFF \
    -DLEAKSIFT_LTO=OFF >"$b/cmake.log" 2>&1 || { cat "$b/cmake.log" >&2; exit 2; }
inc="$b/analyze/ls_bytes_visible.c"
sed -e 's/\bbyte_commonness_table\b/lsa__bct/g; s/\bbyte_commonness\b/lsa__bc/g' \
    -e 's/\bdec_le\b/lsa__dec_le/g; s/\bdec_be\b/lsa__dec_be/g; s/\bcur_int\b/lsa__cur_int/g' \
    "$root/src/core/ls_bytes.c" | python3 -c '
import re, sys
inv_s = "    if (s.ptr == NULL && s.len) __builtin_unreachable();"
inv_c = "    if (c->pos > c->in.len || (c->in.ptr == NULL && c->in.len)) __builtin_unreachable();"
lines = sys.stdin.read().split("\n")
out = []
i = 0
while i < len(lines):
    l = lines[i]
    out.append(l)
    m = re.match(r"^(?:static )?[a-z_ ]+\*?\s*\**\w+\((.*)\)$", l)
    if m and i + 1 < len(lines) and lines[i + 1] == "{":
        out.append("{")
        if "struct ls_slice s" in m.group(1): out.append(inv_s)
        if "struct ls_cursor *c" in m.group(1): out.append(inv_c)
        i += 1
    i += 1
print("\n".join(out))
' >"$inc"
if [ $# -gt 0 ]; then files="$*"; else files=$(cd "$root" && ls src/extract/*.c src/unpack/*.c); fi
found=0
for f in $files; do
    log="$b/analyze/$(echo "$f" | tr / _).log"
    (cd "$root" && clang-tidy -p "$b" --quiet --extra-arg=-include --extra-arg="$inc" \
        --checks='-*,clang-analyzer-core.*,clang-analyzer-unix.*' "$f") >"$log" 2>&1 || true
    n=$(grep 'warning:' "$log" | grep -vc "$inc" || true)
    [ "$n" -gt 0 ] && { echo "analyze: $f: $n report(s), $log" >&2; found=$((found + n)); }
done
echo "analyze: $found report(s) to triage" >&2
