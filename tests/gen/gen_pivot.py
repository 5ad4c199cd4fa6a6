#!/usr/bin/env python3
"""Workbooks and documents whose data lives outside their cells, written by
hand per ECMA-376 Part 1 (18.10 PivotTables, 18.13 Connections, 17.14 Mail
Merge) with Python's standard library:

  pivot.xlsx         a pivot table whose source sheet was deleted: the
                     whole source table is still in the pivot cache
                     (field names and shared items in the definition,
                     every row in the records, values in attributes);
                     the records come first in the zip, as nothing
                     promises the definition does
  connections.xlsx   an ODBC connection with a password and its SQL
  mailmerge.docx     a Word mail merge whose data source connection
                     string holds a password
  pivot_nodata.xlsx  the same cache saved without its records
  pivot_hostile.xlsx shared-item indexes out of range, negative, huge or
                     empty, records with no definition, an empty field
  pivot_cut.xlsx     pivot.xlsx cut short
  pivot_continue.xls an Excel 97-2003 pivot cache (_SX_DB_CUR/0001) whose
                     string items run on into CONTINUE records, cut inside
                     an e-mail address and inside an SSN
  pivot_continue_mixed.xls  the same with the compression flag changing at
                     each split: 8-bit then UTF-16, UTF-16 then 8-bit

Usage: gen_pivot.py OUTDIR
"""
import io
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import biff  # noqa: E402

NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# The deleted source sheet: Name, SSN (typed as a number, so Excel keeps
# 536221874 without dashes), Email, Salary, Date of birth.
PEOPLE = [
    ("Maria Gonzalez", 536221874, "maria.gonzalez@example.com", 98000, "1975-03-14"),
    ("Dwayne Hicks", 412557890, "d.hicks@example.com", 121500, "1968-11-02"),
    ("Ellen Ripley", 536221874, "e.ripley@example.com", 143250, "1979-07-21"),  # a repeat SSN
]
SSNS = sorted({p[1] for p in PEOPLE})
NAMES = [p[0] for p in PEOPLE]
PASSWORDS = {"connections.xlsx": "Pr0d-Sql!2014", "mailmerge.docx": "Winter2014!"}


def rels(items):
    out = [DECL, '<Relationships xmlns="%s">' % NS_PKG]
    for rid, rtype, target in items:
        out.append('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (rid, REL, rtype, target))
    return "".join(out) + "</Relationships>"


def types(overrides):
    out = [DECL, '<Types xmlns="%s">' % NS_CT,
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
           '<Default Extension="xml" ContentType="application/xml"/>']
    out += ['<Override PartName="%s" ContentType="%s"/>' % o for o in overrides]
    return "".join(out) + "</Types>"


def zip_bytes(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=(2014, 11, 24, 9, 0, 0)), data.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def workbook(extra_rels=(), pivot=False):
    caches = '<pivotCaches><pivotCache cacheId="3" r:id="rId2"/></pivotCaches>' if pivot else ""
    wb = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Summary" sheetId="2" r:id="rId1"/>'
          '</sheets>%s</workbook>' % (NS_X, NS_R, caches))
    sheet = (DECL + '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Headcount'
             '</t></is></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>' % NS_X)
    wbrels = [("rId1", "worksheet", "worksheets/sheet1.xml")] + list(extra_rels)
    return [("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels(wbrels)),
            ("xl/worksheets/sheet1.xml", sheet)]


def pivot_definition(fields, source='<worksheetSource ref="A1:E4" sheet="Employees"/>'):
    out = [DECL, '<pivotCacheDefinition xmlns="%s" xmlns:r="%s" r:id="rId1" refreshedBy="HR Admin" '
           'recordCount="%d"><cacheSource type="worksheet">%s</cacheSource><cacheFields count="%d">'
           % (NS_X, NS_R, len(PEOPLE), source, len(fields))]
    out += fields
    return "".join(out) + "</cacheFields></pivotCacheDefinition>"


def pivot_fields():
    names = "".join('<s v="%s"/>' % n for n in NAMES)
    ssns = "".join('<n v="%d"/>' % s for s in SSNS)
    return ['<cacheField name="Name" numFmtId="0"><sharedItems count="%d">%s</sharedItems></cacheField>'
            % (len(NAMES), names),
            '<cacheField name="SSN" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
            'containsString="0" containsNumber="1" containsInteger="1" count="%d">%s</sharedItems>'
            '</cacheField>' % (len(SSNS), ssns),
            '<cacheField name="Email" numFmtId="0"><sharedItems/></cacheField>',
            '<cacheField name="Salary" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
            'containsString="0" containsNumber="1" containsInteger="1" minValue="98000" '
            'maxValue="143250"/></cacheField>',
            '<cacheField name="DOB" numFmtId="14"><sharedItems containsSemiMixedTypes="0" '
            'containsNonDate="0" containsDate="1" containsString="0"/></cacheField>',
            # a calculated field: not a column of the records
            '<cacheField name="Bonus" numFmtId="0" formula="Salary*0.1" databaseField="0">'
            '<sharedItems containsSemiMixedTypes="0" containsString="0"/></cacheField>']


def pivot_records():
    rows = []
    for name, ssn, email, salary, dob in PEOPLE:
        rows.append('<r><x v="%d"/><x v="%d"/><s v="%s"/><n v="%d"/><d v="%sT00:00:00"/></r>'
                    % (NAMES.index(name), SSNS.index(ssn), email, salary, dob))
    return (DECL + '<pivotCacheRecords xmlns="%s" xmlns:r="%s" count="%d">%s</pivotCacheRecords>'
            % (NS_X, NS_R, len(rows), "".join(rows)))


def pivot_xlsx(definition, records):
    parts = workbook([("rId2", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")], pivot=True)
    ct = types([("/xl/workbook.xml", SML + "sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", SML + "worksheet+xml"),
                ("/xl/pivotCache/pivotCacheDefinition1.xml", SML + "pivotCacheDefinition+xml"),
                ("/xl/pivotCache/pivotCacheRecords1.xml", SML + "pivotCacheRecords+xml")])
    # records before their definition in the zip
    parts = [("[Content_Types].xml", ct)] + parts
    if records is not None:
        parts.append(("xl/pivotCache/pivotCacheRecords1.xml", records))
    if definition is not None:
        parts += [("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
                   rels([("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")])),
                  ("xl/pivotCache/pivotCacheDefinition1.xml", definition)]
    return zip_bytes(parts)


def connections_xlsx():
    conn = (DECL + '<connections xmlns="%s"><connection id="1" name="HR payroll" type="1" refreshedVersion="4" '
            'description="Payroll extract for finance" savePassword="1"><dbPr connection="DRIVER=SQL Server;'
            'SERVER=hrdb01.corp.example.internal;UID=hr_app;Password=%s;APP=Microsoft Office 2010;'
            'DATABASE=Payroll" command="SELECT emp_name, ssn, salary FROM dbo.employees"/></connection>'
            '</connections>' % (NS_X, PASSWORDS["connections.xlsx"]))
    ct = types([("/xl/workbook.xml", SML + "sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", SML + "worksheet+xml"),
                ("/xl/connections.xml", SML + "connections+xml")])
    return zip_bytes([("[Content_Types].xml", ct)] + workbook([("rId3", "connections", "connections.xml")])
                     + [("xl/connections.xml", conn)])


def mailmerge_docx():
    doc = (DECL + '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>Dear </w:t></w:r><w:r><w:t>'
           '\u00abFirstName\u00bb</w:t></w:r></w:p></w:body></w:document>' % NS_W)
    settings = (DECL + '<w:settings xmlns:w="%s" xmlns:r="%s"><w:zoom w:percent="100"/><w:mailMerge>'
                '<w:mainDocumentType w:val="formLetters"/><w:linkToQuery/><w:dataType w:val="native"/>'
                '<w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;User ID=Admin;Data Source='
                '\\\\fs01\\hr\\Salaries 2014.accdb;Mode=Read;Jet OLEDB:Database Password=%s"/>'
                '<w:query w:val="SELECT * FROM `Employees` WHERE `Bonus` &gt; 0"/></w:mailMerge>'
                '<w:defaultTabStop w:val="720"/><w:docVars><w:docVar w:name="ClientMatter" '
                'w:val="Matter 2014-0117 for jane.doe@example.com"/></w:docVars></w:settings>' % (NS_W, NS_R, PASSWORDS["mailmerge.docx"]))
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    ct = types([("/word/document.xml", wml + "document.main+xml"), ("/word/settings.xml", wml + "settings+xml")])
    return zip_bytes([("[Content_Types].xml", ct),
                      ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml")])),
                      ("word/_rels/document.xml.rels", rels([("rId1", "settings", "settings.xml")])),
                      ("word/document.xml", doc), ("word/settings.xml", settings)])


NAME_EMAIL = "antony.clayton@example.com"   # a defined name's string constant
RESERVED_BY = "payroll.admin@example.org"   # fileSharing userName (who reserved it)


def names_xlsx():
    """Workbook-level data: a defined name that is a string constant (as
    Excel's web export keeps HTML_Email), a name pointing at a sheet that
    no longer exists, a built-in print area (not data), and the user who
    reserved the workbook for writing (fileSharing)."""
    wb = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><fileSharing userName="%s" reservationPassword="CC4B"/>'
          '<sheets><sheet name="Summary" sheetId="2" r:id="rId1"/></sheets><definedNames>'
          '<definedName name="HTML_Email">"%s"</definedName>'
          '<definedName name="Salaries" hidden="1">Payroll!$A$1:$D$40</definedName>'
          '<definedName name="_xlnm.Print_Area" localSheetId="0">Summary!$A$1:$B$9</definedName>'
          '</definedNames></workbook>' % (NS_X, NS_R, RESERVED_BY, NAME_EMAIL))
    parts = [("[Content_Types].xml", types([("/xl/workbook.xml", SML + "sheet.main+xml"),
                                            ("/xl/worksheets/sheet1.xml", SML + "worksheet+xml")]))]
    parts += [(n, wb if n == "xl/workbook.xml" else d) for n, d in workbook()]
    return zip_bytes(parts)


def nodata_xlsx():
    """A cache saved without its records (saveData="0"): the definition's
    items are all there is."""
    return pivot_xlsx(pivot_definition(pivot_fields()).replace(' r:id="rId1"', ' saveData="0"'), None)


def hostile_xlsx():
    fields = ['<cacheField name="Code"><sharedItems><s v="A-1"/><s v="B-2"/></sharedItems></cacheField>',
              '<cacheField/>',  # no name, no items
              '<cacheField name="Ref"><sharedItems><m/><s v="last"/></sharedItems></cacheField>']
    rows = ['<r><x v="1"/><x v="0"/><x v="1"/></r>',
            '<r><x v="99999999999"/><x v="-1"/><x v=""/></r>',
            '<r><x v="2"/><x/><x v="0"/><x v="7"/><s v="past the fields"/></r>',
            '<r><r><x v="0"/></r></r>']
    records = (DECL + '<pivotCacheRecords xmlns="%s">%s</pivotCacheRecords>' % (NS_X, "".join(rows)))
    parts = [("[Content_Types].xml", types([]))] + workbook(pivot=True)
    parts += [("xl/pivotCache/pivotCacheDefinition1.xml", pivot_definition(fields, "<worksheetSource/>")),
              ("xl/pivotCache/pivotCacheRecords1.xml", records),
              # records whose definition does not exist
              ("xl/pivotCache/pivotCacheRecords7.xml", records),
              ("xl/pivotCache/pivotCacheRecords.xml", records)]
    return zip_bytes(parts)


def ods_package(content):
    """An OpenDocument spreadsheet package: mimetype first and stored, then
    content.xml and the manifest."""
    manifest = (DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", date_time=(2014, 11, 24, 9, 0, 0)),
                   "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        for name, data in (("content.xml", content), ("META-INF/manifest.xml", manifest)):
            z.writestr(zipfile.ZipInfo(name, date_time=(2014, 11, 24, 9, 0, 0)), data.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def pivot_ods():
    """An OpenDocument spreadsheet with a DataPilot (pivot) table over the
    Employees sheet, for LibreOffice to convert into .xls and .xlsx (its
    pivot cache export): tests/gen/make_sheet_fixtures.sh."""
    def s_cell(v):
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % v

    def n_cell(v):
        return ('<table:table-cell office:value-type="float" office:value="%d"><text:p>%d</text:p>'
                '</table:table-cell>' % (v, v))

    def d_cell(v):
        return ('<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (v, v))

    rows = ["<table:table-row>" + "".join(s_cell(h) for h in ("Name", "SSN", "Email", "Salary", "DOB"))
            + "</table:table-row>"]
    for name, ssn, email, salary, dob in PEOPLE:
        rows.append("<table:table-row>" + s_cell(name) + n_cell(ssn) + s_cell(email) + n_cell(salary)
                    + d_cell(dob) + "</table:table-row>")
    content = (DECL + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
               'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/>'
               '<number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text>'
               '<number:day number:style="long"/></number:date-style>'
               '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
               '</office:automatic-styles><office:body><office:spreadsheet>'
               '<table:table table:name="Employees">%s</table:table>'
               '<table:table table:name="Summary"><table:table-row><table:table-cell/></table:table-row></table:table>'
               '<table:data-pilot-tables><table:data-pilot-table table:name="Headcount" '
               'table:target-range-address="Summary.A1:Summary.B8" table:buttons="Summary.A1">'
               '<table:source-cell-range table:cell-range-address="Employees.A1:Employees.E4"/>'
               '<table:data-pilot-field table:source-field-name="Name" table:orientation="row"/>'
               '<table:data-pilot-field table:source-field-name="Salary" table:orientation="data" '
               'table:function="sum"/>'
               '<table:data-pilot-field table:source-field-name="" table:orientation="data" '
               'table:is-data-layout-field="true"/></table:data-pilot-table></table:data-pilot-tables>'
               '</office:spreadsheet></office:body></office:document-content>' % "".join(rows))
    return ods_package(content)


ODS_SQL_PASSWORD = "Hr-Db!2014"  # in a form's JDBC connection URL


def names_ods():
    """OpenDocument spreadsheet data outside its cells: a named expression
    that is a string constant, a database range filled by SQL, and a form
    whose connection URL carries a user and a password."""
    content = (DECL + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
               'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="Summary"><office:forms><form:form form:name="HR" '
               'form:command="SELECT * FROM staff" form:datasource="payroll">'
               '<form:connection-resource xlink:href="jdbc:mysql://hr:%s@db01.corp.example.internal/payroll"/>'
               '</form:form></office:forms><table:table-row><table:table-cell office:value-type="string">'
               '<text:p>Headcount</text:p></table:table-cell></table:table-row></table:table>'
               '<table:named-expressions><table:named-expression table:name="HTML_Email" '
               'table:base-cell-address="$Summary.$A$1" table:expression="of:=&quot;%s&quot;"/>'
               '</table:named-expressions><table:database-ranges><table:database-range table:name="Staff" '
               'table:target-range-address="Summary.A1:Summary.C9"><table:database-source-sql '
               'table:database-name="payroll" table:sql-statement="SELECT name, ssn FROM employees"/>'
               '</table:database-range></table:database-ranges></office:spreadsheet></office:body>'
               '</office:document-content>' % (ODS_SQL_PASSWORD, NAME_EMAIL))
    return ods_package(content)


def drop_sheet(xlsx, sheet_name):
    """The package with one worksheet deleted from the workbook (its part,
    its relationship and its <sheet> entry), as a user who deletes the
    source sheet of a pivot table leaves it: the cache stays."""
    import re
    zin = zipfile.ZipFile(io.BytesIO(xlsx))
    wb = zin.read("xl/workbook.xml").decode("utf-8")
    m = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="(rId\d+)"[^>]*/>' % re.escape(sheet_name), wb)
    rels = zin.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % m.group(1), rels).group(1)
    part = "xl/" + target.lstrip("/").replace("xl/", "", 1)
    parts = []
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == part:
            continue
        if info.filename == "xl/workbook.xml":
            data = wb.replace(m.group(0), "").encode("utf-8")
        if info.filename == "xl/_rels/workbook.xml.rels":
            data = re.sub(r'<Relationship [^>]*Id="%s"[^>]*/>' % m.group(1), "", rels).encode("utf-8")
        parts.append((info.filename, data.decode("utf-8", "surrogateescape")))
    return zip_bytes(parts)


# Pivot cache items of an .xls whose text runs on into CONTINUE records:
# (text, split index, [8-bit or UTF-16 before, after the split]).
XLS_NOTES = [
    ("Reach Harriet Okafor at harriet.okafor@example.net for payroll", 37),
    ("Tax form for Viktor Lind, SSN 536-22-1874, signed in March", 34),
]
XLS_NAMES = ["Harriet Okafor", "Viktor Lind"]


def xls_string(text, wide):
    """A pivot cache string (cch, flags, characters)."""
    return struct.pack("<HB", len(text), 1 if wide else 0) + text.encode("utf-16-le" if wide else "latin-1")


def xls_split_string(text, at, wide_before, wide_after):
    """An SXString record whose characters from index `at` on are in a
    CONTINUE record, which starts with its own flags byte."""
    head = struct.pack("<HB", len(text), 1 if wide_before else 0)
    head += text[:at].encode("utf-16-le" if wide_before else "latin-1")
    cont = bytes([1 if wide_after else 0]) + text[at:].encode("utf-16-le" if wide_after else "latin-1")
    return biff(0x00CD, head) + biff(0x003C, cont)


def pivot_xls(modes):
    """A BIFF8 workbook with no sheets and one pivot cache stream: fields
    Name and Notes (items as SXString, the notes split by CONTINUE records
    with the compression of each half from modes), one SXDBB row per
    person indexing both fields, EOF."""
    def sxfdb(name, nitems):
        return biff(0x00C7, struct.pack("<HHHHHHH", 0x0001, 0, 0, nitems, 0, 0, nitems) + xls_string(name, False))
    cache = biff(0x00C6, struct.pack("<IHHHHHHHH", len(XLS_NAMES), 1, 0, 0, 2, 2, 0, 0, 0))
    cache += sxfdb("Name", len(XLS_NAMES))
    cache += b"".join(biff(0x00CD, xls_string(n, False)) for n in XLS_NAMES)
    cache += sxfdb("Notes", len(XLS_NOTES))
    for (text, at), (before, after) in zip(XLS_NOTES, modes):
        cache += xls_split_string(text, at, before, after)
    cache += b"".join(biff(0x00C8, bytes([i, i])) for i in range(len(XLS_NAMES)))
    cache += biff(0x000A, b"")
    wb = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)) + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb)
    w.add_stream("_SX_DB_CUR/0001", cache)
    return w.build()[0]


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    pivot = pivot_xlsx(pivot_definition(pivot_fields()), pivot_records())
    files = {"pivot.xlsx": pivot,
             "connections.xlsx": connections_xlsx(),
             "mailmerge.docx": mailmerge_docx(),
             "pivot_hostile.xlsx": hostile_xlsx(),
             "pivot_nodata.xlsx": nodata_xlsx(),
             "names.xlsx": names_xlsx(),
             "names.ods": names_ods(),
             "pivot_cut.xlsx": pivot[:len(pivot) * 2 // 3],
             "pivot_continue.xls": pivot_xls([(False, False), (False, False)]),
             "pivot_continue_mixed.xls": pivot_xls([(False, True), (True, False)])}
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return sorted(files)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_pivot.py OUTDIR\n")
        return 2
    for name in generate(argv[1]):
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
