#!/usr/bin/env python3
"""Hangul Word Processor (HWP 5) documents with planted values
(tests/e2e/test_hwp.py).

    gen_hwp.py OUTDIR

No tool here writes HWP, so the files are built from Hancom's published
format (HWP 5.0 revision 1.3) on the compound-file writer of
tests/gen/cfb_writer.py: a FileHeader stream ("HWP Document File", the
version, the property flags: compressed, password, distribution), DocInfo,
BodyText/Section0..N (records: a u32 header of tag, level and size, then
the data; raw deflate when compressed), PrvText (the UTF-16LE preview) and
\\005HwpSummaryInformation (an OLE property set). Paragraph text (tag 67) is
UTF-16LE with HWP's control characters among it: a tab and a table anchor
(eight units each) and paragraph ends. The planted values exist only as
UTF-16 inside deflated streams: the raw bytes never hold them.
"""
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import summary_info  # noqa: E402

PARA_HEADER, PARA_TEXT, CTRL_HEADER = 66, 67, 71


def record(tag, data, level=0):
    if len(data) < 0xFFF:
        return struct.pack("<I", tag | level << 10 | len(data) << 20) + data
    return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(data)) + data


def ctrl(code, kind=b"tbl "):
    """An eight-unit control: the code, four bytes of its kind (reversed),
    two units of parameters, the code again."""
    return struct.pack("<H", code) + kind[::-1] + b"\0\0\0\0" + struct.pack("<H", code)


def para(*parts, level=0):
    """A paragraph: header + text; str parts are text, bytes parts raw units."""
    units = b"".join(p.encode("utf-16-le") if isinstance(p, str) else p for p in parts) + struct.pack("<H", 13)
    return record(PARA_HEADER, struct.pack("<I", len(units) // 2) + b"\0" * 18, level) \
        + record(PARA_TEXT, units, level + 1)


TAB = struct.pack("<H", 9) + b"\0" * 12 + struct.pack("<H", 9)


def file_header(flags):
    return b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05000300, flags) + b"\0" * 216


def deflate(data):
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    return z.compress(data) + z.flush()


def hwp(sections, flags=0x1, preview="", author="Kim Min-jun", view=False):
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(flags))
    w.add_stream("DocInfo", deflate(b"") if flags & 1 else b"")
    for k, body in enumerate(sections):
        store = "ViewText" if view else "BodyText"
        w.add_stream("%s/Section%d" % (store, k), deflate(body) if flags & 1 else body)
    w.add_stream("PrvText", preview.encode("utf-16-le"))
    w.add_stream("\x05HwpSummaryInformation", summary_info("Personnel record", author))
    w.add_stream("BinData/BIN0001.txt", "Backup contact: hr.backup@example-corp.co.kr\n".encode("ascii"))
    blob, _ = w.build()
    return blob


def personnel():
    s0 = b"".join([
        para("인사 기록 카드"),
        para("성명", TAB, "김민준", TAB, "주민등록번호 없음"),
        # a table: its anchor, then the cells' paragraphs one level down
        para(ctrl(11), " "),
        para("Employee SSN", level=2), para("536-22-1874", level=2),
        para("E-mail", level=2), para("minjun.kim@example-corp.co.kr", level=2),
        para("Phone: +82 2 3772 1234"),
    ])
    s1 = para("각주: 카드 4532 0151 1283 0366 분실 신고")
    return [s0, s1]


def generate(out):
    os.makedirs(out, exist_ok=True)
    key = {}

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = spec

    doc = hwp(personnel(), preview="인사 기록 카드")
    write("personnel.hwp", doc, {"find": [["ssn", "1874"], ["email", None], ["phone", "1234"],
                                          ["credit_card", "0366"]], "coverage": "full"})
    write("personnel_plain.hwp", hwp(personnel(), flags=0), {"find": [["ssn", "1874"]], "coverage": "full"})
    # a section whose deflate stream is cut: the paragraphs before the cut are read
    cut_body = personnel()
    full = deflate(cut_body[0])
    w = CFBWriter()
    w.add_stream("FileHeader", file_header(1))
    w.add_stream("BodyText/Section0", full[:len(full) * 3 // 4])
    w.add_stream("PrvText", "".encode("utf-16-le"))
    blob, _ = w.build()
    write("personnel_cut.hwp", blob, {"find": [["ssn", "1874"]], "coverage": "partial", "reason": "truncated"})
    write("personnel_password.hwp", hwp(personnel(), flags=0x3), {"find": [], "coverage": "none",
                                                                   "reason": "encrypted"})
    # a distribution document: the body is in ViewText (enciphered in real
    # files); the preview text is what can be read
    write("personnel_dist.hwp", hwp([b"\x8f" * 64], flags=0x5, view=True,
                                    preview="배포용 문서 연락처 minjun.kim@example-corp.co.kr"),
          {"find": [["email", None]], "coverage": "partial", "reason": "unsupported"})
    write("old_v3.hwp", b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 200,
          {"find": [], "coverage": "partial", "reason": "unsupported"})
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "docs"))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True, ensure_ascii=False)


if __name__ == "__main__":
    main()
