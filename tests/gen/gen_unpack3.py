#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_unpack3.py: the unpacking gaps closed by the
unpack3 session, made by the real tools (7z, compress) where one exists.

- 7z archives with several folders (solid blocks) where a folder that
  decodes lies between two that do not (damaged LZMA2 data: 64 bytes
  overwritten in the middle of the packed stream), made by `7z a` in
  several steps (each adds a folder): the good folder's members are read;
- a 7z whose damaged solid folder holds a symbolic link (libarchive reads
  its target while listing: the listing ends there), said in a note;
- big_damaged.7z (generate_big(), for docs/performance.md only, not the
  test): a 40 MiB solid folder of 8,000 members damaged at three quarters,
  then a small folder that decodes;
- a compress (.Z) stream followed by a few bytes whose codes are not valid
  ones (libarchive failed the whole block it was decoding, the stream's
  last data lost): decoded up to them, the bytes after read as
  hidden_data; and the same stream alone (quiet).

generate(dir) writes them and fills EXPECT {file: {member: (coverage,
reasons that must be there, PII expected found or an errors substring)}}.
Needs 7z and compress (command -v); a case whose tool is missing is left
out.
"""
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unpack2 import CARD, PII, SSN, WORDS, filler, have, run, wr  # noqa: E402,F401 (shared helpers)

EXPECT = {}
JUNK = {}  # {file: bytes appended}


def folder_sizes(d, arc):
    """Packed size of each folder, in order (7z l -slt gives it on a
    folder's first member only)."""
    out = subprocess.run(["7z", "l", "-slt", arc], cwd=d, check=True, capture_output=True, text=True).stdout
    return [int(ln.split("=")[1]) for ln in out.splitlines()
            if ln.startswith("Packed Size = ") and ln.split("=")[1].strip()]


def build_7z(d, arc, groups):
    """One `7z a` per group (a solid LZMA2 folder each); returns the bytes
    and the packed folder sizes."""
    for g in groups:
        run(["7z", "a", "-ms=on", "-m0=LZMA2", "-mx=1", arc] + g, d)
    with open(os.path.join(d, arc), "rb") as f:
        z = bytearray(f.read())
    return z, folder_sizes(d, arc)


def damage(z, sizes, k):
    """Overwrite 64 bytes in the middle of folder k's packed stream (packed
    streams follow the 32-byte start header, in folder order)."""
    at = 32 + sum(sizes[:k]) + sizes[k] // 2
    z[at:at + 64] = b"\xff" * 64


def sevenzip(out, work):
    if not have("7z"):
        return
    # 1. bad (6 files) · good (2 files, the PII) · bad (14 files): the old
    # search galloped from the first bad folder into the second and never
    # looked between them
    d = os.path.join(work, "between")
    os.makedirs(d)
    a = ["a/a_%02d.txt" % i for i in range(6)]
    b = ["b/b_%02d.txt" % i for i in range(2)]
    c = ["c/c_%02d.txt" % i for i in range(14)]
    for i, n in enumerate(a + c):
        wr(d, n, filler(600, 100 + i))
    wr(d, b[0], filler(300, 1) + PII)
    wr(d, b[1], filler(300, 2))
    z, sizes = build_7z(d, "m.7z", [a, b, c])
    assert len(sizes) == 3, sizes
    damage(z, sizes, 0)
    damage(z, sizes, 2)
    with open(os.path.join(out, "good_between_bad.7z"), "wb") as f:
        f.write(z)
    exp = {n: ("none_or_partial", ["parse_error"], None) for n in a[1:] + c[1:]}
    exp[b[0]] = ("full", [], True)
    exp[b[1]] = ("full", [], None)
    exp[""] = ("partial", ["parse_error"], None)
    EXPECT["good_between_bad.7z"] = exp

    # 2. five folders: bad · bad · good · bad · good (one file each in the
    # good ones, 3-5 in the bad ones)
    d = os.path.join(work, "alt")
    os.makedirs(d)
    groups, exp = [], {}
    for k, good in enumerate((False, False, True, False, True)):
        g = ["f%d/m_%d_%d.txt" % (k, k, i) for i in range(1 if good else 3 + k)]
        for i, n in enumerate(g):
            wr(d, n, (filler(200, 200 + 10 * k + i) + PII) if good else filler(700, 300 + 10 * k + i))
            exp[n] = ("full", [], True) if good else ("none_or_partial", ["parse_error"], None)
        groups.append(g)
    z, sizes = build_7z(d, "m.7z", groups)
    assert len(sizes) == 5, sizes
    for k in (0, 1, 3):
        damage(z, sizes, k)
    with open(os.path.join(out, "alternating.7z"), "wb") as f:
        f.write(z)
    exp[""] = ("partial", ["parse_error"], None)
    EXPECT["alternating.7z"] = exp


def sevenzip_link(out, work):
    """A solid folder holding a symbolic link (7z -snl) after the damage,
    then a folder of its own: libarchive reads a link's target while
    listing, so the listing ends at the link; the members after it were
    left out without a word, now a note says so."""
    if not have("7z"):
        return
    d = os.path.join(work, "link")
    os.makedirs(os.path.join(d, "d"))
    names = ["d/f%d.txt" % i for i in range(5)]
    for i, n in enumerate(names):
        wr(d, n, filler(3000, 400 + i))
    os.symlink("f0.txt", os.path.join(d, "d", "g_link"))
    wr(d, "d/z_last.txt", filler(100, 5) + PII)
    run(["7z", "a", "-snl", "-ms=on", "-m0=LZMA2", "-mx=1", "m.7z"] + names[:3] + ["d/g_link"] + names[3:], d)
    run(["7z", "a", "-m0=LZMA2", "m.7z", "d/z_last.txt"], d)
    with open(os.path.join(d, "m.7z"), "rb") as f:
        z = bytearray(f.read())
    sizes = folder_sizes(d, "m.7z")
    at = 32 + sizes[0] // 4
    z[at:at + 64] = b"\xff" * 64
    with open(os.path.join(out, "link_in_damaged.7z"), "wb") as f:
        f.write(z)
    EXPECT["link_in_damaged.7z"] = {"": ("partial", ["parse_error"], "the listing stops after member")}


def generate_big(out, members=8000, each=5120):
    """big_damaged.7z: a solid folder of `members` files of `each` bytes,
    damaged at three quarters, then one small folder holding the PII."""
    work = os.path.join(out, ".work_big")
    os.makedirs(work)
    big = ["big/f%05d.txt" % i for i in range(members)]
    r = random.Random(7)
    for n in big:
        words = []
        size = 0
        while size < each:
            w = r.choice(WORDS)
            words.append(w)
            size += len(w) + 1
        wr(work, n, " ".join(words) + "\n")
    wr(work, "z/last.txt", filler(300, 3) + PII)
    with open(os.path.join(work, "list.txt"), "w") as f:
        f.write("\n".join(big) + "\n")
    run(["7z", "a", "-ms=on", "-m0=LZMA2", "-mx=1", "m.7z", "@list.txt"], work)
    run(["7z", "a", "-m0=LZMA2", "m.7z", "z/last.txt"], work)
    with open(os.path.join(work, "m.7z"), "rb") as f:
        z = bytearray(f.read())
    sizes = folder_sizes(work, "m.7z")
    at = 32 + sizes[0] * 3 // 4
    z[at:at + 64] = b"\xff" * 64
    p = os.path.join(out, "big_damaged.7z")
    with open(p, "wb") as f:
        f.write(z)
    shutil.rmtree(work)
    return p


def z_invalid_code(z):
    """Whether walking the compress stream z's codes (as libarchive takes
    them; no CLEAR codes in these files: checked) meets a code that is not
    valid (past the dictionary's next entry)."""
    maxbits, reset = z[2] & 0x1f, z[2] & 0x80
    free, bits, have_old = (257 if reset else 256), 9, False
    buf = avail = 0
    pos = 3
    while True:
        while avail < bits and pos < len(z):
            buf |= z[pos] << avail
            pos += 1
            avail += 8
        if avail < bits:
            return False
        code = buf & ((1 << bits) - 1)
        buf >>= bits
        avail -= bits
        assert not (code == 256 and reset), "CLEAR code: not made here"
        if code > free or (code == free and not have_old):
            return True
        if free < (1 << maxbits) and have_old:
            free += 1
        if free > (1 << bits) - 1 and bits < maxbits:
            bits += 1
        have_old = True


def z_cases(out, work):
    """compress (.Z) streams with bytes appended: text whose codes are not
    valid ones (libarchive failed the whole last block: the PII at the
    stream's end was lost), and the whole stream alone (quiet)."""
    if not have("compress"):
        return
    d = os.path.join(work, "z")
    os.makedirs(d)
    wr(d, "memo.txt", filler(15000, 60) + PII)
    z = subprocess.run(["compress", "-c", "-b16", "memo.txt"], cwd=d, check=True, capture_output=True).stdout
    for junk in (b"hello junk\n", b"#!/bin/sh\nexit 0\n", b"\xff" * 8):
        if z_invalid_code(z + junk):
            break
    else:
        return
    with open(os.path.join(out, "memo_junk.txt.Z"), "wb") as f:
        f.write(z + junk)
    EXPECT["memo_junk.txt.Z"] = {"": ("partial", ["parse_error"], "is not valid"),
                                 "memo_junk.txt": ("partial", ["parse_error"], True),
                                 "hidden_data": ("full", [], None)}
    JUNK["memo_junk.txt.Z"] = len(junk)
    with open(os.path.join(out, "memo.txt.Z"), "wb") as f:
        f.write(z)
    EXPECT["memo.txt.Z"] = {"": ("full", [], None), "memo.txt": ("full", [], True)}


def generate(out):
    """Write the fixtures into out; returns the names written."""
    os.makedirs(out, exist_ok=True)
    work = os.path.join(out, ".work")
    os.makedirs(work)
    sevenzip(out, work)
    sevenzip_link(out, work)
    z_cases(out, work)
    shutil.rmtree(work)
    return sorted(n for n in os.listdir(out))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "big":
        print(generate_big(sys.argv[1]))
    else:
        print("\n".join(generate(sys.argv[1])))
