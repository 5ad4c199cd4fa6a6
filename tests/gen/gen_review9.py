#!/usr/bin/env python3
"""Files for review9's findings on the lotus reader and the OLE2 streams no
reader takes (tests/e2e/test_review9.py).

    gen_review9.py OUTDIR

Written from the formats with Python's standard library (all values fake):
- staff.wq1: Quattro Pro for DOS 1-4 (BOF version 0x5120, the release 1-2
  cell layout) whose labels are a prefix character, a length byte and the
  text, no NUL, as Quattro Pro writes them (Tika's testQuattro.wq1): a
  header row "Name", "Record" and a row whose record label, 52 characters
  (the length byte is '4'), starts with an SSN;
- custom.doc: a Word document (gen_ole2.plain_doc) with streams no reader
  takes where the first walk did not look: a custom XML part in a storage
  (MsoDataStore/<id>/Item, as Word 2007+ keeps them in a .doc), a stream
  named "Workbook" (an Excel reader's name, but the Word reader ran: no
  reader read it), and streams whose names start with a control character
  other than OLE's own \\001-\\003 (a custom property set "\\005Payroll",
  "\\004Hidden");
- sheets.wb2: Quattro Pro for Windows, two sheets told apart only by their
  begin/end of sheet records (page bytes 0), an SSN number on the second;
- twice.wk1: 1-2-3 release 2 with one cell written twice ("n/a", then an
  SSN as a number);
- noprefix.wk3: 1-2-3 release 3 labels without a prefix character and a
  comment whose text starts at its fifth byte;
- shared.doc: a Word document whose directory points 64 custom streams at
  one other stream's sectors (cross-linked);
- works.wps: a compound file with property sets and streams of its own
  (no Word, Excel or PowerPoint stream), an SSN in each of two;
- many_entities(): a rule pack of 300 entities and a text matching each
  once, for the run summary's counters (not written by generate()).
"""
import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_ole2  # noqa: E402

SSN_WQ1 = "536-22-1874"


def rec(op, data=b""):
    return struct.pack("<HH", op, len(data)) + data


def wq1_label(col, row, text, prefix=b"'"):
    body = text.encode("cp850")
    assert len(body) < 256
    return rec(0x0F, struct.pack("<BHH", 0xFF, col, row) + prefix + bytes([len(body)]) + body)


def wq1_staff():
    record = (SSN_WQ1 + " Jane Roe, payroll record, HR office").ljust(52, ".")
    assert len(record) == 52  # its length byte is '4': glued to the SSN before the fix
    cells = [wq1_label(0, 0, "Name"), wq1_label(1, 0, "Record"),
             wq1_label(0, 1, "Jane Roe"), wq1_label(1, 1, record)]
    return rec(0x00, struct.pack("<H", 0x5120)) + b"".join(cells) + rec(0x01)


def qp_cell(op, col, row, data, page=0, fmt=1):
    return rec(op, struct.pack("<BBHH", col, page, row, fmt) + data)


def qp_label(col, row, text, page=0):
    return qp_cell(0x0F, col, row, b"'" + text.encode("cp1252") + b"\0", page)


def wb2_two_sheets():
    """Quattro Pro for Windows (BOF 0x1002), two sheets between begin (0xCA)
    and end (0xCB) of sheet records, every cell's page byte 0 (LibreOffice
    numbers sheets by those records alone): the second sheet's cells fell
    on the first's, hidden behind them."""
    s1 = [qp_label(0, 0, "Item"), qp_label(1, 0, "Qty"), qp_label(0, 1, "Bolts"),
          qp_cell(0x0D, 1, 1, struct.pack("<h", 40))]
    s2 = [qp_label(0, 0, "Name"), qp_label(1, 0, "SSN"), qp_label(0, 1, "Mary Major"),
          qp_cell(0x0E, 1, 1, struct.pack("<d", 318524409.0))]
    body = rec(0xCA) + b"".join(s1) + rec(0xCB) + rec(0xCA) + b"".join(s2) + rec(0xCB)
    return rec(0x00, struct.pack("<H", 0x1002)) + body + rec(0x01)


def wk1_same_cell_twice():
    """1-2-3 release 2: the same cell written twice, a label "n/a" and then
    an SSN as a number under an "SSN" header (1-2-3 shows the last): the
    reader kept the first and dropped the other unsaid."""
    def lab(col, row, text):
        return rec(0x0F, struct.pack("<BHH", 0xFF, col, row) + b"'" + text.encode("cp850") + b"\0")
    cells = [lab(0, 0, "Name"), lab(1, 0, "SSN"), lab(0, 1, "Ann Other"), lab(1, 1, "n/a"),
             rec(0x0E, struct.pack("<BHHd", 0xFF, 1, 1, 412613308.0))]
    return rec(0x00, struct.pack("<H", 0x0406)) + b"".join(cells) + rec(0x01)


def wk3_no_prefix():
    """1-2-3 release 3 (BOF of 26 bytes, version 0x1000): labels written
    without a prefix character and a cell comment whose text starts right
    after row, sheet and column (where LibreOffice reads it): the reader
    dropped the first character of each."""
    def cell(op, row, col, data):
        return rec(op, struct.pack("<HBB", row, 0, col) + data)
    cells = [cell(0x16, 0, 0, b"Name\0"), cell(0x16, 0, 1, b"Mail\0"),
             cell(0x16, 1, 0, b"Jane Roe\0"), cell(0x16, 1, 1, b"jane.roe@example.org\0"),
             cell(0x26, 1, 0, b"Call back about the 1994 payroll\0")]
    return rec(0x00, struct.pack("<HH", 0x1000, 0) + b"\0" * 22) + b"".join(cells) + rec(0x01)


def custom_doc():
    item = (b'<?xml version="1.0"?><payroll><employee><name>John Q Public</name>'
            b"<ssn>212-44-7781</ssn><mail>john.public@example.net</mail></employee></payroll>")
    return gen_ole2.plain_doc(extra={
        "MsoDataStore/QK3XZJ2QDA==/Item": item,
        "MsoDataStore/QK3XZJ2QDA==/Properties": b'<?xml version="1.0"?><ds:datastoreItem/>',
        "Workbook": b"Bonus list: Mary Major SSN 318-52-4409\n",
        "\x05Payroll": b"Custom set: Ann Other SSN 412-61-3308\n",
        "\x04Hidden": "Hidden note: SSN 509-33-2741".encode("utf-16-le"),
    })[0]


def many_entities(out, n=300):
    """A rule pack of n rules, each its own entity, and a text holding each
    rule's token once (the summary kept 128 entity names and dropped the
    rest's findings silently). Returns (rules path, text path)."""
    os.makedirs(out, exist_ok=True)
    rules = ['rule r%03d { meta: category = "custom" entity = "ent%03d" strings: $a = "zqtoken%03dx" '
             'condition: $a }' % (i, i, i) for i in range(n)]
    rp, tp = os.path.join(out, "many.yar"), os.path.join(out, "tokens.txt")
    with open(rp, "w") as f:
        f.write("\n".join(rules) + "\n")
    with open(tp, "w") as f:
        f.write(" ".join("zqtoken%03dx" % i for i in range(n)) + "\n")
    return rp, tp


def shared_doc():
    """A Word document whose directory points 64 custom streams at the one
    chain of sectors of a fifth ("Ledger", 20,000 bytes): real streams own
    disjoint sectors; these made 65 members of the file's bytes each (a
    4 MB file: 256 MB of members, two minutes of scanning)."""
    extra = {"Ledger": (b"Ledger line: Jane Roe SSN 536-22-1874\n" * 600)[:20000]}
    for i in range(64):
        extra["S%02d" % i] = b"x"
    d = bytearray(gen_ole2.plain_doc(extra=extra)[0])

    def entry(name):  # a directory entry: 128 bytes, its UTF-16 name first
        n = name.encode("utf-16-le") + b"\0\0"
        i = d.find(n)
        while i % 128:
            i = d.find(n, i + 1)
        return i
    start, size = struct.unpack_from("<IQ", d, entry("Ledger") + 116)
    for i in range(64):
        struct.pack_into("<IQ", d, entry("S%02d" % i) + 116, start, size)
    return bytes(d)


def works_like():
    """A compound file of a format no reader of ole2 knows (as Works,
    Visio, Publisher, Project, StarOffice 5 and Quattro Pro 7+ files are:
    property sets and the application's own streams): it said `full`
    while its streams were never read nor scanned raw."""
    from cfb_writer import CFBWriter
    w = CFBWriter()
    w.add_stream("\x05SummaryInformation", gen_ole2.summary_info("Staff list", "HR"))
    w.add_stream("MatOST", b"\x00\x01Staff: Paul Public SSN 623-41-5582 paul.public@example.com\x00")
    w.add_stream("Tables/Names", "Emergency contact SSN 137-48-2290".encode("utf-16-le"))
    return w.build()[0]


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {"staff.wq1": wq1_staff(), "custom.doc": custom_doc(), "sheets.wb2": wb2_two_sheets(),
             "twice.wk1": wk1_same_cell_twice(), "shared.doc": shared_doc(),
             "noprefix.wk3": wk3_no_prefix(), "works.wps": works_like()}
    for n, data in files.items():
        with open(os.path.join(out, n), "wb") as f:
            f.write(data)
    return {"custom.doc": {"MsoDataStore/QK3XZJ2QDA==/Item": "***-**-7781", "Workbook": "***-**-4409",
                           "Payroll": "***-**-3308", "Hidden": "***-**-2741"}}


if __name__ == "__main__":
    json.dump(generate(sys.argv[1]), sys.stdout, indent=1)
