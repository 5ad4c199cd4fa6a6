#!/usr/bin/env python3
"""Office look-alikes for the seventeenth sweep: word recall of leaksift's
office text measured against independent extractors (catdoc, xls2csv,
catppt, antiword, unrtf, odt2txt, and the OOXML parts read with Python's
zipfile) over 4,887 real documents of other projects. Each file here is
written from scratch in the structure of a real one that lost words:

- strcells.xlsx: a company-register export whose text cells are all
  formula-result strings (t="str" with a <v> and no <f>), as the
  Ekaterinburg register of one project's test data is written; one
  activity description runs past 256 bytes (Cyrillic: two bytes a
  letter), and the words after its 256th byte had been cut, here an SSN
  in a long "str" cell's tail. A real formula's long string result
  (CONCATENATE over a row) is the same cell.
- inlinev.xlsx: formula cells as LibreOffice 4 wrote them (POI's
  52575_main.xlsx): a string result as t="inlineStr" whose text is in
  a <v>, not an <is>; it had read as an empty cell.
- fareast6.doc, fareast6_plain.doc: Word 6/95 files of a Far East
  edition (wIdent 0xA699, nFib 0x68, FIB fExtChar), whose text is
  UTF-16LE, two bytes a character, as POI's Bug51944.doc (a Traditional
  Chinese Word 95 fax) is: one fast-saved (fComplex: its pieces, an
  edit appended after fcMac, and a paragraph the edit deleted that only
  fcMin..fcMac still holds), one not. They had been read as 8-bit text:
  the CJK characters lost, a piece cut to half its length.

Python standard library only; every name, date and number is made up.
"""
import os
import struct
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sweep_common as sc  # noqa: E402
from sweep_common import S, R, CT_WB, CT_WS, XMLDECL, OFFDOC  # noqa: E402
from sweep_common import ooxml_zip as _zip, ooxml_types as _types, ooxml_rels as _rels  # noqa: E402

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


# ------------------------------------------------------------ strcells.xlsx

ACTIVITY = ("Производство деревянных строительных конструкций, столярных изделий и "
            "деревянной тары; оптовая торговля лесоматериалами, строительными "
            "материалами и санитарно-техническим оборудованием; ")
STR_ROWS = [  # one register row: name, registered, activity, region
    ["Иванова Мария Петровна", "12.03.2004", "Розничная торговля цветами", "Тверская область"],
    ["Petrov Ivan Sergeyevich", "29.03.2004",
     ACTIVITY + "деятельность агентов по оптовой торговле топливом, рудами и металлами",
     "Тверская область"],
    ["Jane Roe", "01.04.2004",
     "Bookkeeping and payroll services for small firms; " * 6 + "contact SSN 536-22-8714 on file",
     "Oneida County"],
]


def xlsx_strcells(path):
    rows = []
    for k, row in enumerate(STR_ROWS):
        cells = "".join('<x:c r="%s%d" t="str"><x:v>%s</x:v></x:c>' % ("ABCD"[i], k + 1, escape(v))
                        for i, v in enumerate(row))
        rows.append('<x:row r="%d">%s</x:row>' % (k + 1, cells))
    sheet = (XMLDECL + '<x:worksheet xmlns:x="%s"><x:sheetData>%s</x:sheetData></x:worksheet>'
             % (S, "".join(rows)))
    wb = (XMLDECL + '<x:workbook xmlns:x="%s" xmlns:r="%s"><x:sheets><x:sheet name="Register" '
          'sheetId="1" r:id="rId1"/></x:sheets></x:workbook>' % (S, R))
    _zip(path, [("xl/workbook.xml", wb),
                ("_rels/.rels", _rels([(OFFDOC, "xl/workbook.xml")])),
                ("xl/_rels/workbook.xml.rels", _rels([(RT + "worksheet", "worksheets/sheet.xml")])),
                ("xl/worksheets/sheet.xml", sheet),
                ("[Content_Types].xml", _types([("/xl/workbook.xml", CT_WB),
                                                 ("/xl/worksheets/sheet.xml", CT_WS)]))])


# ------------------------------------------------------------ inlinev.xlsx

INLINEV_ROWS = [("Staff id", "Contact"), ("1047", "Jane Roe, SSN 536-22-8717")]


def xlsx_inlinev(path):
    rows = []
    for k, (a, b) in enumerate(INLINEV_ROWS):
        n = k + 1
        rows.append('<row r="%d"><c r="A%d" s="0" t="inlineStr"><f aca="false">[&apos;file:///home/'
                    'hr/staff.xlsx&apos;]Sheet1!A%d</f><v t="inlineStr">%s</v></c><c r="B%d" s="0" '
                    't="inlineStr"><f aca="false">[&apos;file:///home/hr/staff.xlsx&apos;]Sheet1!B%d</f>'
                    '<v t="inlineStr">%s</v></c></row>' % (n, n, n, escape(a), n, n, escape(b)))
    sheet = XMLDECL + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (S, "".join(rows))
    wb = (XMLDECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Linked" sheetId="1" '
          'state="visible" r:id="rId2"/></sheets></workbook>' % (S, R))
    _zip(path, [("[Content_Types].xml", _types([("/xl/workbook.xml", CT_WB),
                                                 ("/xl/worksheets/sheet1.xml", CT_WS)])),
                ("_rels/.rels", _rels([(OFFDOC, "xl/workbook.xml")])),
                ("xl/workbook.xml", wb),
                ("xl/_rels/workbook.xml.rels", _rels([(RT + "styles", "styles.xml"),
                                                      (RT + "worksheet", "worksheets/sheet1.xml")])),
                ("xl/worksheets/sheet1.xml", sheet)])


# ------------------------------------------------------------ fareast6.doc

FE_KEPT = "\u50b3\u771f By Post and Fax\r\u81f4 \u738b\u5c0f\u660e \u5148\u751f\r"
FE_EDIT = "Many thanks for meeting us in your office this morning; payroll SSN 536-22-8715\r"
FE_DELETED = "\u5df2\u522a\u9664 deleted draft: staff SSN 536-22-8716\r"
FE_TAIL = "\u8b1d\u8b1d Yours faithfully\r"


def _u16(t):
    return t.encode("utf-16-le")


def word6_fareast(complex_):
    """WordDocument of a Far East Word 95 file: wIdent 0xA699, nFib 0x68,
    fExtChar (0x1000); fcMin..fcMac at 0x300 holds KEPT, DELETED and TAIL
    as UTF-16LE. Fast-saved (fComplex): the edit is appended after fcMac
    and the CLX (fcClx/lcbClx at 0x160, Word 6 has no table stream) maps
    CPs, a character each (two bytes), to KEPT, the edit, TAIL; DELETED is
    in no piece."""
    text = _u16(FE_KEPT) + _u16(FE_DELETED) + _u16(FE_TAIL)
    fcmin = 0x300
    fcmac = fcmin + len(text)
    app = _u16(FE_EDIT)
    fc_app = fcmac + 16
    pieces = [(fcmin, len(FE_KEPT)), (fc_app, len(FE_EDIT)),
              (fcmin + len(_u16(FE_KEPT + FE_DELETED)), len(FE_TAIL))]
    cps, pcds = [0], b""
    for fc, n in pieces:
        cps.append(cps[-1] + n)
        pcds += struct.pack("<HIH", 0, fc, 0)
    plc = struct.pack("<%dI" % len(cps), *cps) + pcds
    clx = b"\x01" + struct.pack("<H", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    fc_clx = fc_app + len(app) + 16
    wd = bytearray(fc_clx + len(clx))
    struct.pack_into("<HH", wd, 0, 0xA699, 0x0068)
    flags = 0x1000 | (0x0004 | (1 << 4) if complex_ else 0)  # fExtChar; fComplex, cQuickSaves 1
    struct.pack_into("<H", wd, 10, flags)
    struct.pack_into("<II", wd, 0x18, fcmin, fcmac)
    struct.pack_into("<I", wd, 0x34, cps[-1] if complex_ else len(text) // 2)  # ccpText
    wd[fcmin:fcmac] = text
    if complex_:
        struct.pack_into("<II", wd, 0x160, fc_clx, len(clx))
        wd[fc_app:fc_app + len(app)] = app
        wd[fc_clx:] = clx
    return sc.cfb([("WordDocument", bytes(wd))])


def generate(out):
    os.makedirs(out, exist_ok=True)
    xlsx_strcells(os.path.join(out, "strcells.xlsx"))
    xlsx_inlinev(os.path.join(out, "inlinev.xlsx"))
    for name, cx in (("fareast6.doc", True), ("fareast6_plain.doc", False)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(word6_fareast(cx))
    lines = [ln for t in (FE_KEPT, FE_DELETED, FE_TAIL) for ln in t.split("\r") if ln]
    return {"strcells.xlsx": ["\t".join(r) for r in STR_ROWS],
            "fareast6.doc": lines + [FE_EDIT.rstrip("\r")],
            "fareast6_plain.doc": lines,
            "inlinev.xlsx": ["\t".join(r) for r in INLINEV_ROWS]}


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
