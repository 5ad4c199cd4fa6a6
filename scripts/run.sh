#!/bin/sh
# The two quick-start commands (README):
#   scripts/run.sh demo   install what is missing, build, triage samples/
#   scripts/run.sh test   install what is missing, build, run the whole suite
#                         (normal build, then again under ASan+UBSan)
# Environment: BUILD_DIR (default build), JOBS (default: online CPUs),
# LEAKSIFT_WERROR=ON to fail on warnings (CI sets it).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:-}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
werror=${LEAKSIFT_WERROR:-OFF}

build() { # dir, extra cmake args... (TARGET: one ninja target, default all)
    dir=$1; shift
    cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLEAKSIFT_WERROR="$werror" "$@" >"$dir/cmake.log" 2>&1 ||
        { cat "$dir/cmake.log" >&2; exit 2; }
    ninja -C "$dir" -j "$jobs" ${TARGET:-} >"$dir/build.log" 2>&1 ||
        { grep -E 'error|FAILED' -A3 "$dir/build.log" | head -80 >&2; exit 2; }
}

case "$mode" in
demo)
    "$root/scripts/bootstrap.sh"
    mkdir -p "${BUILD_DIR:-build}"
    TARGET=leaksift build "${BUILD_DIR:-build}" # the program only: no tests, no fuzz harnesses
    set +e
    "${BUILD_DIR:-build}/leaksift" scan -o manifest.jsonl samples/
    rc=$?
    set -e
    echo "exit status $rc (1 = something was quarantined); manifest: $root/manifest.jsonl" >&2
    [ "$rc" -le 1 ] || exit "$rc"
    ;;
test)
    "$root/scripts/bootstrap.sh"
    b=${BUILD_DIR:-build}
    mkdir -p "$b" "$b-asan"
    build "$b" -DLEAKSIFT_TEST_HOOKS=ON
    ctest --test-dir "$b" -j "$jobs" --output-on-failure
    build "$b-asan" -DLEAKSIFT_SANITIZE=ON -DLEAKSIFT_TEST_HOOKS=ON
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$b-asan" -j "$jobs" --output-on-failure
    ;;
*)
    echo "usage: scripts/run.sh demo|test" >&2
    exit 2
    ;;
esac
