#!/usr/bin/env python3
"""Turn bench/run.sh's results.jsonl into a Markdown table and the ratios the
issue asks for.

    python3 bench/report.py CORPUS_DIR RESULTS.jsonl
"""
import json
import os
import sys


def corpus_size(d):
    files = size = 0
    for base, _, names in os.walk(d):
        for n in names:
            st = os.lstat(os.path.join(base, n))
            files += 1
            size += st.st_size
    return files, size


def main(argv):
    files, size = corpus_size(argv[1])
    rows = [json.loads(line) for line in open(argv[2]) if line.strip()]
    by = {r["name"]: r for r in rows}
    mb = size / 1e6
    print("Corpus: %d files, %.1f MB\n" % (files, mb))
    print("| tool | exit | wall s | CPU s | MB/s (wall) | files/s | MB/s per CPU s | peak RSS tree MiB | peak PSS tree MiB | largest process MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        w, c = r["wall_s"], r["cpu_s"]
        print("| %s | %d | %.2f | %.2f | %.1f | %.0f | %.1f | %.0f | %.0f | %.0f |" % (
            r["name"], r["rc"], w, c, mb / w, files / w, mb / c if c else 0, r["peak_rss_mib"],
            r["peak_pss_mib"], r["max_proc_rss_mib"]))
    print()

    def ratio(a, b, fa, label):
        if a in by and b in by:
            print("- %s: %.2f" % (label, fa(by[a], by[b])))
    ratio("leaksift-jN", "clamscan", lambda x, y: y["wall_s"] / x["wall_s"],
          "leaksift -jN throughput / clamscan throughput (target >= 20)")
    ratio("leaksift-jN", "yara", lambda x, y: x["wall_s"] / y["wall_s"],
          "leaksift -jN wall / yara -r -p N wall (target <= 2)")
    ratio("leaksift-jN", "leaksift-j1", lambda x, y: y["wall_s"] / x["wall_s"],
          "leaksift -jN speed-up over -j1 (target >= 1.8 with N=2)")
    ratio("leaksift-jN", "leaksift-j1", lambda x, y: y["cpu_s"] / x["cpu_s"],
          "CPU time -j1 / -jN (1.0 = no parallel overhead)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
