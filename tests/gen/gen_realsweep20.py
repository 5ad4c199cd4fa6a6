#!/usr/bin/env python3
"""Office files LibreOffice reads and leaksift misread (the twentieth
sweep: ExcelDataReader's, rtfparserkit's, rtf.js', roo's, ClosedXML's,
python-pptx's, textract's and mso-dumper's test files against
`soffice --convert-to`). Each file is written from scratch in the
structure of the real format; every name and number is made up.

- biff5_fontcp.xls: a BIFF5 workbook with no CODEPAGE record whose
  strings are Windows-1251 bytes, its fonts' charset RUSSIAN (204), as
  Russian accounting software writes them (ExcelDataReader's
  Test_git_issue_411.xls): LibreOffice reads Cyrillic; leaksift read
  Windows-1252 mojibake ("Óíèâåðñàëüíûé").
- biff5_mixedfonts.xls: the same with fonts of two such charsets (1251 and
  1253): no one page is known, Windows-1252 stays (as for Word 6 fonts).
- doc_picture.doc: a Word 97 document whose inline picture is an EMF (a
  chart pasted as a picture): the Data stream's PICF header, then an
  OfficeArt shape container whose FBSE carries the OfficeArtBlipEMF, its
  text an e-mail address and an SSN. A .ppt's pictures were handed on
  (Pictures stream); a .doc's and an .xls's were not.
- xls_picture.xls: a BIFF8 workbook whose drawing group (MSODRAWINGGROUP,
  continued by a CONTINUE record in the middle of the picture) holds a
  BStore whose FBSE carries a DEFLATE-stored WMF blip: as
  ExcelDataReader's TestTableOnlyImage_x01oct2016.xls, whose Introduction
  sheet is only a picture of text (no cell): its 5.5 KB of text was unread.
- sst_empty_continue.xls: a shared string continued in a CONTINUE record
  that holds only its grbit byte, then in an empty one, as
  ExcelDataReader's Test_git_issue_467_sst_empty_continue.xls (LibreOffice
  reads on): was parse_error, the string and every later one lost.
- mac_japanese.rtf: TextEdit's Japanese (\\mac\\ansicpg10001, a font of
  \\fcharset78): Shift_JIS pairs of \\'hh, as rtfparserkit's
  test10001Encoding.rtf: read as Windows-1252 bytes and said unsupported.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import biff, plain_doc  # noqa: E402
from gen_realsweep2 import biff5_book  # noqa: E402
from gen_realsweep19 import blip, emf, wmf  # noqa: E402

ROWS = [["Покупатель", "СНИЛС", "Сумма"], ["Ершова Ирина Павловна", "SSN 536-22-8714", "12 500,00"]]


def mac_japanese():
    def hexed(s):
        return "".join("\\'%02x" % b for b in s.encode("shift_jis"))
    return ("{\\rtf1\\mac\\ansicpg10001\\cocoartf824\\cocoasubrtf230\n"
            "{\\fonttbl\\f0\\fnil\\fcharset78 HiraKakuPro-W3;\\f1\\fswiss\\fcharset77 Helvetica;}\n"
            "\\pard\\f0\\fs24 " + hexed("社員名簿") + "\\par\n" +
            hexed("氏名：山田太郎") + "\\f1  SSN 536-22-8714\\par\n}\n").encode("ascii")


def oa(ver, inst, rtype, body):
    """An OfficeArt record: header (ver, instance, type, length) and body."""
    return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body


def fbse(bt, b):
    """OfficeArtFBSERecord with its blip B embedded: btWin32, btMacOS,
    rgbUid, tag, size, cRef, foDelay, unused, cbName 0, unused."""
    return oa(2, bt, 0xF007, struct.pack("<BB16sHIIIBBBB", bt, bt, bytes(16), 0xFF, len(b), 1, 0, 0, 0, 0, 0) + b)


def doc_picture():
    pic = blip(0xF01A, 0x3D4, emf("Chart: benefits@example.org SSN 536-22-8714"), False)
    shape = oa(0xF, 0, 0xF004, oa(2, 75, 0xF00A, struct.pack("<II", 1025, 0xA00)))
    inline = shape + fbse(2, pic)
    picf = struct.pack("<IH", 0x44 + len(inline), 0x44) + bytes(0x44 - 6)
    return plain_doc(extra={"Data": bytes(32) + picf + inline})[0]


def xls_picture():
    pic = blip(0xF01B, 0x216, wmf(["Staff on leave", "Garnet Hollis SSN 536-22-8714"]), True)
    bstore = oa(0xF, 1, 0xF001, fbse(3, pic))
    dgg = oa(0xF, 0, 0xF000, oa(0, 0, 0xF006, struct.pack("<IIII", 1026, 2, 1, 1) + struct.pack("<II", 1, 2)) + bstore)
    cut = len(dgg) - len(pic) // 2  # the CONTINUE record starts in the middle of the picture
    label = b"See the picture"
    return biff8_book("Intro", biff(0x00EB, dgg[:cut]) + biff(0x003C, dgg[cut:]),
                      biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, len(label), 0) + label))


def biff8_book(sheet, glob_recs, cells):
    """A BIFF8 workbook stream in a compound file: globals (BOF, BOUNDSHEET,
    GLOB_RECS, EOF), one worksheet SHEET of the CELLS records."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = sheet.encode("latin-1")
    glob_len = len(bof_g) + 4 + 8 + len(name) + len(glob_recs) + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name)
    glob = bof_g + bs + glob_recs + biff(0x000A, b"")
    assert len(glob) == glob_len
    body = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06)) + cells + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", (glob + body).ljust(4096, b"\0"))
    return w.build()[0]


def sst_empty_continue():
    """A shared string split over CONTINUE records, one of them its grbit
    byte alone and one empty (ExcelDataReader's
    Test_git_issue_467_sst_empty_continue.xls: "the", a 1-byte CONTINUE,
    "CC", "sion accepts ..."), then a second string."""
    a, b, c = "Refund to Odile Ferr", "and, SSN 53", "6-22-8714"
    s2 = "Approved"
    sst = struct.pack("<II", 2, 2) + struct.pack("<HB", len(a + b + c), 0) + a.encode()
    recs = (biff(0x00FC, sst) + biff(0x003C, b"\x00") + biff(0x003C, b"\x01" + b.encode("utf-16-le")) +
            biff(0x003C, b"") + biff(0x003C, b"\x00" + c.encode() + struct.pack("<HB", len(s2), 0) + s2.encode()))
    cells = (biff(0x00FD, struct.pack("<HHHI", 0, 0, 15, 0)) + biff(0x00FD, struct.pack("<HHHI", 0, 1, 15, 1)))
    return biff8_book("Refunds", recs, cells)


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {
        "biff5_fontcp.xls": biff5_book(None, "cp1251", "Лист1", ROWS, fonts=(0, 204, 204, 204)),
        "biff5_mixedfonts.xls": biff5_book(None, "cp1251", "Sheet1", [["Total", "SSN 536-22-8714"]],
                                           fonts=(204, 161)),
        "mac_japanese.rtf": mac_japanese(),
        "doc_picture.doc": doc_picture(),
        "xls_picture.xls": xls_picture(),
        "sst_empty_continue.xls": sst_empty_continue(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return {
        # name: (handler, coverage, reason, text lines wanted)
        "biff5_fontcp.xls": ("ole2", "full", None,
                             ["[Sheet: Лист1]", "Покупатель\tСНИЛС\tСумма",
                              "Ершова Ирина Павловна\tSSN 536-22-8714\t12 500,00"]),
        "biff5_mixedfonts.xls": ("ole2", "full", None, ["Total\tSSN 536-22-8714"]),
        "mac_japanese.rtf": ("rtf", "full", None, ["社員名簿", "氏名：山田太郎 SSN 536-22-8714"]),
        "doc_picture.doc": ("ole2", "full", None, []),
        "sst_empty_continue.xls": ("ole2", "full", None, ["Refund to Odile Ferrand, SSN 536-22-8714\tApproved"]),
        "xls_picture.xls": ("ole2", "full", None, ["[Sheet: Intro]", "See the picture"]),
    }


if __name__ == "__main__":
    print(sorted(generate(sys.argv[1] if len(sys.argv) > 1 else "realsweep20")))
