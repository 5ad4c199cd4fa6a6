#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_unpack2.py: the unpacking gaps closed by the
unpack2 session, each made by the real tool where one exists here.

- 7z archives with several folders (solid blocks), one or more of which
  libarchive cannot decode (7-Zip's Deflate64 coder, "Unknown codec ID";
  a damaged LZMA2 block, "Decompression failed"), followed by folders it
  can: made by `7z a` in several steps (each adds a folder) or with -ms=off
  (one folder per file);
- gzip files and .tar.gz whose CRC-32 or ISIZE trailer is wrong (made by
  gzip / GNU tar, one trailer byte flipped), and healthy ones that must stay
  quiet: several members (`cat a.gz b.gz`), tape padding (zeros after the
  last member), bgzip-style blocked members with an empty last member;
- a compress (.Z) stream cut short (made by `compress`), and whole ones.

generate(dir) writes them and returns {name: (expectations)}; see CASES.
Needs 7z, gzip, tar and compress (command -v); a case whose tool is
missing is left out.
"""
import gzip
import os
import random
import shutil
import struct
import subprocess
import sys
import zlib

SSN = "536-22-1874"
CARD = "4556 7375 8689 9855"
PII = "Employee Jane Roe, SSN %s, card %s\n" % (SSN, CARD)

WORDS = ["alpha", "beta", "gamma", "delta", "ledger", "invoice", "payroll", "staff", "north", "south",
         "quarter", "budget", "memo", "review", "draft", "final"]


def filler(n, seed):
    r = random.Random(seed)
    return " ".join(r.choice(WORDS) for _ in range(n)) + "\n"


def have(tool):
    return shutil.which(tool) is not None


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wr(d, name, text):
    p = os.path.join(d, name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)


def packed_sizes(d, arc):
    out = subprocess.run(["7z", "l", "-slt", arc], cwd=d, check=True, capture_output=True, text=True).stdout
    return [int(ln.split("=")[1]) for ln in out.splitlines()
            if ln.startswith("Packed Size = ") and ln.split("=")[1].strip()]


# {file name: {member name: (coverage, reasons that must be there, PII expected found)}}
EXPECT = {}


def sevenzip(out, work):
    if not have("7z"):
        return
    # 1. a solid Deflate64 folder of three files, then two LZMA2 folders
    # (a solid one of three files, one of the PII file), then another
    # Deflate64 folder, then an LZMA2 file: every LZMA2 member is read
    d = os.path.join(work, "multi")
    os.makedirs(d)
    for i in range(3):
        wr(d, "old/d64_%d.txt" % i, filler(3000, i))
    for i in range(3):
        wr(d, "new/lz_%d.txt" % i, filler(2000, 10 + i))
    wr(d, "new/staff.txt", filler(1500, 20) + PII)
    wr(d, "late/d64_late.txt", filler(3000, 30))
    wr(d, "late/z_last.txt", filler(1000, 31) + PII)
    run(["7z", "a", "-ms=on", "-m0=Deflate64", "m.7z", "old"], d)
    run(["7z", "a", "-ms=on", "-m0=LZMA2", "m.7z", "new/lz_0.txt", "new/lz_1.txt", "new/lz_2.txt"], d)
    run(["7z", "a", "-m0=LZMA2", "m.7z", "new/staff.txt"], d)
    run(["7z", "a", "-m0=Deflate64", "m.7z", "late/d64_late.txt"], d)
    run(["7z", "a", "-m0=LZMA2", "m.7z", "late/z_last.txt"], d)
    shutil.move(os.path.join(d, "m.7z"), os.path.join(out, "folders_deflate64.7z"))
    exp = {"old/d64_%d.txt" % i: ("none_or_partial", ["unsupported"], None) for i in range(3)}
    exp.update({"new/lz_%d.txt" % i: ("full", [], None) for i in range(3)})
    exp["new/staff.txt"] = ("full", [], True)
    exp["late/d64_late.txt"] = ("none_or_partial", ["unsupported"], None)
    exp["late/z_last.txt"] = ("full", [], True)
    exp[""] = ("partial", ["unsupported"], None)
    EXPECT["folders_deflate64.7z"] = exp

    # 2. one folder per file (-ms=off); the middle file's LZMA2 data is
    # overwritten: 7-Zip extracts the first and the last
    d = os.path.join(work, "dmg")
    os.makedirs(d)
    wr(d, "a_first.txt", filler(4000, 40))
    wr(d, "b_mid.txt", filler(4000, 41))
    wr(d, "c_last.txt", filler(4000, 42) + PII)
    run(["7z", "a", "-ms=off", "-m0=LZMA2", "d.7z", "a_first.txt", "b_mid.txt", "c_last.txt"], d)
    sizes = packed_sizes(d, "d.7z")
    with open(os.path.join(d, "d.7z"), "rb") as f:
        z = bytearray(f.read())
    at = 32 + sizes[0] + sizes[1] // 2  # packed streams follow the 32-byte start header
    z[at:at + 64] = b"\xff" * 64
    with open(os.path.join(out, "folder_damaged.7z"), "wb") as f:
        f.write(z)
    EXPECT["folder_damaged.7z"] = {"a_first.txt": ("full", [], None),
                                   "b_mid.txt": ("partial", ["parse_error"], None),
                                   "c_last.txt": ("full", [], True),
                                   "": ("partial", ["parse_error"], None)}


def gz_cases(out, work):
    """gzip and .tar.gz with a wrong trailer (CRC-32 or ISIZE: one byte
    flipped), and healthy shapes that must stay quiet."""
    if not (have("gzip") and have("tar")):
        return
    d = os.path.join(work, "gz")
    os.makedirs(d)
    text = filler(30000, 50) + PII
    wr(d, "ledger.txt", text)
    run(["gzip", "-k", "-9", "ledger.txt"], d)
    run(["tar", "-czf", "t.tar.gz", "ledger.txt"], d)
    with open(os.path.join(d, "ledger.txt.gz"), "rb") as f:
        gz = f.read()
    with open(os.path.join(d, "t.tar.gz"), "rb") as f:
        tgz = f.read()

    def flip(data, back):
        b = bytearray(data)
        b[len(b) - back] ^= 0x01
        return bytes(b)

    def put(name, data, exp):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        EXPECT[name] = exp

    # the trailer is CRC-32 (8..5 bytes from the end) then ISIZE (4..1)
    put("crc_bad.tar.gz", flip(tgz, 8), {"": ("partial", ["parse_error"], "crc error"),
                                         "ledger.txt": ("full", [], True)})
    put("isize_bad.tar.gz", flip(tgz, 3), {"": ("partial", ["parse_error"], "length error"),
                                           "ledger.txt": ("full", [], True)})
    put("isize_bad.txt.gz", flip(gz, 4), {"": ("partial", ["parse_error"], "length error"),
                                          "isize_bad.txt": ("full", [], True)})
    put("crc_bad.txt.gz", flip(gz, 6), {"crc_bad.txt": ("partial", ["parse_error"], True)})
    # the second member of two is the damaged one
    half = len(text) // 2
    first = gzip.compress(text[:half].encode(), mtime=0)
    second = gzip.compress(text[half:].encode(), mtime=0)
    put("second_bad.txt.gz", first + flip(second, 7), {"": ("partial", ["parse_error"], "crc error")})
    # healthy: several members, zeros after the last (tape padding),
    # bgzip-style blocks ending in an empty member, a full-flush stream
    # (pigz -i style), a tar.gz padded to a 10240-byte record
    put("members.txt.gz", first + second, {"": ("full", [], None), "members.txt": ("full", [], True)})
    put("padded.tar.gz", tgz + b"\0" * (10240 - len(tgz) % 10240),
        {"": ("full", [], None), "ledger.txt": ("full", [], True)})
    raw = text.encode()
    blocks = [gzip.compress(raw[i:i + 65280], mtime=0) for i in range(0, len(raw), 65280)]
    put("blocked.txt.gz", b"".join(blocks) + gzip.compress(b"", mtime=0),
        {"": ("full", [], None), "blocked.txt": ("full", [], True)})
    co = zlib.compressobj(6, zlib.DEFLATED, 16 + 15)
    ff = b"".join(co.compress(raw[i:i + 131072]) + co.flush(zlib.Z_FULL_FLUSH)
                  for i in range(0, len(raw), 131072)) + co.flush()
    put("fullflush.txt.gz", ff, {"": ("full", [], None), "fullflush.txt": ("full", [], True)})


def z_cases(out, work):
    """compress (.Z): a stream cut inside a code, and whole ones (also a
    tar.Z padded to its block by bsdtar) that must stay full."""
    if not have("compress"):
        return
    d = os.path.join(work, "z")
    os.makedirs(d)
    text = filler(40000, 60) + PII
    wr(d, "memo.txt", text)
    for bits in (12, 16):
        z = subprocess.run(["compress", "-c", "-b%d" % bits, "memo.txt"], cwd=d, check=True,
                           capture_output=True).stdout
        name = "memo%d.txt.Z" % bits
        with open(os.path.join(out, name), "wb") as f:
            f.write(z)
        EXPECT[name] = {"": ("full", [], None), "memo%d.txt" % bits: ("full", [], True)}
        # cut where the bits left over after the last whole code are not
        # zero: the first such cut after the middle
        for cut in range(len(z) // 2, len(z)):
            if z_left_bits(z[:cut]):
                break
        name = "cut%d.txt.Z" % bits
        with open(os.path.join(out, name), "wb") as f:
            f.write(z[:cut])
        EXPECT[name] = {"": ("partial", ["truncated"], "cut short"),
                        "cut%d.txt" % bits: ("partial", ["truncated"], "cut short")}
    if have("bsdtar"):
        run(["bsdtar", "-cZf", "memo.tar.Z", "memo.txt"], d)
        with open(os.path.join(d, "memo.tar.Z"), "rb") as f:
            z = f.read()
        with open(os.path.join(out, "memo_block.tar.Z"), "wb") as f:
            f.write(z + b"\0" * (10240 - len(z) % 10240))
        EXPECT["memo_block.tar.Z"] = {"": ("full", [], None), "memo.txt": ("full", [], True)}


def z_left_bits(z):
    """Whether the compress stream z ends with non-zero bits that make no
    whole code (LZW code widths as ncompress writes them: 9 bits up, one
    more when the dictionary's next entry would not fit; no CLEAR codes in
    these files' first half: they are checked)."""
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
            return (buf & ((1 << avail) - 1)) != 0
        code = buf & ((1 << bits) - 1)
        buf >>= bits
        avail -= bits
        if code == 256 and reset:
            return False  # not made here
        if free < (1 << maxbits) and have_old:
            free += 1
        if free > (1 << bits) - 1 and bits < maxbits:
            bits += 1
        have_old = True


SPARSE_DATA = 6 << 20


def sparse_cases(out):
    """Root files with holes, bigger than the test's --max-scan (16 MiB; the
    default is 1 GiB): one whose data (a header, then the PII at 80 MiB)
    is far below it, one whose data (24 MiB of text) is over it. Made with
    seek + write, as a preallocated database or disk image is. Returns
    False where the file system keeps no holes (SEEK_DATA missing)."""
    p = os.path.join(out, "disk.img")
    with open(p, "wb") as f:
        f.write(b"DISKIMG0 volume header\n" * 100)
        f.seek(80 << 20)
        f.write(PII.encode())
        f.truncate(96 << 20)
    EXPECT["disk.img"] = {"": ("full", [], True)}
    p2 = os.path.join(out, "big_data.img")
    with open(p2, "wb") as f:
        f.seek(32 << 20)
        blob = (filler(200000, 70)).encode()
        while f.tell() < (32 << 20) + (24 << 20):
            f.write(blob)
        f.write(PII.encode())
        f.truncate(96 << 20)
    EXPECT["big_data.img"] = {"": ("partial", ["limit:scan"], None)}
    try:
        with open(p, "rb") as f:
            return os.lseek(f.fileno(), 0, os.SEEK_HOLE) < (96 << 20)
    except (AttributeError, OSError):
        return False


def generate(out, sparse_dir=None):
    """Write the fixtures into out (and the sparse files into sparse_dir,
    if given); returns the names written."""
    os.makedirs(out, exist_ok=True)
    work = os.path.join(out, ".work")
    os.makedirs(work)
    sevenzip(out, work)
    gz_cases(out, work)
    z_cases(out, work)
    shutil.rmtree(work)
    names = sorted(n for n in os.listdir(out))
    if sparse_dir is not None:
        os.makedirs(sparse_dir, exist_ok=True)
        if not sparse_cases(sparse_dir):
            for n in ("disk.img", "big_data.img"):
                EXPECT.pop(n, None)
    return names


if __name__ == "__main__":
    print("\n".join(generate(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
