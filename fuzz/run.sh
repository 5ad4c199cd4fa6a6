#!/bin/sh
# Build every harness with clang + libFuzzer (ASan+UBSan) and run each for
# SECONDS (default 60), seeded from fuzz/corpus/<t>/ and tests/regress/<t>/
# with fuzz/<t>.dict. New inputs go to BUILD/corpus-work/<t>/ (the committed
# corpus is never modified); crashes go to BUILD/artifacts/ and make the
# script fail: minimise one (./fuzz_<t> -minimize_crash=1 ...) and commit it
# under tests/regress/<t>/ with the fix.
# Usage: fuzz/run.sh [SECONDS] [HARNESS...]
# FUZZ_SEED=N fixes libFuzzer's seed (CI does, so a run explores the same
# inputs every time and a red CI is reproducible); unset, each run is new.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
b=${FUZZ_BUILD_DIR:-$root/build-fuzz}
mkdir -p "$b"
CC=clang cmake -S "$root" -B "$b" -G Ninja -DLEAKSIFT_FUZZ=ON -DLEAKSIFT_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$b/cmake.log" 2>&1 || { cat "$b/cmake.log" >&2; exit 2; }
ninja -C "$b" -j "$(nproc)" >"$b/build.log" 2>&1 || { grep -E 'error|FAILED' -A3 "$b/build.log" | head -60 >&2; exit 2; }

if [ $# -gt 0 ]; then harnesses="$*"; else
    harnesses=$(cd "$root/fuzz" && ls fuzz_*.c | sed -e 's/^fuzz_//' -e 's/\.c$//' | grep -v '^common$')
fi
mkdir -p "$b/artifacts"

# one harness: run_one NAME -> exit status 0 (clean) or 1 (crash/timeout/OOM)
run_one() {
    t=$1
    work="$b/corpus-work/$t"
    mkdir -p "$work"
    dict=""
    [ -f "$root/fuzz/$t.dict" ] && dict="-dict=$root/fuzz/$t.dict"
    seeds=""
    for d in "$root/fuzz/corpus/$t" "$root/tests/regress/$t"; do [ -d "$d" ] && seeds="$seeds $d"; done
    # shellcheck disable=SC2086
    if ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$b/fuzz_$t" -max_total_time="$secs" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -timeout=25 -rss_limit_mb=2560 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$b/artifacts/$t-" $dict "$work" $seeds \
        >"$b/fuzz-$t.log" 2>&1; then
        echo "fuzz: $t: $(grep -E 'stat::number_of_executed_units' "$b/fuzz-$t.log" | tail -1 | sed 's/.*: *//') runs, no crash" >&2
        return 0
    fi
    echo "fuzz: $t: FAILED" >&2
    tail -40 "$b/fuzz-$t.log" >&2
    return 1
}

# Harnesses run JOBS at a time (default: online CPUs), each for SECONDS.
jobs=${JOBS:-$(nproc)}
echo "fuzz: $(echo $harnesses | wc -w) harnesses, ${secs}s each, $jobs at a time" >&2
failed=""
running=0
pids=""
for t in $harnesses; do
    run_one "$t" &
    pids="$pids $!:$t"
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        for pt in $pids; do
            if ! wait "${pt%%:*}"; then failed="$failed ${pt#*:}"; fi
        done
        pids=""
        running=0
    fi
done
for pt in $pids; do
    if ! wait "${pt%%:*}"; then failed="$failed ${pt#*:}"; fi
done
if [ -n "$failed" ]; then
    echo "fuzz: crashes in:$failed (artifacts in $b/artifacts)" >&2
    exit 1
fi
echo "fuzz: all harnesses ran ${secs}s without a crash" >&2
