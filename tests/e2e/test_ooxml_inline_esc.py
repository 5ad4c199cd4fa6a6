#!/usr/bin/env python3
"""An xlsx inline string with an _xHHHH_ escape (ST_Xstring: Excel and POI
write the CR of a CRLF as _x000D_) reaches the header-row labeller decoded
(src/extract/ooxml.c, ox_cell_end()): the label line had read
"SSN: 536221874_x000D_", which no rule takes for an SSN."""
import os
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
          'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def cell(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def sheet(rows):
    body = "".join('<row r="%d">%s</row>' % (i + 1, "".join(cell("%s%d" % ("AB"[j], i + 1), v)
                                                              for j, v in enumerate(r)))
                   for i, r in enumerate(rows))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData>%s</sheetData></worksheet>' % body)


class InlineEscapes(unittest.TestCase):
    def test_escaped_value_labelled(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "staff.xlsx")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("[Content_Types].xml", CT)
                z.writestr("_rels/.rels", RELS)
                z.writestr("xl/workbook.xml", WB)
                z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
                z.writestr("xl/worksheets/sheet1.xml", sheet([("Name", "SSN_x000D_"),
                                                              ("Jane Roe", "536221874_x000D_"),
                                                              ("John Poe", "536221875")]))
            _, m = lsutil.scan(tmp, [path])
            found = [f for r in m.by_path(path) for f in r["findings"] if f["entity"] == "ssn"]
            self.assertEqual(sum(f["count"] for f in found), 2, found)


if __name__ == "__main__":
    unittest.main()
