#!/usr/bin/env python3
"""Fixtures for the quirks found in a sweep of real workbooks (XlsxWriter's
comparison files saved by Excel, roo's and libxls's test files, NPOI's
testcases): each is the smallest file showing the quirk, written from
scratch with the Python stdlib; all names and numbers are fake.

    python3 gen_realsweep12.py OUTDIR

- hdr_years.xlsx, hdr_years.csv: a header row with year columns stored
  as numbers ("Name | SSN | 2022 | 2023": salary history, budget sheets):
  a number in the row made it a record, so the SSN column had no label
  and its bare nine-digit values went unfound.
- hdr_months.xlsx: the same with month columns as date cells shown
  "mmm-yy" (payroll and timesheets: "Employee | SSN | Jan-23 | Feb-23").
- hdr_fy.xlsx: a heading with a year in its words ("FY2023 Salary",
  "Social Security #"): four digits in a cell made the row a record.
- hdr_group.xlsx: group headings over the header ("Employee | | Pay"
  over "Name | SSN | 2023"): the headings row was taken for the header
  and the SSN column under its empty cell had no label.
- hdr_twotables.xlsx: a small table ("Dept | Budget code") above the
  staff table: its header labelled the columns of the one below.
- hdr_onecol.xlsx: a one-column list under its label ("SSN", then the
  numbers; a title row above it): a header needed two cells.
- hdr_zeros.xlsx, hdr_zeros.csv: SSNs of areas 001-099 stored as
  numbers (General) lose their leading zeros, 041-25-5678 shows
  41255678, 005-51-2345 shows 5512345 (Excel does so unless a format
  keeps the digits, and so does every CSV export of such a sheet): under
  an SSN header they are read with their zeros back.
- hdr_record.xlsx (decoy): a first row "Jane Roe | 2023" is a record,
  not a header: the 9-digit order numbers under it stay unlabelled and
  no SSN is read into them.

- php_export.xls, biff2.xls, biff4.xls: worksheets as a bare BIFF record
  stream, no OLE2 container: a web application's "export to Excel" (a
  BIFF5 BOF, LABEL and NUMBER records, EOF: the PHP and ASP snippets),
  Excel 2.1 (BIFF2: INTEGER, NUMBER, LABEL, a FORMULA with its STRING
  result) and Excel 4.0 (BIFF4: LABEL, NUMBER, RK). No handler read them:
  no text, coverage "full", the SSNs (doubles) unseen. Their hire dates
  are numbers under an "m/d/yy" FORMAT record (BIFF2: named by the cell,
  BIFF4: by its XF record), read as ISO dates.

- sep.csv: a CSV whose first line is Excel's "sep=;" (it names the
  delimiter for Excel; European exports write it): read as text, no
  header, the bare SSNs under "SSN" unfound.
- unicode_text.txt: Excel's "Unicode Text" (UTF-16LE with a BOM, tab-
  separated, saved as .txt): the text handler's, no labels either.

Returns {file: {"ssn": [last4, ...]}}: the SSNs each file must yield.
"""
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

SSNS = [536221874, 412556781, 287341196]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _cell(ref, v):
    if v is None:
        return ""
    if isinstance(v, tuple):  # (number, style index)
        return '<c r="%s" s="%d"><v>%r</v></c>' % (ref, v[1], v[0])
    if isinstance(v, (int, float)):
        return '<c r="%s"><v>%r</v></c>' % (ref, v)
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v))


def _xlsx(path, rows, numfmt=None):
    """One sheet of rows; numfmt: a built-in number format id given to
    cells written as (value, 1)."""
    body = "".join('<row r="%d">%s</row>' % (
        r + 1, "".join(_cell(_col(c) + str(r + 1), v) for c, v in enumerate(row)))
        for r, row in enumerate(rows))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, body))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
          '<sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="%s"><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="%d" applyNumberFormat="1"/></cellXfs></styleSheet>'
              % (MAIN, numfmt or 0))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/></Relationships>'
            % (PKG, REL, REL))
    top = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">'
           '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
           '</Relationships>' % (PKG, REL))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", top)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def _rec(rtype, data):
    return struct.pack("<HH", rtype, len(data)) + data


def _biff(path, version, rows):
    """rows of str / int / float cells as a bare BIFF stream: version 2
    (Excel 2.1), 4 (Excel 4.0) or 5 (a raw BIFF5 worksheet as web exports
    write it, BOF version 0)."""
    if version == 2:
        out = _rec(0x0009, struct.pack("<HH", 2, 0x10))
    elif version == 4:
        out = _rec(0x0409, struct.pack("<HHH", 0, 0x10, 0))
    else:
        out = _rec(0x0809, struct.pack("<HHHH", 0, 0x10, 0, 0))
    # Excel 2.1-4.0 write their number formats, ids by order: 2 is a date;
    # BIFF4 cells name an XF (1: the date one), BIFF2 cells the format itself
    for code in ("General", "0", "m/d/yy"):
        b = code.encode("cp1252")
        if version == 2:
            out += _rec(0x001E, bytes([len(b)]) + b)
        elif version == 4:
            out += _rec(0x041E, b"\0\0" + bytes([len(b)]) + b)
    if version == 4:
        out += _rec(0x0443, bytes([0, 0]) + bytes(10)) + _rec(0x0443, bytes([0, 2]) + bytes(10))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, tuple):  # ("date", Excel serial)
                if version == 2:
                    out += _rec(0x0003, struct.pack("<HH", r, c) + b"\0\x02\0" + struct.pack("<d", v[1]))
                elif version == 4:
                    out += _rec(0x0203, struct.pack("<HHHd", r, c, 1, float(v[1])))
                else:  # a web export writes its dates as text
                    out += _rec(0x0204, struct.pack("<HHHH", r, c, 0, 10) + b"2019-04-01")
                continue
            if version == 2:
                attr = b"\0\0\0"
                if isinstance(v, str):
                    b = v.encode("cp1252")
                    out += _rec(0x0004, struct.pack("<HH", r, c) + attr + bytes([len(b)]) + b)
                elif isinstance(v, int) and v < 65536:
                    out += _rec(0x0002, struct.pack("<HH", r, c) + attr + struct.pack("<H", v))
                else:
                    out += _rec(0x0003, struct.pack("<HH", r, c) + attr + struct.pack("<d", v))
            elif isinstance(v, str):
                b = v.encode("cp1252")
                out += _rec(0x0204, struct.pack("<HHHH", r, c, 0, len(b)) + b)
            elif version == 4 and isinstance(v, int) and v < (1 << 29):
                out += _rec(0x027E, struct.pack("<HHHI", r, c, 0, (v << 2) | 2))  # RK integer
            else:
                out += _rec(0x0203, struct.pack("<HHHd", r, c, 0, float(v)))
    if version == 2:  # =UPPER("roe") as Excel 2.1 stores it: a string result, then STRING
        r = len(rows)
        out += _rec(0x0006, struct.pack("<HH", r, 0) + b"\0\0\0" + bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
                    + b"\0" + b"\x01\x17")
        out += _rec(0x0007, bytes([9]) + b"ROE, JANE")
    out += _rec(0x000A, b"")
    with open(path, "wb") as f:
        f.write(out)


NAMES = ["Jane Roe", "John Doe", "Mary Major"]


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    want = [str(s)[-4:] for s in SSNS]
    key = {}
    rows = [["Name", "SSN", 2022, 2023]]
    rows += [[n, s, 48000 + 1000 * i, 51500 + 1000 * i] for i, (n, s) in enumerate(zip(NAMES, SSNS))]
    _xlsx(os.path.join(outdir, "hdr_years.xlsx"), rows)
    key["hdr_years.xlsx"] = {"ssn": want}
    with open(os.path.join(outdir, "hdr_years.csv"), "w", newline="") as f:
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\r\n")
    key["hdr_years.csv"] = {"ssn": want}
    # 44927, 44958, 44986: 2023-01-01, 2023-02-01, 2023-03-01 under mmm-yy (17)
    rows = [["Employee", "SSN", (44927, 1), (44958, 1), (44986, 1)]]
    rows += [[n, s, 4000, 4000, 4100] for n, s in zip(NAMES, SSNS)]
    _xlsx(os.path.join(outdir, "hdr_months.xlsx"), rows, numfmt=17)
    key["hdr_months.xlsx"] = {"ssn": want}
    rows = [["Name", "Social Security #", "FY2023 Salary"]]
    rows += [[n, s, 61000] for n, s in zip(NAMES, SSNS)]
    _xlsx(os.path.join(outdir, "hdr_fy.xlsx"), rows)
    key["hdr_fy.xlsx"] = {"ssn": want}
    rows = [["Employee", None, "Pay"], ["Name", "SSN", 2023]]
    rows += [[n, s, 52000] for n, s in zip(NAMES, SSNS)]
    _xlsx(os.path.join(outdir, "hdr_group.xlsx"), rows)
    key["hdr_group.xlsx"] = {"ssn": want}
    rows = [["Dept", "Budget code"], ["Sales", "S-12"], [], ["Name", "SSN", "Title"]]
    rows += [[n, s, "Clerk"] for n, s in zip(NAMES, SSNS)]
    _xlsx(os.path.join(outdir, "hdr_twotables.xlsx"), rows)
    key["hdr_twotables.xlsx"] = {"ssn": want}
    rows = [["Background checks"], [], ["SSN"]] + [[s] for s in SSNS]
    _xlsx(os.path.join(outdir, "hdr_onecol.xlsx"), rows)
    key["hdr_onecol.xlsx"] = {"ssn": want}
    rows = [["Name", "SSN", "Zip"], ["Jane Roe", 41255678, 2134], ["John Doe", 5512345, 2134],
            ["Mary Major", 536221874, 10001]]
    _xlsx(os.path.join(outdir, "hdr_zeros.xlsx"), rows)
    key["hdr_zeros.xlsx"] = {"ssn": ["5678", "2345", "1874"]}
    with open(os.path.join(outdir, "hdr_zeros.csv"), "w", newline="") as f:
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\r\n")
    key["hdr_zeros.csv"] = {"ssn": ["5678", "2345", "1874"]}
    staff = [["Name", "SSN", "Email", "Hired"]]
    staff += [[n, s, n.split()[0].lower() + "@example.com", ("date", 43556)]  # 2019-04-01
              for n, s in zip(NAMES, SSNS)]
    for name, version in (("php_export.xls", 5), ("biff2.xls", 2), ("biff4.xls", 4)):
        _biff(os.path.join(outdir, name), version, staff)
        key[name] = {"ssn": want, "biff": True}
    table = [["Name", "SSN", "Hired"]] + [[n, str(s), "2019-04-01"] for n, s in zip(NAMES, SSNS)]
    with open(os.path.join(outdir, "sep.csv"), "w", newline="") as f:
        f.write("sep=;\r\n" + "".join(";".join(r) + "\r\n" for r in table))
    key["sep.csv"] = {"ssn": want, "csv": True}
    with open(os.path.join(outdir, "unicode_text.txt"), "wb") as f:
        f.write(b"\xff\xfe" + "".join("\t".join(r) + "\r\n" for r in table).encode("utf-16-le"))
    key["unicode_text.txt"] = {"ssn": want, "csv": True}
    rows = [["Jane Roe", 2023], ["Order", 536221874], ["Order", 412556781]]
    _xlsx(os.path.join(outdir, "hdr_record.xlsx"), rows)
    key["hdr_record.xlsx"] = {"ssn": []}
    return key


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
