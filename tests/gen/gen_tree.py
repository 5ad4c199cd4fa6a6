#!/usr/bin/env python3
"""A generated tree of many ordinary files for the foundation e2e test:

    python3 tests/gen/gen_tree.py OUTDIR [COUNT]

Mixed kinds (empty, word text, random bytes, PNG, PDF-looking, gzip, zip,
CSV, JSON, HTML) and sizes (0 B .. ~400 KiB; ~12 MiB in all for 3000 files), spread over nested folders.
Deterministic for a seed; no personal data (words come from a fixed list,
random bytes are binary). make_tree() returns the relative paths written.
"""
import gzip
import io
import os
import random
import sys
import zipfile

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
         "zulu inventory shipment pallet warehouse forklift schedule route depot crate").split()


def words(rng, n):
    out = []
    for i in range(n):
        out.append(rng.choice(WORDS))
        out.append("\n" if i % 12 == 11 else " ")
    return "".join(out)


def k_empty(rng):
    return "empty%s.dat", b""


def k_text(rng):
    return "notes%s.txt", words(rng, rng.randint(10, 1500)).encode()


def k_random(rng):
    n = rng.randint(1, 8 * 1024) if rng.random() < 0.99 else rng.randint(100_000, 400_000)
    return "blob%s.bin", rng.randbytes(n)


def k_png(rng):
    return "img%s.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(20, 4000))


def k_pdf(rng):
    body = "%%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%% %s\n%%%%EOF\n" % words(rng, 20)
    return "doc%s.pdf", body.encode()


def k_gzip(rng):
    return "log%s.txt.gz", gzip.compress(words(rng, rng.randint(50, 2000)).encode(), mtime=0)


def k_zip(rng):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for j in range(2):
            info = zipfile.ZipInfo("part%d.txt" % j, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, words(rng, rng.randint(10, 400)))
    return "bundle%s.zip", buf.getvalue()


def k_csv(rng):
    rows = ["item,qty,depot"] + ["%s,%d,%s" % (rng.choice(WORDS), rng.randint(1, 99),
                                                rng.choice(WORDS)) for _ in range(rng.randint(1, 200))]
    return "table%s.csv", ("\n".join(rows) + "\n").encode()


def k_json(rng):
    items = ", ".join('"%s": %d' % (rng.choice(WORDS) + str(i), rng.randint(0, 999))
                      for i in range(rng.randint(1, 50)))
    return "data%s.json", ("{" + items + "}\n").encode()


def k_html(rng):
    return "page%s.html", ("<!DOCTYPE html>\n<html><head><title>%s</title></head><body><p>%s</p>"
                           "</body></html>\n" % (rng.choice(WORDS), words(rng, 200))).encode()


KINDS = [(k_empty, 2), (k_text, 35), (k_random, 30), (k_png, 5), (k_pdf, 4), (k_gzip, 4),
         (k_zip, 3), (k_csv, 7), (k_json, 5), (k_html, 5)]


def make_tree(out, count=3000, seed=1234):
    rng = random.Random(seed)
    dirs = [""]
    for a in range(12):
        dirs.append("d%02d" % a)
        for b in range(rng.randint(0, 3)):
            dirs.append("d%02d/s%d" % (a, b))
            if rng.random() < 0.4:
                dirs.append("d%02d/s%d/deep/er" % (a, b))
    kinds = [k for k, w in KINDS for _ in range(w)]
    paths = []
    for i in range(count):
        pattern, data = rng.choice(kinds)(rng)
        rel = os.path.join(rng.choice(dirs), pattern % ("%04d" % i))
        full = os.path.join(out, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        paths.append(rel)
    return paths


if __name__ == "__main__":
    n = make_tree(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3000)
    sys.stderr.write("wrote %d files\n" % len(n))
