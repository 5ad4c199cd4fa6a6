#!/usr/bin/env python3
"""Generate spreadsheets whose dates are stored the way Excel stores them:
as day serials (29221) shown through a date number format. leaksift must
write them as ISO dates ("1980-01-01"), so a date of birth is visible to
the rules, while plain numbers stay exact digits.

The xlsx packages are written part by part with zipfile (ECMA-376 names,
namespaces and content types, as Excel lays them out): xl/styles.xml with
built-in date styles (14, 22, 20) and custom ones ("dd/mm/yyyy",
"[$-409]d-mmm-yyyy;@"), traps that must not shift the style indexes
(cellStyleXfs, a dxf numFmt reusing id 164), and xl/workbook.xml with or
without <workbookPr date1904="1">. The .xls and .ods variants are made
from these by LibreOffice (tests/gen/make_sheet_fixtures.sh) and committed
under tests/fixtures/sheets/, since CI has no LibreOffice.

    python3 gen_sheets.py OUTDIR            # dates.xlsx, dates1904.xlsx + expect.json
    python3 gen_sheets.py --corpus FUZZDIR  # small seeds for fuzz/corpus/ooxml

generate(outdir) returns {file name: {"present": [...], "absent": [...],
"dob": [...]}}: strings the text must contain, serials it must not, and
the dates of birth the scan must find (each next to a "Date of birth" or
"DOB" label cell in the same row).
"""
import datetime
import io
import json
import os
import sys
import zipfile

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."

# cellXfs index -> numFmtId (index 0 is General)
STYLE_GENERAL, STYLE_MDY, STYLE_DMY, STYLE_DATETIME, STYLE_TIME, STYLE_LOCALE = range(6)
# digit layouts: Excel's "Special" formats (Social Security Number, Phone
# Number, Zip Code, Zip Code + 4), an id with a quoted prefix, and the
# built-in "#,##0" (a thousands separator: not a layout, stays digits)
STYLE_SSN, STYLE_PHONE, STYLE_ZIP, STYLE_ZIP4, STYLE_EMPNO, STYLE_THOUSANDS = range(6, 12)
XF_NUMFMTS = [0, 14, 164, 22, 20, 165, 166, 167, 168, 169, 170, 3]
CUSTOM_FMTS = [(164, "dd/mm/yyyy"), (165, "[$-409]d-mmm-yyyy;@"),
               (166, "000-00-0000"), (167, "[<=9999999]###-####;\\(###\\)\\ ###-####"),
               (168, "00000"), (169, "00000-0000"), (170, '"EMP-"000000')]

SSN_NUMBER = "536221874"          # an SSN typed as a number
CARD_15 = "378282246310005"       # 15 digits survive a double exactly


def serial(day, date1904=False, frac=0.0):
    """The serial Excel stores for a date (after 1900-02-28 in 1900 mode)."""
    base = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    n = (day - base).days + frac
    return int(n) if frac == 0 else n


def rows_for(date1904):
    """(label, cell, expected text or None) per row; cell = (kind, value, style)."""
    d = lambda y, m, dd, frac=0.0: serial(datetime.date(y, m, dd), date1904, frac)  # noqa: E731
    rows = [
        ("Name", ("s", "Jane Roe", None), None),
        ("Born", ("n", d(1980, 1, 1), STYLE_MDY), "1980-01-01"),
        ("Date of birth", ("n", d(1985, 1, 1), STYLE_DMY), "1985-01-01"),
        ("DOB", ("f", d(1986, 1, 2), STYLE_DMY), "1986-01-02"),   # formula, cached value
        ("Hired", ("n", d(2024, 1, 1, 0.5), STYLE_DATETIME), "2024-01-01 12:00:00"),
        ("Locale date", ("n", d(1990, 7, 15), STYLE_LOCALE), "1990-07-15"),
        ("Shift end", ("n", 0.75, STYLE_TIME), "18:00:00"),
        ("Too far", ("n", 3000000, STYLE_MDY), "3000000"),
        ("Plain", ("n", 12345, STYLE_GENERAL), "12345"),
        ("SSN", ("n", "5.36221874E8", STYLE_GENERAL), SSN_NUMBER),
        ("Card", ("n", "3.78282246310005E+14", STYLE_GENERAL), CARD_15),
        ("Formula text", ("str", "cached-formula-text", None), "cached-formula-text"),
    ]
    if not date1904:
        rows.append(("Leap bug", ("n", 60, STYLE_MDY), "1900-02-29"))
    else:
        rows.append(("Epoch", ("n", 0, STYLE_MDY), "1904-01-01"))
    return rows


def layout_rows():
    """Numbers shown through digit layouts, under labels that say nothing
    (the layout alone makes 12345678 an SSN with its leading zero)."""
    return [
        ("Employee", ("n", 12345678, STYLE_SSN), "012-34-5678"),
        ("Badge", ("n", "5.36221874E8", STYLE_SSN), "536-22-1874"),
        ("Home", ("n", 2128675309, STYLE_PHONE), "(212) 867-5309"),
        ("Desk", ("n", 8675309, STYLE_PHONE), "867-5309"),
        ("Zip", ("n", 2134, STYLE_ZIP), "02134"),
        ("Zip4", ("n", 21341234, STYLE_ZIP4), "02134-1234"),
        ("Staff", ("n", 4711, STYLE_EMPNO), "EMP-004711"),
        ("Amount", ("n", 1234567, STYLE_THOUSANDS), None),
    ]


def x_cell(ref, kind, value, style):
    s = ' s="%d"' % style if style is not None else ""
    if kind == "s":
        return '<c r="%s" t="inlineStr"%s><is><t>%s</t></is></c>' % (ref, s, value)
    if kind == "f":
        return '<c r="%s"%s><f>B3+366</f><v>%s</v></c>' % (ref, s, value)
    if kind == "str":
        return '<c r="%s" t="str"%s><f>CONCATENATE("cached-","formula-text")</f><v>%s</v></c>' % (ref, s, value)
    return '<c r="%s"%s><v>%s</v></c>' % (ref, s, value)


def x_sheet(rows):
    out = [XML_DECL, '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (NS_X, NS_R)]
    for i, (label, (kind, value, style), _) in enumerate(rows, 1):
        out.append('<row r="%d">' % i)
        out.append('<c r="A%d" t="s"><v>%d</v></c>' % (i, i - 1))
        out.append(x_cell("B%d" % i, kind, value, style))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def x_sst(rows):
    items = "".join("<si><t>%s</t></si>" % label for label, _, _ in rows)
    return XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
        NS_X, len(rows), len(rows), items)


def x_styles():
    esc = lambda c: c.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")  # noqa: E731
    fmts = "".join('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, esc(c)) for i, c in CUSTOM_FMTS)
    xfs = "".join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"%s/>'
                  % (n, ' applyNumberFormat="1"' if n else "") for n in XF_NUMFMTS)
    return (XML_DECL + '<styleSheet xmlns="%s">'
            '<numFmts count="%d">%s</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            # a style xf with a date format: not a cell style, must not shift cellXfs
            '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="%d">%s</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            # a differential format reusing id 164 as a number: not a cell format
            '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>'
            '</styleSheet>' % (NS_X, len(CUSTOM_FMTS), fmts, len(XF_NUMFMTS), xfs))


def rels(items):
    out = [XML_DECL, '<Relationships xmlns="%s">' % NS_PKG_REL]
    for rid, rtype, target in items:
        out.append('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (rid, REL, rtype, target))
    out.append("</Relationships>")
    return "".join(out)


def content_types():
    over = [("/xl/workbook.xml", SML + "sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", SML + "worksheet+xml"),
            ("/xl/styles.xml", SML + "styles+xml"),
            ("/xl/sharedStrings.xml", SML + "sharedStrings+xml")]
    out = [XML_DECL, '<Types xmlns="%s">' % NS_CT,
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
           '<Default Extension="xml" ContentType="application/xml"/>']
    out += ['<Override PartName="%s" ContentType="%s"/>' % o for o in over]
    out.append("</Types>")
    return "".join(out)


def xlsx_parts(date1904, rows=None):
    rows = rows or rows_for(date1904)
    wbpr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="164011"/>'
    workbook = (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s">%s<sheets>'
                '<sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>' % (NS_X, NS_R, wbpr))
    # Excel's member order: sheets before styles.xml and sharedStrings.xml
    return [("[Content_Types].xml", content_types()),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "styles", "styles.xml"),
                                                 ("rId3", "sharedStrings", "sharedStrings.xml")])),
            ("xl/worksheets/sheet1.xml", x_sheet(rows)),
            ("xl/styles.xml", x_styles()),
            ("xl/sharedStrings.xml", x_sst(rows))]


def zip_bytes(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 17, 9, 30, 0)), data.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def expect(date1904):
    rows = rows_for(date1904)
    present = [t for _, _, t in rows if t]
    absent = [str(c[1]) for _, c, t in rows
              if c[0] in ("n", "f") and c[2] not in (None, STYLE_GENERAL) and str(c[1]) != t]
    return {"present": present, "absent": absent, "dob": ["1985-01-01", "1986-01-02"]}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    out = {}
    for name, d1904 in (("dates.xlsx", False), ("dates1904.xlsx", True)):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(zip_bytes(xlsx_parts(d1904)))
        out[name] = expect(d1904)
    with open(os.path.join(outdir, "layouts.xlsx"), "wb") as f:
        f.write(zip_bytes(xlsx_parts(False, layout_rows())))
    out["layouts.xlsx"] = {"present": [t for _, _, t in layout_rows() if t]}
    return out


def corpus(outdir):
    """Small xlsx seeds with styles.xml (dates, digit layouts) for the ooxml fuzzer."""
    os.makedirs(outdir, exist_ok=True)
    for name, d1904 in (("sheet_dates.xlsx", False), ("sheet_dates1904.xlsx", True)):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(zip_bytes(xlsx_parts(d1904)))
    with open(os.path.join(outdir, "sheet_layouts.xlsx"), "wb") as f:
        f.write(zip_bytes(xlsx_parts(False, layout_rows())))


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exp = generate(argv[1])
    with open(os.path.join(argv[1], "expect.json"), "w") as f:
        json.dump(exp, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
