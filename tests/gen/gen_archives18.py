#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_archives18.py: archives cut where libarchive
3.6 takes the end of the input for the end of the archive, found by cutting
real archives (libarchive's own test files, never copied here, and
archives made by bsdtar, GNU tar, 7-Zip, Info-ZIP and the compressors) at
ten points each. Each was `full`, its cut unseen; each is written here from
scratch with the standard library (or the compressor tools of
scripts/deps-debian.txt) and cut the same way:

- a tar cut just after a member's data (between two members), and one cut
  after the pax extended header of its second member, before that
  member's own header: libarchive ends the walk quietly at the end of the
  input (no end-of-archive blocks were read);
- a tar cut inside its zero padding (the end-of-archive blocks are there,
  the file ends inside a 512-byte block);
- compressed tars (gzip, bzip2, xz, lzip, zstd, lz4) followed by an
  empty stream, cut in their last bytes: the tar inside ends (its
  end-of-archive blocks decode) before the data does, libarchive reads no
  further, and the last stream's end is missing; an lz4 tar of one frame
  cut in its end mark;
- an ar archive cut inside its second member's 60-byte header;
- an RPM package cut inside its header (the payload, the files, missing:
  libarchive's rpm filter hands on an empty stream, 0 members, `full`);
- a RAR 5 archive without its end of archive header (cut between two
  headers);
- the first volume of a RAR 5 set alone, its member going on in the next
  volume: libarchive ends that member's data quietly after the half this
  volume holds;
- a 7z whose LZMA2 data goes through 7-Zip's ARM64 or RISC-V filter
  (libarchive 3.6 lacks both: "Unexpected codec ID"): `unsupported`, not
  `parse_error`.

And the same archives whole (each must stay `full`: the checks read the
format's own end, not a guess). generate(dir) writes them and fills EXPECT
{file: {member: (coverage, reasons that must be there, PII found or an
errors substring)}} (checked by lsutil.check_expect).
"""
import bz2
import gzip
import io
import lzma
import os
import shutil
import struct
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arc_common import PII, SSN, have, memo, tar_bytes, tool_compress  # noqa: E402,F401 (shared PII)
from gen_unpack4 import rpm_package  # noqa: E402
from gen_rarcab import (FHFL_CRC32, FHFL_UTIME, RAR5_SIG, UNIX_TIME, crc32, rar5_archive,  # noqa: E402
                        rar5_block, rar5_file, vint)

EXPECT = {}

MEMO = memo(20)


def member_end(tar, index):
    """Where member `index`'s data ends (padded to 512) in a tar."""
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        m = t.getmembers()[index]
        return m.offset_data + (m.size + 511) // 512 * 512


def header_at(tar, index):
    """Where member `index`'s own ustar header starts (after any pax or
    GNU long-name headers in front of it)."""
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        return t.getmembers()[index].offset


def write(out, name, data, expect):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    EXPECT[name] = expect


def tar_cases(out):
    members = [("memo.txt", MEMO), ("hr/staff.csv", PII.encode())]
    whole = tar_bytes(members)
    write(out, "whole.tar", whole, {"": ("full", [], None), "hr/staff.csv": ("full", [], True)})
    cut = whole[:member_end(whole, 1)]
    write(out, "cut_between_members.tar", cut, {
        "": ("partial", ["truncated"], "without its end-of-archive blocks"),
        "memo.txt": ("full", [], None),
        "hr/staff.csv": ("full", [], True)})
    # pax: the second member's name is not ASCII, so a pax header (type x)
    # comes in front of its own header; cut between the two
    pax = tar_bytes([("memo.txt", MEMO), ("hr/donn\u00e9es.csv", PII.encode())], tarfile.PAX_FORMAT)
    write(out, "pax_whole.tar", pax, {"": ("full", [], None)})
    write(out, "cut_after_pax_header.tar", pax[:header_at(pax, 1)], {
        "": ("partial", ["truncated"], "without its end-of-archive blocks"),
        "memo.txt": ("full", [], None)})
    write(out, "cut_in_padding.tar", whole[:len(whole) - 100], {
        "": ("partial", ["truncated"], "into a 512-byte block"),
        "hr/staff.csv": ("full", [], True)})


def stream_cases(out):
    """A tar compressed, then an empty stream after it (`cat a.tar.gz
    empty.gz`, pigz/pbzip2 writing a last empty member), cut in the last
    bytes: the tar's end-of-archive blocks decode from the first stream,
    libarchive reads no further, and the second stream's end (gzip's
    trailer, bzip2's end-of-stream marker, xz's footer, lzip's trailer, a
    zstd or lz4 frame's last block) is missing. And lz4 (one frame) cut in
    its last bytes: libarchive's lz4 filter hands on every block it has
    without looking for the end mark."""
    tar = tar_bytes([("memo.txt", MEMO), ("hr/staff.csv", PII.encode())])
    comp = {
        "tar.gz": lambda d: gzip.compress(d, mtime=0),
        "tar.bz2": bz2.compress,
        "tar.xz": lambda d: lzma.compress(d, format=lzma.FORMAT_XZ),
    }
    if have("lzip"):
        comp["tar.lz"] = lambda d: tool_compress(["lzip", "-c"], d)
    if have("zstd"):
        comp["tar.zst"] = lambda d: tool_compress(["zstd", "-q", "-c"], d)
    if have("lz4"):
        comp["tar.lz4"] = lambda d: tool_compress(["lz4", "-q", "-c"], d)
    for ext, f in comp.items():
        data = f(tar) + f(b"")
        write(out, "whole." + ext, data, {"": ("full", [], None), "hr/staff.csv": ("full", [], True)})
        if ext in ("tar.bz2", "tar.lz"):
            # (gzip, xz, zstd and lz4 cut so fail in libarchive's filter:
            # partial already, with what zlib could salvage)
            write(out, "cut_last_bytes." + ext, data[:-3], {
                "": ("partial", ["truncated"], "cut short"),
                "hr/staff.csv": ("full", [], True)})
    if have("lz4"):
        # lines of varied text: a tar of 270 KB, several lz4 blocks
        big = "".join("%06d payroll line %s\n" % (i, "abcdefghij"[i % 10] * (i % 37)) for i in range(9000))
        one = tool_compress(["lz4", "-q", "-c"], tar_bytes([("big.txt", big.encode()),
                                                             ("hr/staff.csv", PII.encode())]))
        write(out, "whole_one_frame.tar.lz4", one, {"": ("full", [], None)})
        write(out, "cut_one_frame.tar.lz4", one[:-1], {
            "": ("partial", ["truncated"], "does not end inside the file"),
            "hr/staff.csv": ("full", [], True)})


def ar_member(name, data):
    h = (name.encode() + b"/").ljust(16) + b"1700000000".ljust(12) + b"0".ljust(6) + b"0".ljust(6)
    h += b"100644".ljust(8) + str(len(data)).encode().ljust(10) + b"`\n"
    assert len(h) == 60
    return h + data + (b"\n" if len(data) % 2 else b"")


def ar_cases(out):
    first = ar_member("staff.txt", PII.encode() + b"x")  # odd: padded
    second = ar_member("memo.txt", MEMO)
    whole = b"!<arch>\n" + first + second
    write(out, "whole.ar", whole, {"": ("full", [], None), "staff.txt": ("full", [], True)})
    write(out, "cut_in_header.ar", whole[:8 + len(first) + 30], {
        "": ("partial", ["truncated"], "inside member 2's 60-byte header"),
        "staff.txt": ("full", [], True)})


def rpm_cases(out):
    files = [("./usr/share/doc/acme-hr/staff.csv", PII.encode(), 0o100644)]
    whole = rpm_package("acme-hr", files)
    write(out, "whole.rpm", whole, {"": ("full", [], None)})
    write(out, "cut_in_header.rpm", whole[:96 + 40], {
        "": ("partial", ["truncated"], "rpm: the file ends inside its")})


def rar5_cases(out):
    files = [rar5_file(b"memo.txt", MEMO), rar5_file(b"hr/staff.txt", PII.encode())]
    write(out, "whole.rar", rar5_archive(files), {"": ("full", [], None),
                                                  "hr/staff.txt": ("full", [], True)})
    write(out, "no_end_header.rar", rar5_archive(files, end=False), {
        "": ("partial", ["truncated"], "before its end of archive header"),
        "hr/staff.txt": ("full", [], True)})


def rar5_volume_case(out):
    """The first volume of a RAR 5 set alone (its other parts missing): its
    member goes on in the next volume (file header flag 0x0010, "split
    after"); libarchive hands on the half in this volume and ends the data
    quietly: it read `full`."""
    data = (PII * 40).encode()
    half = data[:len(data) // 2]
    fields = (vint(FHFL_UTIME | FHFL_CRC32) + vint(len(data)) + vint(0x20) + struct.pack("<I", UNIX_TIME) +
              struct.pack("<I", crc32(half)) + vint(0) + vint(0) + vint(9) + b"staff.txt")
    vol = (RAR5_SIG + rar5_block(1, 0, vint(1)) +            # main header: archive flag "volume"
           rar5_block(2, 0x0010, fields, data=half, data_size=len(half)) +
           rar5_block(5, 0, vint(1)))                         # end of archive: "not the last volume"
    write(out, "first_volume_alone.part1.rar", vol, {
        "": ("partial", ["truncated"], "the rest is in the next volume"),
        "staff.txt": ("partial", ["truncated"], "ended after 1220 of the 2440 bytes")})


def sevenzip_filter_cases(out):
    """7-Zip 23+'s ARM64 and RISC-V branch filters in front of LZMA2 (`7z a
    -m0=ARM64 -m1=LZMA2`), which libarchive 3.6 lacks ("Unexpected codec
    ID: a"): a method it cannot decode, `unsupported` (it said
    parse_error, as if the 7z were damaged; 7-Zip tests it sound)."""
    if not have("7z"):
        return
    codecs = subprocess.run(["7z", "i"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    src = os.path.join(out, "filter_src")
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, "staff.txt"), "w") as f:
        f.write(PII * 50)
    for flt in ("ARM64", "RISCV"):
        if (" %s\n" % flt).encode() not in codecs:
            continue
        name = "filter_%s.7z" % flt.lower()
        subprocess.run(["7z", "a", "-bd", "-m0=" + flt, "-m1=LZMA2", os.path.join(out, name), "staff.txt"],
                       cwd=src, stdout=subprocess.DEVNULL, check=True)
        EXPECT[name] = {"": ("partial", ["unsupported"], "cannot decode"),
                        "staff.txt": ("partial", ["unsupported"], "Unexpected codec ID")}
    shutil.rmtree(src)


def generate(out):
    os.makedirs(out, exist_ok=True)
    EXPECT.clear()
    tar_cases(out)
    stream_cases(out)
    ar_cases(out)
    rpm_cases(out)
    rar5_cases(out)
    rar5_volume_case(out)
    sevenzip_filter_cases(out)
    return EXPECT


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "archives18")
