#!/usr/bin/env python3
"""Office 97-2003 files with streams no reader takes (tests/e2e/test_ole2_streams.py).

    gen_ole2_streams.py OUTDIR

A document read whole is not scanned raw, so a stream the readers do not
take must be handed on as a member, or what it holds is never looked at:
- extra.doc: a Word document (gen_ole2.plain_doc) with a custom stream
  "Secret" holding an SSN and an address in ASCII and "Notes16" one in
  UTF-16;
- revlog.xls: a BIFF8 workbook whose main stream is spelled "WORKBOOK"
  (names are case-insensitive: it must not come back as a member), with a
  shared workbook's "Revision Log" (an old cell value in UTF-16 inside
  BIFF records, as Excel keeps the edits of a shared workbook) and "User
  Names".
"""
import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_ole2  # noqa: E402
from cfb_writer import CFBWriter  # noqa: E402


def u16(s):
    return s.encode("utf-16-le")


def revlog_xls():
    biff = gen_ole2.biff
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = "Staff"
    bs_len = 4 + 8 + len(name)
    glob_len = len(bof_g) + bs_len + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name.encode())
    glob = bof_g + bs + biff(0x000A, b"")
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    lab = "Quarterly headcount"
    rows = biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, len(lab), 0) + lab.encode())
    wb = glob + bof_s + rows + biff(0x000A, b"")
    old = "Jane Roe, SSN 212-44-7781"
    revlog = biff(0x0138, b"\0" * 16) + biff(0x013D, struct.pack("<HHB", 3, len(old), 1) + u16(old))
    users = struct.pack("<I", 1) + u16("j.roe@example-corp.com") + b"\0\0"
    w = CFBWriter()
    w.add_stream("WORKBOOK", wb.ljust(4096, b"\0"))
    w.add_stream("Revision Log", revlog)
    w.add_stream("User Names", users)
    w.add_stream("\x05SummaryInformation", gen_ole2.summary_info("Headcount", "HR"))
    return w.build()[0]


def generate(out):
    os.makedirs(out, exist_ok=True)
    doc = gen_ole2.plain_doc(extra={
        "Secret": b"Employee Jane Roe SSN 536-22-1874 mail jane.roe@example.org\n",
        "Notes16": u16("Contact SSN 212-44-7781"),
    })[0]
    files = {"extra.doc": doc, "revlog.xls": revlog_xls()}
    for n, data in files.items():
        with open(os.path.join(out, n), "wb") as f:
            f.write(data)
    return {"extra.doc": ["Secret", "Notes16"], "revlog.xls": ["Revision Log", "User Names"]}


if __name__ == "__main__":
    json.dump(generate(sys.argv[1]), sys.stdout, indent=1)
