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


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    files = {
        "sst_overcount.xls": _xls(STRINGS, 15),
        "sst_cut.xls": _xls(STRINGS, 15, cut=8),
    }
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
