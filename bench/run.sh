#!/bin/sh
# Benchmark leaksift against yara and clamscan on one corpus with one rule
# pack (bench/README.md). Run by hand, not in CI:
#
#   bench/run.sh [CORPUS_DIR]
#
# Environment: LEAKSIFT (CLI, default build/leaksift), SIZE (corpus size if
# CORPUS_DIR does not exist yet, default 300M), N (jobs, default nproc),
# WORK (scratch dir, default /tmp/leaksift-bench), SKIP (space-separated
# names to skip: leaksift-j1 leaksift-jN yara clamscan).
# Results: $WORK/results.jsonl and a Markdown table on stdout
# (bench/report.py), to paste into docs/performance.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/leaksift-bench}
corpus=${1:-$WORK/corpus}
LEAKSIFT=${LEAKSIFT:-$root/build/leaksift}
N=${N:-$(nproc)}
SKIP=${SKIP:-}
mkdir -p "$WORK"
if [ ! -d "$corpus" ]; then
    python3 "$root/bench/make_corpus.py" "$corpus" --size "${SIZE:-300M}" >"$WORK/corpus.txt"
fi
# The same rule pack for everyone: the built-in pack's sources.
cat "$root"/rules/*/*.yar >"$WORK/pack.yar"
head -c 32 /dev/urandom >"$WORK/key"
results="$WORK/results.jsonl"
: >"$results"
skip() { case " $SKIP " in *" $1 "*) return 0 ;; esac; return 1; }
warm() { find "$corpus" -type f -exec cat {} + >/dev/null; }
m() { # name, command...
    name=$1; shift
    if skip "$name"; then return; fi
    warm
    python3 "$root/bench/measure.py" "$name" -- "$@" >>"$results" 2>>"$WORK/$name.err" || true
    tail -n 1 "$results" >&2
}
m leaksift-j1 "$LEAKSIFT" scan -q -j1 --fingerprint-key "$WORK/key" -o "$WORK/m1.jsonl" "$corpus"
m leaksift-jN "$LEAKSIFT" scan -q -j"$N" --fingerprint-key "$WORK/key" -o "$WORK/mN.jsonl" "$corpus"
if command -v yara >/dev/null; then
    m yara yara -r -w -p "$N" "$WORK/pack.yar" "$corpus"
else
    echo "yara: not installed, not measured" >&2
fi
if command -v clamscan >/dev/null; then
    # --allmatch: every rule, like the others; archives and documents are
    # unpacked by clamscan itself (its default limits).
    m clamscan clamscan --allmatch -r --no-summary -d "$WORK/pack.yar" "$corpus"
else
    echo "clamscan: not installed, not measured (apt-get install clamav)" >&2
fi
python3 "$root/bench/report.py" "$corpus" "$results"
