#!/usr/bin/env python3
"""Spreadsheets as real writers get them slightly wrong, found by the
real-document sweep of 2026-11-28 (PhpSpreadsheet, calamine test files):

- sst_overcount.xls: a BIFF8 SST whose unique count (15) is larger than the
  strings it holds (12), as PhpSpreadsheet's bug1592.xls and calamine's
  gh548_incorrect_sst_unique_count.xls (an NHS workbook) have it. Excel,
  LibreOffice and POI read the strings there; leaksift said
  'xls: damaged records in the workbook stream' (parse_error, partial).
- sst_cut.xls: the same with the last string cut inside its characters
  (still damage).
- unpadded.xls: a compound file whose last sector (the mini stream's) is
  not padded: the file ends inside the unused tail of the last mini sector,
  as PhpSpreadsheet's sample.xls does ('ole2: file ends inside sector 8',
  truncated, though the Workbook stream is whole). unpadded_cut.xls ends
  inside the Workbook itself (truncated).

    python3 gen_sheet_quirks.py OUTDIR
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import biff  # noqa: E402

STRINGS = ["Name", "SSN", "Jane Roe", "536-22-1874", "Notes", "overcount.owner@example.org"]


def _xls(strings, unique, cut=0):
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    body = struct.pack("<II", len(strings), unique)
    for s in strings:
        body += struct.pack("<HB", len(s), 0) + s.encode("latin-1")
    if cut:
        body = body[:-cut]
    sst = biff(0x00FC, body)
    name = "People"
    bs_len = 4 + 8 + len(name)
    glob_len = len(bof_g) + bs_len + len(sst) + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name.encode())
    glob = bof_g + bs + sst + biff(0x000A, b"")
    assert len(glob) == glob_len
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    cells = b""
    for i in range(len(strings)):
        cells += biff(0x00FD, struct.pack("<HHHI", i // 2, i % 2, 15, i))  # LABELSST
    wb = glob + bof_s + cells + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    return w.build()[0]


def _dirent(name, typ, child, start, size):
    n16 = name.encode("utf-16-le")
    e = n16.ljust(64, b"\0") + struct.pack("<HBB", len(n16) + 2 if name else 0, typ, 1)
    e += struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child) + b"\0" * 16
    return e + b"\0" * 20 + struct.pack("<IQ", start, size)


def unpadded_cfb(workbook, short):
    """Sector 0 FAT, 1 directory, 2 mini FAT, 3.. the mini stream (last in
    the file), which holds the Workbook; the file is cut `short` bytes
    before the end of the mini stream's last sector."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    nmini = (len(workbook) + 63) // 64
    ms = workbook.ljust(nmini * 64, b"\0")
    nsec = (len(ms) + 511) // 512
    fat = [0xFFFFFFFD, end, end] + [4 + i for i in range(nsec - 1)] + [end]
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    hdr += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    hdr += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2, 1, end, 0)
    hdr += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fatsec = b"".join(struct.pack("<I", v) for v in fat).ljust(512, b"\xff")
    d = _dirent("Root Entry", 5, 1, 3, len(ms)) + _dirent("Workbook", 2, 0xFFFFFFFF, 0, len(workbook))
    d += _dirent("", 0, 0xFFFFFFFF, 0, 0) * 2
    minifat = b"".join(struct.pack("<I", i + 1 if i + 1 < nmini else end) for i in range(nmini))
    blob = hdr + fatsec + d + minifat.ljust(512, b"\xff") + ms.ljust(nsec * 512, b"\0")
    return blob[:len(blob) - (nsec * 512 - len(ms)) - short]


def small_workbook():
    """The Workbook stream of _xls (under 4096 bytes, unpadded)."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = "People"
    label = "Jane Roe unpadded.owner@example.org"
    bs_len = 4 + 8 + len(name)
    glob_len = len(bof_g) + bs_len + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name.encode())
    glob = bof_g + bs + biff(0x000A, b"")
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    cell = biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, len(label), 0) + label.encode())
    wb = glob + bof_s + cell + biff(0x000A, b"")
    return wb + b"\0" * (64 * 3 - len(wb) % 64 - 11)  # ends 11 bytes before a mini sector boundary


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    files = {
        "sst_overcount.xls": _xls(STRINGS, 15),
        "sst_cut.xls": _xls(STRINGS, 15, cut=8),
        # the mini stream (3 sectors' worth rounded to 64) ends 11 bytes
        # past the Workbook: cut there, nothing of it is lost
        "unpadded.xls": unpadded_cfb(small_workbook(), 11),
        "unpadded_cut.xls": unpadded_cfb(small_workbook(), 40),
    }
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
