#!/usr/bin/env python3
"""Real office documents for issue #4's figure (MB per CPU second).

    bench/office_set.py OUT [--mirrors /work/.mirror] [--even N] [--exts doc,docx,...]
                            [--min 1000] [--max 10000000]

Copies the test files of Apache Tika and Apache POI (bare mirrors as the
`fetch` tool leaves them: MIRRORS/apache+tika/repo, MIRRORS/apache+poi/repo)
whose extension is an office format (.doc .docx .xls .xlsx .ppt .pptx .pdf
.odt .ods .odp) into OUT, leaving out every file whose path names it a
crash, fuzz, corrupt, malformed, encrypted, password or bomb case (those
are hostile-input tests, not typical documents) and Git LFS pointers.

Without --even: every such file of --min..--max bytes (the sixteenth
session's R16: 1,399 files, 160.8 MB, media included as in a real share).
With --even N: at most N files of each extension, 2-400 KB, spread evenly
over the sorted candidates (O16: --even 25 --exts
doc,docx,xls,xlsx,ppt,pptx,pdf,odt,ods gives 194 files, 9.3 MB; the
fourteenth and fifteenth sessions' O took a different spread).

Prints the counts by extension, the total and each mirror's commit, which
the result depends on. Read the files, never commit them (they are other
projects' test data).
"""
import argparse
import os
import re
import subprocess
import sys

EXTS = ('doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf', 'odt', 'ods', 'odp')
HOSTILE = re.compile(r'crash|fuzz|corrupt|invalid|broken|bug|poc|truncat|malformed|'
                     r'password|protect|encrypt|bomb|hostile|overflow', re.I)


def git(gd, *args, binary=False):
    r = subprocess.run(['git', '--git-dir', gd] + list(args), capture_output=True,
                       text=not binary, check=True)
    return r.stdout


def candidates(gd, lo, hi):
    out = []
    for line in git(gd, 'ls-tree', '-r', '-l', 'HEAD').splitlines():
        meta, path = line.split('\t', 1)
        kind, size = meta.split()[1], meta.split()[3]
        if kind != 'blob' or not size.isdigit() or 'test' not in path.lower():
            continue
        ext = path.rsplit('.', 1)[-1].lower() if '.' in path else ''
        if ext in EXTS and lo <= int(size) <= hi and not HOSTILE.search(path):
            out.append((ext, path, int(size)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--mirrors', default='/work/.mirror')
    ap.add_argument('--even', type=int, default=0)
    ap.add_argument('--exts', default=','.join(EXTS))
    ap.add_argument('--min', type=int, default=1000)
    ap.add_argument('--max', type=int, default=10_000_000)
    a = ap.parse_args()
    lo, hi = (2000, 400_000) if a.even else (a.min, a.max)
    exts = tuple(e for e in a.exts.lower().split(',') if e in EXTS)
    os.makedirs(a.out, exist_ok=True)
    picked = []
    for repo in ('apache+tika', 'apache+poi'):
        gd = os.path.join(a.mirrors, repo, 'repo')
        if not os.path.isdir(gd):
            sys.exit('office_set: no mirror at %s' % gd)
        print('%s %s' % (repo, git(gd, 'rev-parse', 'HEAD').strip()))
        picked += [(ext, repo, gd, path, size) for ext, path, size in candidates(gd, lo, hi)
                   if ext in exts]
    if a.even:
        spread = []
        for ext in exts:
            c = sorted(p for p in picked if p[0] == ext)
            step = max(1, len(c) // a.even)
            spread += c[step // 2::step][:a.even]
        picked = spread
    counts, total = {}, 0
    for ext, repo, gd, path, size in picked:
        data = git(gd, 'show', 'HEAD:' + path, binary=True)
        if len(data) != size:
            continue
        name = (repo.split('+')[1] + '_' + path.replace('/', '_'))[-120:]
        with open(os.path.join(a.out, name), 'wb') as f:
            f.write(data)
        counts[ext] = counts.get(ext, 0) + 1
        total += size
    print(' '.join('%s %d' % kv for kv in sorted(counts.items())))
    print('%d files, %d bytes' % (sum(counts.values()), total))


if __name__ == '__main__':
    main()
