#!/usr/bin/env python3
"""Generate Excel binary workbooks (.xlsb, [MS-XLSB]) laid out as Excel
2013 writes them (the SheetJS test_files 2013/*.xlsb conversions of POI's
spreadsheets were read as a package of opaque .bin members, with no text):
an OPC package whose workbook, shared strings, styles, sheets and comments
are BIFF12 record streams.

A record is its type and size, each in 7-bit groups (low first, high bit:
more), then the bytes. Strings are XLWideString (u32 count of UTF-16LE
units, then the units); a shared-string item is a RichStr (flags byte,
XLWideString). A cell record starts with Cell (column u32, style 24 bits,
flags 8 bits); the "short" cell records (12-18, Excel 2010+) hold only
style and flags, their column follows the previous cell's.

    python3 gen_xlsb.py OUTDIR            # xlsb fixtures + expect.json
    python3 gen_xlsb.py --corpus FUZZDIR  # small seeds for fuzz/corpus/ooxml
    python3 gen_xlsb.py --fuzz FUZZDIR    # record-part seeds for fuzz/corpus/xlsb

generate(outdir) returns {file name: {"present": [...], "absent": [...]}}.
"""
import json
import os
import struct
import sys
import zipfile

# record types ([MS-XLSB] 2.3.2)
ROW_HDR, CELL_BLANK, CELL_RK, CELL_ERROR, CELL_BOOL, CELL_REAL, CELL_ST, CELL_ISST = range(8)
FMLA_STRING, FMLA_NUM, FMLA_BOOL, FMLA_ERROR = 8, 9, 10, 11
SHORT_BLANK, SHORT_RK, SHORT_ERROR, SHORT_BOOL, SHORT_REAL, SHORT_ST, SHORT_ISST = range(12, 19)
SST_ITEM, CELL_RSTRING = 19, 62
FMT, XF = 44, 47
BEGIN_SHEET, END_SHEET, BEGIN_BOOK, END_BOOK = 129, 130, 131, 132
BEGIN_BUNDLE_SHS, END_BUNDLE_SHS, BEGIN_SHEET_DATA, END_SHEET_DATA = 143, 144, 145, 146
WB_PROP, BUNDLE_SH, BEGIN_SST, END_SST = 153, 156, 159, 160
BEGIN_STYLE_SHEET, END_STYLE_SHEET = 278, 279
BEGIN_HEADER_FOOTER, END_HEADER_FOOTER = 479, 480
BEGIN_FMTS, END_FMTS, BEGIN_CELL_XFS, END_CELL_XFS = 615, 616, 617, 618
BEGIN_CELL_STYLE_XFS, END_CELL_STYLE_XFS = 626, 627
BEGIN_COMMENTS, END_COMMENTS, BEGIN_AUTHORS, END_AUTHORS = 628, 629, 630, 631
COMMENT_AUTHOR, BEGIN_COMMENT_LIST, END_COMMENT_LIST = 632, 633, 634
BEGIN_COMMENT, END_COMMENT, COMMENT_TEXT = 635, 636, 637

CT = "application/vnd.ms-excel."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def varint(n, groups):
    out = bytearray()
    for _ in range(groups):
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            break
    assert n == 0
    return bytes(out)


def rec(rtype, data=b""):
    return varint(rtype, 2) + varint(len(data), 4) + data


def wstr(s):
    u = s.encode("utf-16-le")
    return struct.pack("<I", len(u) // 2) + u


def null_wstr():
    return struct.pack("<I", 0xFFFFFFFF)


def cell(col, style=0):
    return struct.pack("<II", col, style & 0xFFFFFF)


def rk_int(v):
    assert -(1 << 29) <= v < (1 << 29)
    return struct.pack("<I", ((v << 2) | 2) & 0xFFFFFFFF)


# ---------------------------------------------------------------- parts

def workbook_bin(sheets, date1904=False, beta=False):
    """beta: BrtBundleSh with 4 more bytes before the relationship id, as
    Excel 2007 Beta 2 wrote it (POI's Simple.xlsb)."""
    out = rec(BEGIN_BOOK)
    out += rec(WB_PROP, struct.pack("<II", 1 if date1904 else 0, 0) + wstr(""))
    out += rec(BEGIN_BUNDLE_SHS)
    for i, name in enumerate(sheets, 1):
        head = struct.pack("<III", 0, 0, i) if beta else struct.pack("<II", 0, i)
        out += rec(BUNDLE_SH, head + wstr("rId%d" % i) + wstr(name))
    out += rec(END_BUNDLE_SHS) + rec(END_BOOK)
    return out


# cellXfs index -> numFmtId; index 0 is General
STYLE_GENERAL, STYLE_MDY, STYLE_DMY, STYLE_SSN = 0, 1, 2, 3
XF_NUMFMTS = [0, 14, 164, 165]


def styles_bin():
    out = rec(BEGIN_STYLE_SHEET)
    out += rec(BEGIN_FMTS) + rec(FMT, struct.pack("<H", 164) + wstr("dd/mm/yyyy"))
    out += rec(FMT, struct.pack("<H", 165) + wstr("000-00-0000")) + rec(END_FMTS)  # Excel's SSN format
    # cell style XFs first (a trap: they must not shift the cell XF indexes)
    out += rec(BEGIN_CELL_STYLE_XFS)
    out += rec(XF, struct.pack("<HHHHHH", 0xFFFF, 22, 0, 0, 0, 0) + b"\0" * 4)
    out += rec(END_CELL_STYLE_XFS)
    out += rec(BEGIN_CELL_XFS)
    for fmt in XF_NUMFMTS:
        out += rec(XF, struct.pack("<HHHHHH", 0, fmt, 0, 0, 0, 0) + b"\0" * 4)
    out += rec(END_CELL_XFS) + rec(END_STYLE_SHEET)
    return out


def sst_bin(items):
    out = rec(BEGIN_SST, struct.pack("<II", len(items), len(items)))
    for s in items:
        out += rec(SST_ITEM, b"\0" + wstr(s))
    return out + rec(END_SST)


SST = ["Name", "SSN", "Date of birth", "Jane Roe", "Unreferenced Quokka Memo"]


def people_sheet():
    """Row 0: header (shared strings); row 1: Jane Roe, SSN as an RK
    integer, a date under style 14; row 2: short records (Excel 2010+),
    an inline string, a formula string, a real, a boolean, an error."""
    out = rec(BEGIN_SHEET) + rec(BEGIN_SHEET_DATA)
    out += rec(ROW_HDR, struct.pack("<I", 0) + b"\0" * 13)
    for col, isst in enumerate((0, 1, 2)):
        out += rec(CELL_ISST, cell(col) + struct.pack("<I", isst))
    out += rec(ROW_HDR, struct.pack("<I", 1) + b"\0" * 13)
    out += rec(CELL_ISST, cell(0) + struct.pack("<I", 3))
    out += rec(CELL_RK, cell(1) + rk_int(536221874))
    out += rec(CELL_REAL, cell(2, STYLE_MDY) + struct.pack("<d", 29221.0))  # 1980-01-01
    out += rec(ROW_HDR, struct.pack("<I", 2) + b"\0" * 13)
    out += rec(CELL_ST, cell(0) + wstr("Inline Pangolin"))
    out += rec(SHORT_REAL, struct.pack("<I", STYLE_DMY) + struct.pack("<d", 31048.0))  # 1985-01-01
    out += rec(SHORT_RK, struct.pack("<I", 0) + struct.pack("<I", (0x3FF3C000 & 0xFFFFFFFC)))  # 1.234375
    out += rec(FMLA_STRING, cell(4) + wstr("Formula Axolotl") + struct.pack("<H", 0) + b"\0" * 8)
    out += rec(FMLA_NUM, cell(5) + struct.pack("<d", 0.30458926666666664) + b"\0" * 10)
    out += rec(CELL_BOOL, cell(6) + b"\x01")
    out += rec(CELL_ERROR, cell(7) + b"\x2A")
    out += rec(SHORT_ISST, struct.pack("<I", 0) + struct.pack("<I", 0))
    out += rec(CELL_RSTRING, cell(10) + b"\x01" + wstr("Rich Narwhal") + struct.pack("<I", 0))
    out += rec(CELL_RK, cell(11, STYLE_SSN) + rk_int(12345678))  # shown 012-34-5678
    out += rec(END_SHEET_DATA)
    hf = struct.pack("<H", 0) + wstr("&CConfidential Ocelot&RPage &P") + wstr("&L&\"Arial,Bold\"Footer Tapir")
    hf += null_wstr() * 4
    out += rec(BEGIN_HEADER_FOOTER, hf) + rec(END_HEADER_FOOTER)
    return out + rec(END_SHEET)


def notes_sheet():
    out = rec(BEGIN_SHEET) + rec(BEGIN_SHEET_DATA)
    out += rec(ROW_HDR, struct.pack("<I", 0) + b"\0" * 13)
    out += rec(CELL_ST, cell(0) + wstr("Second Sheet Gecko \u00e9\u4e2d"))
    return out + rec(END_SHEET_DATA) + rec(END_SHEET)


def comments_bin():
    out = rec(BEGIN_COMMENTS) + rec(BEGIN_AUTHORS) + rec(COMMENT_AUTHOR, wstr("Reviewer Lemur"))
    out += rec(END_AUTHORS) + rec(BEGIN_COMMENT_LIST)
    out += rec(BEGIN_COMMENT, struct.pack("<I", 0) + b"\0" * 16 + b"\0" * 16)
    out += rec(COMMENT_TEXT, b"\0" + wstr("Comment Wombat"))
    out += rec(END_COMMENT) + rec(END_COMMENT_LIST) + rec(END_COMMENTS)
    return out


def content_types():
    over = [("/xl/workbook.bin", CT + "sheet.binary.macroEnabled.main"),
            ("/xl/worksheets/sheet1.bin", CT + "worksheet"),
            ("/xl/worksheets/sheet2.bin", CT + "worksheet"),
            ("/xl/styles.bin", CT + "styles"),
            ("/xl/sharedStrings.bin", CT + "sharedStrings"),
            ("/xl/comments1.bin", CT + "comments")]
    x = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>')
    for name, ct in over:
        x += '<Override PartName="%s" ContentType="%s"/>' % (name, ct)
    return x + "</Types>"


def rels(items):
    x = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="%s">' % NS_PKG_REL)
    for i, (typ, target) in enumerate(items, 1):
        x += '<Relationship Id="rId%d" Type="%s%s" Target="%s"/>' % (i, REL, typ, target)
    return x + "</Relationships>"


def xlsb_parts(date1904=False, beta=False):
    return [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", rels([("officeDocument", "xl/workbook.bin")])),
        ("xl/workbook.bin", workbook_bin(["People", "Notes"], date1904, beta)),
        ("xl/_rels/workbook.bin.rels", rels([("worksheet", "worksheets/sheet1.bin"),
                                             ("worksheet", "worksheets/sheet2.bin"),
                                             ("styles", "styles.bin"),
                                             ("sharedStrings", "sharedStrings.bin")])),
        ("xl/worksheets/sheet1.bin", people_sheet()),
        ("xl/worksheets/binaryIndex1.bin", rec(0x2A5, b"\0" * 8)),
        ("xl/worksheets/_rels/sheet1.bin.rels", rels([("comments", "../comments1.bin")])),
        ("xl/worksheets/sheet2.bin", notes_sheet()),
        ("xl/comments1.bin", comments_bin()),
        ("xl/styles.bin", styles_bin()),
        ("xl/sharedStrings.bin", sst_bin(SST)),
    ]


def zip_bytes(parts, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data.encode() if isinstance(data, str) else data)


PRESENT = ["sheet: People", "sheet: Notes", "Name\tSSN\tDate of birth",
           "Jane Roe\t536221874\t1980-01-01", "Inline Pangolin\t1985-01-01\t1.234375\tFormula Axolotl",
           "0.304589266666667", "TRUE", "#N/A", "Rich Narwhal", "Confidential Ocelot",
           "Footer Tapir", "Second Sheet Gecko \u00e9\u4e2d", "Reviewer Lemur", "Comment Wombat",
           "Unreferenced Quokka Memo", "SSN: 536221874", "Rich Narwhal\t012-34-5678"]


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    exp = {}
    zip_bytes(xlsb_parts(), os.path.join(outdir, "people.xlsb"))
    exp["people.xlsb"] = {"present": PRESENT, "absent": ["29221", "31048", "&P", "Arial", "12345678"]}
    # the same workbook in the 1904 date system: serial 29221 is 1984-01-02
    zip_bytes(xlsb_parts(date1904=True), os.path.join(outdir, "people1904.xlsb"))
    exp["people1904.xlsb"] = {"present": ["Jane Roe\t536221874\t1984-01-02"], "absent": ["29221"]}
    # a sheet cut inside a record: what came before is kept, coverage partial
    parts = xlsb_parts()
    cut = [(n, d[:len(d) - 40] if n == "xl/worksheets/sheet1.bin" else d) for n, d in parts]
    zip_bytes(cut, os.path.join(outdir, "cut.xlsb"))
    exp["cut.xlsb"] = {"present": ["Jane Roe\t536221874\t1980-01-01", "Second Sheet Gecko"],
                       "absent": []}
    # Excel 2007 Beta 2's sheet-name records: read in full
    zip_bytes(xlsb_parts(beta=True), os.path.join(outdir, "beta.xlsb"))
    exp["beta.xlsb"] = {"present": ["sheet: People", "sheet: Notes", "Jane Roe\t536221874"],
                        "absent": ["rId1"]}
    # a cell whose string overruns its record: passed over, the cells after
    # it still read, coverage partial
    bad = rec(CELL_ST, cell(0) + struct.pack("<I", 5000) + "short".encode("utf-16-le"))
    sheet = (rec(BEGIN_SHEET) + rec(BEGIN_SHEET_DATA) + rec(ROW_HDR, struct.pack("<I", 0) + b"\0" * 13)
             + bad + rec(CELL_ST, cell(1) + wstr("After Bad Cell Dingo")) + rec(END_SHEET_DATA)
             + rec(END_SHEET))
    parts = [(n, sheet if n == "xl/worksheets/sheet2.bin" else d) for n, d in xlsb_parts()]
    zip_bytes(parts, os.path.join(outdir, "badcell.xlsb"))
    exp["badcell.xlsb"] = {"present": ["After Bad Cell Dingo", "Jane Roe\t536221874"], "absent": []}
    with open(os.path.join(outdir, "expect.json"), "w") as f:
        json.dump(exp, f, indent=1, ensure_ascii=False)
    return exp


def corpus(outdir):
    os.makedirs(outdir, exist_ok=True)
    zip_bytes(xlsb_parts(), os.path.join(outdir, "seed_xlsb.xlsb"))


def fuzz_seeds(outdir):
    """Seeds for fuzz/fuzz_xlsb.c: the record parts joined by "XLSB"
    (shared strings, workbook, styles, sheet, comments)."""
    os.makedirs(outdir, exist_ok=True)
    parts = dict(xlsb_parts())
    order = ["xl/sharedStrings.bin", "xl/workbook.bin", "xl/styles.bin",
             "xl/worksheets/sheet1.bin", "xl/comments1.bin"]
    with open(os.path.join(outdir, "people.bin"), "wb") as f:
        f.write(b"XLSB".join(parts[n] for n in order))
    with open(os.path.join(outdir, "sheet_only.bin"), "wb") as f:
        f.write(b"XLSB" * 3 + parts["xl/worksheets/sheet1.bin"])
    with open(os.path.join(outdir, "date1904.bin"), "wb") as f:
        f.write(b"XLSB".join([parts[order[0]], workbook_bin(["S"], True), parts[order[2]],
                              parts[order[3]]]))


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
    elif len(argv) == 3 and argv[1] == "--fuzz":
        fuzz_seeds(argv[2])
    elif len(argv) == 2:
        generate(argv[1])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
