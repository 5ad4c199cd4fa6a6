#!/bin/sh
# Instructions per stage of one `leaksift scan -j1` run, under callgrind.
# Instruction counts do not depend on machine load, unlike CPU seconds (on a
# shared machine the CPU time of one and the same run varies by +-15%), so
# compare fixes with this (docs/performance.md, "Where the time goes").
#
#   bench/profile.sh CORPUS_DIR [OUT_PREFIX]
#
# Environment: LEAKSIFT (CLI, default build/leaksift). Give it 5-50 MB:
# callgrind runs ~50x slower than native. Prints the worker's total and the
# inclusive share of each stage; keeps OUT_PREFIX.<pid> (callgrind files) and
# OUT_PREFIX.jsonl (the manifest, to diff against another build's).
# The worker's total includes what its process did before the fork (the
# rules compiled, libmagic loaded: "setup before fork", a fixed cost per
# run, ~127 M instructions with the built-in pack); "after fork" is the
# scan itself. The supervisor's total is printed too (the rules compiled
# before the fork are counted in both).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1
out=${2:-/tmp/leaksift-profile}
LEAKSIFT=${LEAKSIFT:-$root/build/leaksift}
head -c 32 /dev/zero >"$out.key"
rm -f "$out".[0-9]*
LEAKSIFT_NO_SANDBOX=1 valgrind --tool=callgrind --callgrind-out-file="$out.%p" \
    "$LEAKSIFT" scan -q -j1 --fingerprint-key "$out.key" -o "$out.jsonl" "$corpus" \
    >/dev/null 2>"$out.log" || true
# The worker is the process that ran the pipeline; the supervisor (the
# other file) writes the manifest and folds every record into the summary.
worker=$(grep -l "ls_pipeline_object" "$out".[0-9]* | head -n 1)
for f in "$out".[0-9]*; do
    [ "$f" = "$worker" ] && continue
    callgrind_annotate "$f" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1);
        printf "supervisor: %s instructions (its rule compile before the fork included)\n", $1 }'
done
callgrind_annotate --inclusive=yes --threshold=100 "$worker" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1; printf "worker: %s instructions\n", $1 }
    function stage(name, pat) { if ($0 ~ pat && !(name in seen)) { seen[name] = 1; v = $1; gsub(",", "", v); printf "%-22s %6.2f%%\n", name, 100 * v / total } }
    { stage("setup before fork", ":ls_engine_new ")
      stage("after fork", ":pool_worker_main ")
      stage("identify (libmagic)", ":ls_magic_identify ")
      stage("sha256", ":ls_sha256 ")
      stage("yara scan", ":ls_scanner_scan ")
      stage("xml (markup walk)", ":ls_markup_xml_walk ")
      stage("  utf-8 check first", ":markup_prepare ")
      stage("  ooxml element start", ":ox_cb_start ")
      stage("  ooxml element end", ":ox_cb_end ")
      stage("  ooxml text", ":ox_cb_text ")
      stage("vml (lenient walk)", ":ls_markup_soup_walk ")
      stage("html (markup)", ":ls_markup_html_text ")
      stage("zip member read", ":ls_zip_read ")
      stage("pdf", ":pdf_extract ")
      stage("records", ":emit_record ") }'
