#!/usr/bin/env python3
"""Documents in formats leaksift has no reader for whose bytes do not hold
their text as it is (the opaque handler; tests/e2e/test_unread18.py,
fuzz/corpus/opaque/).

    python3 gen_unread18.py OUTDIR          # fixtures + expect.json
    python3 gen_unread18.py --seed DIR      # small fuzz seeds

Each file is written from scratch in its format's documented layout, with
fake text:

- a Microsoft Works for DOS spreadsheet: Works' BOF record (0x00FF,
  length 2, version 0x0404), then Lotus-style records (a label, a number
  cell holding an SSN as an IEEE double), EOF;
- an IBM DCA-RFT (DisplayWrite) document: structured fields (u16 length,
  class 0xE1, type), the first the Begin Document field (length 5, type
  0x03), the text in EBCDIC (code page 500);
- a Microsoft Reader eBook: 'ITOLITLS', version 1, header length 0x28,
  then its (LZX-compressed) sections, here random bytes;
- a Sony BBeB eBook: 'L\\0R\\0F\\0\\0\\0', version 1000, then a zlib stream;
- a Mobipocket (BOOKMOBI) and a PalmDOC (TEXtREAd) Palm database whose
  record 0 says compression 2 (PalmDOC LZ77), and look-alikes with
  compression 1 (the text records are the text: left to the raw scan);
- a Snappy framed stream: the stream identifier chunk, a compressed chunk.

A readable SSN (536-22-1874) follows each header as plain ASCII, so the
test can see the raw bytes are still scanned.

expect.json: {file: description the `errors` entry names | "other"}.
"""
import os
import random
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_opaque as go  # noqa: E402  (fixture and seed writers)

RND = random.Random(20261201)
PII = b" Employee SSN 536-22-1874 "


def rnd(n):
    return bytes(RND.getrandbits(8) for _ in range(n))


def works_wks():
    recs = b""
    # BOF 0x00FF (Works), length 2, version 0x0404
    recs += struct.pack("<HHH", 0x00FF, 2, 0x0404)
    # LABEL (0x0F): format, column, row, "'" + text + NUL
    label = b"'Payroll Q3" + b"\x00"
    recs += struct.pack("<HHBHH", 0x0F, 5 + len(label), 0xFF, 0, 0) + label
    # NUMBER (0x0E): format, column, row, IEEE double: an SSN as a number
    recs += struct.pack("<HHBHHd", 0x0E, 13, 0xFF, 1, 0, 536221874.0)
    recs += struct.pack("<HHBHHd", 0x0E, 13, 0xFF, 1, 1, 72500.0)
    # a note cell with the SSN as text, so the raw scan has something
    note = b"'" + PII + b"\x00"
    recs += struct.pack("<HHBHH", 0x0F, 5 + len(note), 0xFF, 0, 2) + note
    recs += struct.pack("<HH", 0x01, 0)  # EOF
    return recs


def lotus_wks():
    """A Lotus 1-2-3 .wks: BOF 0x0000 (the lotus handler's)."""
    recs = struct.pack("<HHH", 0x0000, 2, 0x0404)
    label = b"'Payroll Q3" + b"\x00"
    recs += struct.pack("<HHBHH", 0x0F, 5 + len(label), 0xFF, 0, 0) + label
    recs += struct.pack("<HH", 0x01, 0)
    return recs


def dca_rft():
    def sf(cls, typ, data):
        return struct.pack(">HBB", 4 + len(data), cls, typ) + data
    out = b"\x00\x05\xe1\x03\x00"  # Begin Document: length 5, class E1, type 03, one byte
    out += sf(0xE2, 0x05, b"\x00\x01\x51\x01\x00\x00\x00" + b"\x00" * 8)
    text = "Quarterly personnel review. Employee J. Sample, SSN 536-22-1874, grade 7.".encode("cp500")
    out += sf(0xE2, 0x01, b"\x00\x00")
    out += text
    out += b"\x2b\xd2\x04\x8a\x00\x00"  # a control sequence (line end)
    out += "Salary review due next month.".encode("cp500")
    out += PII  # plain ASCII after: the raw scan still runs
    return out


def lit():
    h = b"ITOLITLS" + struct.pack("<III", 1, 0x28, 5) + struct.pack("<I", 0xE8) + rnd(16)
    return h + rnd(200) + PII + rnd(200)


def lrf():
    h = b"L\x00R\x00F\x00\x00\x00" + struct.pack("<HHH", 1000, 0xFE00, 2) + b"\x00" * 60
    return h + zlib.compress(rnd(80) + b"chapter one", 9) + PII + rnd(64)


def palm(kind, creator, comp):
    text_rec = struct.pack(">HHIHHI", comp, 0, 400, 1, 4096, 0)
    if kind == b"BOOK":
        text_rec += b"MOBI" + struct.pack(">II", 0xE8, 2) + b"\x00" * 16
    if comp == 1:
        body = b"Chapter one. The payroll file lists" + PII + b"and nothing else."
    else:
        body = rnd(120) + PII + rnd(120)
    name = b"Lorem Ipsum".ljust(32, b"\x00")
    nrec = 2
    off0 = 78 + 8 * nrec + 2
    off1 = off0 + len(text_rec)
    hdr = name + struct.pack(">HHIIIIII", 0, 0, 0x5066230E, 0x5066230E, 0, 0, 0, 0)
    hdr += kind + creator + struct.pack(">IIH", 0, 0, nrec)
    hdr += struct.pack(">IBBH", off0, 0, 0, 0) + struct.pack(">IBBH", off1, 0, 0, 1)
    hdr += b"\x00\x00"
    assert len(hdr) == off0
    return hdr + text_rec + body


def snappy():
    chunk = rnd(100) + PII
    return b"\xff\x06\x00\x00sNaPpY" + bytes([0x00]) + struct.pack("<I", len(chunk) + 4)[:3] + rnd(4) + chunk


def fixtures():
    f = {}
    f["budget.wks"] = (works_wks(), "Microsoft Works for DOS spreadsheet")
    f["review.doc"] = (dca_rft(), "IBM DCA-RFT / DisplayWrite document")
    f["review.rft"] = (dca_rft(), "IBM DCA-RFT / DisplayWrite document")
    f["book.lit"] = (lit(), "Microsoft Reader eBook (LIT)")
    f["book.lrf"] = (lrf(), "Sony BBeB eBook (LRF)")
    f["book.azw3"] = (palm(b"BOOK", b"MOBI", 2), "Mobipocket eBook")
    f["book.pdb"] = (palm(b"TEXt", b"REAd", 2), "PalmDOC eBook")
    f["data.sz"] = (snappy(), "Snappy framed stream")
    # look-alikes: left to the raw scan (text plain in the bytes) or their reader
    f["plain.pdb"] = (palm(b"TEXt", b"REAd", 1), "other")
    f["plain.mobi"] = (palm(b"BOOK", b"MOBI", 1), "other")
    f["lotus.wks"] = (lotus_wks(), "other")
    f["itolitls.txt"] = (b"ITOLITLS is how a LIT file starts;" + PII + b"\n", "other")
    return f


def generate(out):
    return go.write_fixtures(out, fixtures())


def seeds(out):
    go.write_seeds(out, fixtures(), ("budget.wks", "review.rft", "book.lit", "book.lrf", "book.azw3", "plain.pdb",
                                     "data.sz"))


if __name__ == "__main__":
    go.main(generate, seeds, __doc__)
