#!/usr/bin/env python3
"""Run one command and measure it: wall time, CPU time (user + sys of the
command and every process it waited for), peak RSS summed over the whole
process tree (sampled every 50 ms from /proc: workers included), peak PSS
(shared copy-on-write pages counted once) and the largest single process's
max RSS (getrusage).

    python3 bench/measure.py NAME -- COMMAND ARGS...

Prints one JSON object: {"name", "rc", "wall_s", "cpu_s", "peak_rss_mib",
"peak_pss_mib", "max_proc_rss_mib"}. The command's stdout goes to
/dev/null, its stderr is kept.
"""
import json
import os
import subprocess
import sys
import time


def tree(root):
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d, "rb") as f:
                st = f.read()
        except OSError:
            continue
        ppid = int(st[st.rfind(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def mem_of(pid):
    rss = pss = 0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def main(argv):
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    name = argv[1]
    cmd = argv[argv.index("--") + 1:]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss = pss = 0
        for p in tree(proc.pid):
            r, s = mem_of(p)
            rss += r
            pss += s
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    wall = time.monotonic() - t0
    rc = os.waitstatus_to_exitcode(status)
    print(json.dumps({"name": name, "rc": rc, "wall_s": round(wall, 3),
                      "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
                      "peak_rss_mib": round(peak_rss / 1024, 1), "peak_pss_mib": round(peak_pss / 1024, 1),
                      "max_proc_rss_mib": round(ru.ru_maxrss / 1024, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
