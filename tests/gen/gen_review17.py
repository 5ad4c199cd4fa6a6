#!/usr/bin/env python3
"""Files for review17's findings on the split-archive code of the sixteenth
and seventeenth sessions (src/pipeline/splitset.c); tests/e2e/test_review17.py.

    gen_review17.py OUTDIR

Written from scratch with Python's standard library and 7z (scripts/deps-
debian.txt; the 7z cases are left out without it). All values fake.

A file named as the next part of a split archive was joined to it by name
alone and recorded by reference (coverage full, the set's verdict), even
when the archive before it is whole and says so in its own header: no
reader ever read that file's bytes, and what it held was never found.
- w7/notes.7z.001 (a whole 7z of a text file) and w7/notes.7z.002 (a CSV
  with SSNs, smaller): .002 read clean by reference;
- v7/data.7z.001, .002 (a 7z -v1k set, whole in its two parts) and
  v7/data.7z.003 (a CSV with SSNs, under 1 KiB): .003 likewise;
- r4/report.rar (a RAR 4 archive, stored, no volume) and r4/report.r00 (a
  CSV with SSNs): .r00 likewise;
- zs/sp.z01 and zs/sp.zip (zip -s 64k of a 100 KB blob: two disks, as the
  .zip's end record says) and zs/sp.z02 (a CSV with SSNs, padded to the
  size of sp.z01): joined between them, .z02 read by reference and the
  blob cut (partial);
- rv/arch.rar and rv/arch.r00 (a RAR 4 set of two volumes, one stored
  file in each, the second's end block without "next volume") and
  rv/arch.r01 (a CSV with SSNs): .r01 likewise.
- t7/notes.7z: a whole 7z with the CSV appended: the 7z reader stopped at
  the archive's end and said full, the SSNs after it never read (tar,
  gzip, zip read such bytes as the member hidden_data).
Each such file is now a root of its own (its SSNs found); real sets (the
7z -v set's and the zip -s set's parts) are still joined. The RAR set's
two volumes each hold whole files: each is a root read alone (split18).
"""
import os
import random
import shutil
import subprocess
import sys
import zlib

SSNS = ["536-22-%04d" % (1874 + i) for i in range(6)]


def csv_rows():
    rows = ["name,ssn,dept"]
    for i, s in enumerate(SSNS):
        rows.append("Jane Roe %d,%s,payroll" % (i, s))
    return ("\n".join(rows) + "\n").encode()


def filler(n):
    words = ["quarterly", "budget", "review", "meeting", "notes", "agenda", "travel", "office"]
    r = random.Random(17)
    out = []
    while sum(len(w) + 1 for w in out) < n:
        out.append(r.choice(words))
    return (" ".join(out) + "\n").encode()


def rar4_stored(name, data):
    """A RAR 4 archive holding one stored file (no volume, no solid)."""
    def block(typ, flags, body, add=b""):
        size = 7 + len(body)
        head = bytes([typ]) + flags.to_bytes(2, "little") + size.to_bytes(2, "little") + body
        crc = zlib.crc32(head) & 0xFFFF
        return crc.to_bytes(2, "little") + head + add
    out = b"Rar!\x1a\x07\x00"
    out += block(0x73, 0, b"\0" * 6)  # main header: flags 0 (no volume)
    fn = name.encode()
    body = (len(data).to_bytes(4, "little") + len(data).to_bytes(4, "little") + bytes([3]) +
            (zlib.crc32(data) & 0xFFFFFFFF).to_bytes(4, "little") + (0x5A2E6000).to_bytes(4, "little") +
            bytes([20, 0x30]) + len(fn).to_bytes(2, "little") + (0x20).to_bytes(4, "little") + fn)
    out += block(0x74, 0x8000, body, data)
    out += block(0x7B, 0x4000, b"")
    return out


def rar4_volumes(files):
    """A RAR 4 volume set, one whole stored file in each volume: the first
    volumes' end blocks say a next volume follows, the last's does not."""
    def block(typ, flags, body, add=b""):
        size = 7 + len(body)
        head = bytes([typ]) + flags.to_bytes(2, "little") + size.to_bytes(2, "little") + body
        crc = zlib.crc32(head) & 0xFFFF
        return crc.to_bytes(2, "little") + head + add
    vols = []
    for k, (name, data) in enumerate(files):
        last = k + 1 == len(files)
        out = b"Rar!\x1a\x07\x00"
        out += block(0x73, 0x0001 | (0x0100 if k == 0 else 0), b"\0" * 6)  # volume (first volume)
        fn = name.encode()
        body = (len(data).to_bytes(4, "little") + len(data).to_bytes(4, "little") + bytes([3]) +
                (zlib.crc32(data) & 0xFFFFFFFF).to_bytes(4, "little") + (0x5A2E6000).to_bytes(4, "little") +
                bytes([20, 0x30]) + len(fn).to_bytes(2, "little") + (0x20).to_bytes(4, "little") + fn)
        out += block(0x74, 0x8000, body, data)
        out += block(0x7B, 0x4000 | (0 if last else 0x0001), b"")
        vols.append(out)
    return vols


def have_7z():
    return shutil.which("7z") is not None


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    cases = []
    r4 = os.path.join(outdir, "r4")
    os.makedirs(r4, exist_ok=True)
    with open(os.path.join(r4, "report.rar"), "wb") as f:
        f.write(rar4_stored("minutes.txt", filler(2000)))
    with open(os.path.join(r4, "report.r00"), "wb") as f:
        f.write(csv_rows())
    cases.append(("r4/report.rar", "r4/report.r00"))
    rv = os.path.join(outdir, "rv")
    os.makedirs(rv, exist_ok=True)
    vols = rar4_volumes([("part_a.txt", filler(1500)[:1500]), ("part_b.txt", filler(1500)[:1500])])
    for name, data in zip(("arch.rar", "arch.r00"), vols):
        with open(os.path.join(rv, name), "wb") as f:
            f.write(data)
    with open(os.path.join(rv, "arch.r01"), "wb") as f:
        f.write(csv_rows())
    cases.append(("rv/arch.rar", "rv/arch.r01"))
    if have_7z():
        w7 = os.path.join(outdir, "w7")
        os.makedirs(w7, exist_ok=True)
        with open(os.path.join(w7, "minutes.txt"), "wb") as f:
            f.write(filler(3000))
        subprocess.run(["7z", "a", "-bd", "-bso0", "-mx0", "notes.7z", "minutes.txt"], cwd=w7, check=True)
        os.remove(os.path.join(w7, "minutes.txt"))
        os.rename(os.path.join(w7, "notes.7z"), os.path.join(w7, "notes.7z.001"))
        with open(os.path.join(w7, "notes.7z.002"), "wb") as f:
            f.write(csv_rows())
        cases.append(("w7/notes.7z.001", "w7/notes.7z.002"))
        v7 = os.path.join(outdir, "v7")
        os.makedirs(v7, exist_ok=True)
        # a set of two whole 1 KiB parts (the blob's size fitted to make the
        # archive 2 KiB: a third file no larger passes the parts' size rule)
        n = 1500
        for _ in range(4):
            for x in os.listdir(v7):
                os.remove(os.path.join(v7, x))
            with open(os.path.join(v7, "blob.bin"), "wb") as f:
                f.write(random.Random(7).randbytes(n))
            subprocess.run(["7z", "a", "-bd", "-bso0", "-mx0", "data.7z", "blob.bin"], cwd=v7, check=True)
            total = os.path.getsize(os.path.join(v7, "data.7z"))
            if total == 2048:
                break
            n += 2048 - total
        os.remove(os.path.join(v7, "data.7z"))
        subprocess.run(["7z", "a", "-bd", "-bso0", "-mx0", "-v1k", "data.7z", "blob.bin"], cwd=v7, check=True)
        os.remove(os.path.join(v7, "blob.bin"))
        with open(os.path.join(v7, "data.7z.003"), "wb") as f:
            f.write(csv_rows())
        cases.append(("v7/data.7z.001", "v7/data.7z.003"))
        # one 7z with the CSV appended (cat x.7z rows.csv): the 7z reader
        # stops at the archive's end; the bytes after it are a hidden member
        t7 = os.path.join(outdir, "t7")
        os.makedirs(t7, exist_ok=True)
        with open(os.path.join(w7, "notes.7z.001"), "rb") as f:
            whole = f.read()
        with open(os.path.join(t7, "notes.7z"), "wb") as f:
            f.write(whole + csv_rows())
        tail = ["t7/notes.7z"]
    else:
        tail = []
    # rv/arch.r00: a RAR 4 volume of whole files after one whose last member
    # ends in it is a root of its own since split18 (363f3bc: libarchive's
    # RAR 4 reader stops at a volume's end block, so joined it was never read)
    joined = ["v7/data.7z.002"] if have_7z() else []
    if shutil.which("zip"):
        zs = os.path.join(outdir, "zs")
        os.makedirs(zs, exist_ok=True)
        with open(os.path.join(zs, "blob.bin"), "wb") as f:
            f.write(random.Random(5).randbytes(100000))
        subprocess.run(["zip", "-q", "-s", "64k", "sp.zip", "blob.bin"], cwd=zs, check=True)
        os.remove(os.path.join(zs, "blob.bin"))
        rows = csv_rows()
        size = os.path.getsize(os.path.join(zs, "sp.z01"))
        with open(os.path.join(zs, "sp.z02"), "wb") as f:
            f.write(rows + b" " * (size - len(rows)))
        cases.append(("zs/sp.zip", "zs/sp.z02"))
        joined.append("zs/sp.z01")
    return {"cases": cases, "ssns": SSNS, "joined": joined, "appended": tail, "own_roots": ["rv/arch.r00"]}


if __name__ == "__main__":
    generate(sys.argv[1])
