#!/usr/bin/env python3
"""Generate an .xlsx whose chart caches four 4-digit values, as Excel
writes a chart's number cache (<c:numCache><c:pt><c:v>4486</c:v>...). The
SheetJS test_files 2013/apachepoi_12843-1.xls.xlsb chart gave a false
credit card: its cached values were set apart by spaces, "4486 4486 4486
4486", a grouped Luhn-valid Visa number.

    python3 gen_charts.py OUTDIR    # chart_cache.xlsx
"""
import os
import sys
import zipfile

NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
VALUES = ["4486", "4486", "4486", "4486"]


def chart():
    pts = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, v) for i, v in enumerate(VALUES))
    cats = "".join('<c:pt idx="%d"><c:v>Q%d</c:v></c:pt>' % (i, i + 1) for i in range(4))
    return (DECL + '<c:chartSpace xmlns:c="%s" xmlns:a="%s"><c:chart><c:title><c:tx><c:rich>'
            '<a:p><a:r><a:t>Units Shipped</a:t></a:r></a:p></c:rich></c:tx></c:title>'
            '<c:plotArea><c:barChart><c:ser><c:idx val="0"/>'
            '<c:cat><c:strRef><c:f>Sheet1!$A$1:$A$4</c:f><c:strCache><c:ptCount val="4"/>%s'
            '</c:strCache></c:strRef></c:cat>'
            '<c:val><c:numRef><c:f>Sheet1!$B$1:$B$4</c:f><c:numCache><c:formatCode>General'
            '</c:formatCode><c:ptCount val="4"/>%s</c:numCache></c:numRef></c:val>'
            '</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>' % (NS_C, NS_A, cats, pts))


def parts():
    sheet = (DECL + '<worksheet xmlns="%s"><sheetData>' % NS_X
             + "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>Q%d</t></is></c>'
                       '<c r="B%d"><v>%s</v></c></row>' % (i + 1, i + 1, i + 1, i + 1, v)
                       for i, v in enumerate(VALUES))
             + '</sheetData></worksheet>')
    ct = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.drawingml.chart+xml"/></Types>')
    rels = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>' % REL)
    wb = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Sheet1" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % (NS_X, NS_R))
    return [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/charts/chart1.xml", chart())]


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    with zipfile.ZipFile(os.path.join(outdir, "chart_cache.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts():
            z.writestr(name, data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
