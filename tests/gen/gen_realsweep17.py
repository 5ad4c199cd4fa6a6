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

Python standard library only; every name, date and number is made up.
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CT_WB = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
OFFDOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
XMLDECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)


def _types(overrides):
    return (XMLDECL + '<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/>' % CT +
            "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides) +
            "</Types>")


def _rels(rels):
    return (XMLDECL + '<Relationships xmlns="%s">' % PR +
            "".join('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (i + 1, t, tg)
                    for i, (t, tg) in enumerate(rels)) + "</Relationships>")


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


def generate(out):
    os.makedirs(out, exist_ok=True)
    xlsx_strcells(os.path.join(out, "strcells.xlsx"))
    return {"strcells.xlsx": ["\t".join(r) for r in STR_ROWS]}

if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
