#!/usr/bin/env python3
"""Crafted inputs for review7's findings in the hand-written dBASE, HWP 5
and WordPerfect readers (tests/e2e/test_review7.py). Each file is built
from the format on the writers of gen_dbf.py, gen_hwp.py (cfb_writer.py)
and gen_wordperfect.py and bent where the review found the reader blind,
slow or dishonest:

HWP 5
- hwp_gap.hwp: BodyText holds Section0 and Section2 (no Section1): the
  reader stopped at the first missing number and never read Section2.
- hwp_shared.hwp: 600 BodyText entries name one 256 KiB chain of records:
  each was read and walked again (4,000 entries on a 1 MiB chain: 38 s).
- hwp_bomb.hwp: Section0 inflates past the bomb ratio: the text inflated
  before the cut was thrown away, the record said "no BodyText section"
  (parse_error), and the BinData children were never handed on.
- hwp_bindata_z.hwp: BinData items raw-deflated (as Hangul stores them in
  a compressed document), one an embedded OLE object (a u32 size, then a
  compound file: here an HWP document): handed on deflated, nothing in
  them was ever read.
- hwp_preview_other.hwp: a preview (PrvText) that is not the body's
  beginning: read only when no section was, so what it held was never read.
- hwp_other_streams.hwp: a deflated Scripts/DefaultJScript and a stream
  at the root: neither read nor handed on, coverage full (and an HWP read
  whole is not scanned raw).
- hwp_many_streams.hwp: 4,200 streams at the root: 4,096 are handed on,
  the rest is `limit:members` (8,000 one-byte streams cost 2.5 s of CPU).
- hwp_dist_clear.hwp: the distribution flag set on a document whose body
  is a clear BodyText: the body was skipped.

dBASE
- dbf_count0.dbf / dbf_count1.dbf: the header's record count set to 0 / 1
  while three records follow: the rest were never read, coverage full (and
  a full table's raw bytes are not scanned).
- dbf_tail.dbf / dbf_pad.dbf: text after the end mark / in the header's
  padding: in no field, never read, coverage full.
- dbf_iv03_enc.dbf: a dBASE IV table without memo (version 0x03) with the
  encryption flag and enciphered records: read as text, coverage full.
  dbf_iv03_flag.dbf: the same flag on clear records stays a table.
- dbf_vfp_q.dbf: a Visual FoxPro varbinary (Q) field, stored in the record:
  never read.
- dbf_level7.dbf: a dBASE 7 table (68-byte header, 48-byte descriptors):
  not taken for a table at all.

WordPerfect
- wp5_area0.wpd: a 5.1 document whose document-area offset is 0 (inside
  the prefix): nothing was read and coverage said full.
- wp6_overlap.wpd: 200 prefix index entries naming 200 different windows
  of one 64 KiB summary packet: the packets past four times the file were
  dropped without a word.

    gen_review7.py OUTDIR
"""
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cfb_writer import CFBWriter, sector_offset  # noqa: E402
import gen_dbf  # noqa: E402
import gen_hwp  # noqa: E402
import gen_wordperfect as gwp  # noqa: E402
from gen_hwp import deflate, file_header, para, record  # noqa: E402

SECRET = b"hidden: Okafor SSN 412-58-3307 ada.okafor@example-corp.com\n"


def patch_entry(blob, info, path, start, size):
    """Point the directory entry of path at sector start with size."""
    b = bytearray(blob)
    off = sector_offset(info["dir_start"]) + 128 * info["entries"][path]
    b[off + 0x74:off + 0x78] = struct.pack("<I", start)
    b[off + 0x78:off + 0x80] = struct.pack("<Q", size)
    return bytes(b)


# ---- HWP -----------------------------------------------------------------

def hwp_gap():
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", deflate(para("Personnel appendix")))
    w.add_stream("BodyText/Section2", deflate(para("Employee SSN 536-22-1874")))
    return w.build()[0]


def hwp_shared(n=600, size=256 << 10):
    body = para("Employee SSN 536-22-1874") + record(66, b"") * (size // 4)
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(0))
    w.add_stream("BodyText/Section0", body)
    for k in range(1, n):
        w.add_stream("BodyText/Section%d" % k, b"x")
    blob, info = w.build()
    start = info["chains"]["BodyText/Section0"][0]
    for k in range(1, n):
        blob = patch_entry(blob, info, "BodyText/Section%d" % k, start, len(body))
    return blob


def hwp_bomb():
    # the SSN first, then 64 MiB of one repeated paragraph: cut at 200:1
    body = para("Employee SSN 536-22-1874") + para("filler " * 4000) * 1200
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", deflate(body))
    w.add_stream("BinData/BIN0001.txt", b"Backup contact: hr.backup@example-corp.co.kr\n")
    return w.build()[0]


def hwp_bindata_z():
    inner = CFBWriter()
    inner.add_stream("FileHeader", file_header(1))
    inner.add_stream("BodyText/Section0", deflate(para("Inner SSN 536-22-1874")))
    iblob, _ = inner.build()
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", deflate(para("See the attachments")))
    w.add_stream("BinData/BIN0001.txt", deflate(b"Backup contact: hr.backup@example-corp.co.kr\n"))
    w.add_stream("BinData/BIN0002.OLE", deflate(struct.pack("<I", len(iblob)) + iblob))
    w.add_stream("BinData/BIN0003.txt", b"Stored as is: +82 2 3772 1234\n")
    return w.build()[0]


def hwp_preview_other():
    """A preview that is not the body's beginning: the body says hello, the
    preview holds an SSN."""
    return gen_hwp.hwp([para("Hello")], preview="Employee SSN 536-22-1874")


def hwp_other_streams():
    """Streams outside the ones the reader knew: a deflated script (as
    Hangul stores Scripts/DefaultJScript in a compressed document) and a
    stream a writer put at the root."""
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", deflate(para("Hello")))
    w.add_stream("Scripts/DefaultJScript",
                 deflate("function OnDocument_New() { mail('hr.backup@example-corp.co.kr'); }\n".encode("utf-16-le")))
    w.add_stream("Notes", b"Employee SSN 536-22-1874\n")
    return w.build()[0]


def hwp_many_streams(n=4200):
    """More streams than the reader hands on (4,096): the rest is said."""
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", deflate(para("Hello")))
    for k in range(n):
        w.add_stream("Attachment_%05d" % k, b"n%d\n" % k)
    return w.build()[0]


def hwp_dist_clear():
    return gen_hwp.hwp([para("Employee SSN 536-22-1874")], flags=0x5)


# ---- dBASE ---------------------------------------------------------------

def dbf_counted(count):
    t = bytearray(gen_dbf.table(0x03, gen_dbf.STAFF_FIELDS, gen_dbf.staff_records()[:3]))
    t[4:8] = struct.pack("<I", count)
    return bytes(t)


def dbf_tail():
    return gen_dbf.table(0x03, gen_dbf.STAFF_FIELDS, gen_dbf.staff_records()[:1]) + SECRET


def dbf_pad():
    t = gen_dbf.table(0x03, gen_dbf.STAFF_FIELDS, gen_dbf.staff_records()[:1])
    hlen = struct.unpack_from("<H", t, 8)[0]
    out = bytearray(t[:hlen] + SECRET + t[hlen:])
    out[8:10] = struct.pack("<H", hlen + len(SECRET))
    return bytes(out)


def dbf_iv03(enciphered):
    t = bytearray(gen_dbf.table(0x03, gen_dbf.STAFF_FIELDS, gen_dbf.staff_records()[:2], encrypted=True))
    if enciphered:  # not dBASE's cipher: the reader only tells clear records from others
        hlen = struct.unpack_from("<H", t, 8)[0]
        for i in range(hlen, len(t) - 1):
            t[i] ^= (0xA5 + i * 13) & 0xFF
    return bytes(t)


def dbf_vfp_q():
    fields = [("NAME", "C", 12, 0), ("TOKEN", "Q", 24, 0)]
    recs = [[gen_dbf.c("Ada Okafor", 12), b"SSN 412-58-3307".ljust(24, b"\0")]]
    return gen_dbf.table(0x30, fields, recs, lang=0x03, vfp=True)


def dbf_level7():
    """A dBASE 7 table: a 68-byte header (the language driver's name at 32)
    and 48-byte field descriptors (a 32-byte name, type, size, decimals)."""
    fields = [("EMPLOYEE_LAST_NAME", "C", 20), ("SOCIAL_SECURITY_NUMBER", "N", 9), ("HIRED", "D", 8),
              ("ROW_ID", "+", 4)]
    desc = b"".join(n.encode("ascii").ljust(32, b"\0") + t.encode("ascii") + bytes([ln, 0]) + b"\0" * 13
                    for n, t, ln in fields) + b"\x0d"
    reclen = 1 + sum(f[2] for f in fields)
    hlen = 68 + len(desc)
    head = bytes([0x04, 125, 3, 14]) + struct.pack("<IHH", 2, hlen, reclen) + b"\0" * 17 + bytes([0x57]) \
        + b"\0\0" + b"DBWINUS0".ljust(32, b"\0") + b"\0" * 4
    recs = [b" " + gen_dbf.c("Okafor", 20) + gen_dbf.num("412583307", 9) + b"20190401" + struct.pack(">I", 0x80000001),
            b" " + gen_dbf.c("Reyes", 20) + gen_dbf.num("212447781", 9) + b"20200115" + struct.pack(">I", 0x80000002)]
    return head + desc + b"".join(recs) + b"\x1a"


# ---- WordPerfect ---------------------------------------------------------

def wp5_area0():
    d = bytearray(gwp.wp5_memo())
    d[4:8] = struct.pack("<I", 0)
    return bytes(d)


def wp6_overlap(n=200):
    """n index entries, each naming a different 64 KiB window of one run
    of summary fields: more than four times the file."""
    field = struct.pack("<HHH", 6, 5, 0)
    summary = field * (65536 // 6 + 200)
    ih = 16
    header = bytes([0x02, 0x00]) + struct.pack("<H", n + 1) + b"\0" * 10
    at = ih + len(header) + 14 * n
    entries = b"".join(bytes([0x00, 0x12]) + struct.pack("<HHII", 1, 0, 65536, at + 6 * k) for k in range(n))
    body = gwp.wp6_text("Body") + gwp.wp6_hard_eol()
    doc = at + len(summary)
    prefix = b"\xffWPC" + struct.pack("<I", doc) + bytes([1, 0x0A, 2, 1]) + struct.pack("<HH", 0, ih)
    return prefix + header + entries + summary + body


def generate(out):
    """Write the files into out; return their key: {name: {"handler",
    "coverage", "reasons" (all present), "not_reasons" (none present),
    "find": [[entity, last4 or None]], "children": {member: [entity]}}}."""
    os.makedirs(out, exist_ok=True)
    key = {}

    def write(name, data, **spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        spec.setdefault("reasons", [])
        spec.setdefault("not_reasons", [])
        spec.setdefault("find", [])
        spec.setdefault("children", {})
        key[name] = spec

    write("hwp_gap.hwp", hwp_gap(), handler="hwp", coverage="full", find=[["ssn", "1874"]])
    write("hwp_shared.hwp", hwp_shared(), handler="hwp", coverage="partial", reasons=["limit:bytes"],
          find=[["ssn", "1874"]])
    write("hwp_bomb.hwp", hwp_bomb(), handler="hwp", coverage="partial", reasons=["limit:bytes"],
          not_reasons=["parse_error"], find=[["ssn", "1874"]], children={"BIN0001.txt": ["email"]})
    write("hwp_bindata_z.hwp", hwp_bindata_z(), handler="hwp", coverage="full",
          children={"BIN0001.txt": ["email"], "BIN0002.OLE": ["ssn"], "BIN0003.txt": ["phone"]})
    write("hwp_preview_other.hwp", hwp_preview_other(), handler="hwp", coverage="full", find=[["ssn", "1874"]])
    write("hwp_other_streams.hwp", hwp_other_streams(), handler="hwp", coverage="full",
          children={"Scripts/DefaultJScript": ["email"], "Notes": ["ssn"]})
    write("hwp_many_streams.hwp", hwp_many_streams(), handler="hwp", coverage="partial", reasons=["limit:members"])
    write("hwp_dist_clear.hwp", hwp_dist_clear(), handler="hwp", coverage="partial", reasons=["unsupported"],
          find=[["ssn", "1874"]])
    write("dbf_count0.dbf", dbf_counted(0), handler="dbf", coverage="full",
          find=[["ssn", "1874"], ["email", None]])
    write("dbf_count1.dbf", dbf_counted(1), handler="dbf", coverage="full", find=[["ssn", "3307"]])
    write("dbf_tail.dbf", dbf_tail(), handler="dbf", coverage="partial", reasons=["parse_error"],
          find=[["ssn", "3307"]])
    write("dbf_pad.dbf", dbf_pad(), handler="dbf", coverage="partial", reasons=["parse_error"],
          find=[["ssn", "3307"]])
    write("dbf_iv03_enc.dbf", dbf_iv03(True), handler="dbf", coverage="none", reasons=["encrypted"])
    write("dbf_iv03_flag.dbf", dbf_iv03(False), handler="dbf", coverage="full", find=[["ssn", "1874"]])
    write("dbf_vfp_q.dbf", dbf_vfp_q(), handler="dbf", coverage="full", find=[["ssn", "3307"]])
    write("dbf_level7.dbf", dbf_level7(), handler="dbf", coverage="full", find=[["ssn", "3307"], ["ssn", "7781"]])
    write("wp5_area0.wpd", wp5_area0(), handler="wordperfect", coverage="partial", reasons=["parse_error"],
          find=[["ssn", "1874"]])
    write("wp6_overlap.wpd", wp6_overlap(), handler="wordperfect", coverage="partial", reasons=["limit:bytes"])
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "files"))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
