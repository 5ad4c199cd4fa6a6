#!/usr/bin/env python3
"""Fixtures for the quirks found in a seventh sweep of other projects' test
spreadsheets and documents (tidyverse/readxl, nacnudus/tidyxl, roo-rb/roo,
jmcnamara/spreadsheet-parseexcel, libxls, zdavatz/spreadsheet,
qax-os/excelize, tealeg/xlsx, ClosedXML, EPPlus, docx2python, officeParser):
each is the smallest file showing the quirk, written with the Python stdlib.

    python3 gen_realsweep7.py OUTDIR

- ampname.xlsx: a sheet named "R&D Payroll" (workbook.xml writes
  name="R&amp;D Payroll") and a hyperlink whose target has "&" in its
  query, as tidyxl's examples.xlsx, lu-performance-data-almanac.xlsx
  ("L&E MTBF") and ClosedXML's sheet-names.xlsx ("S&P") have: libxml2
  hands an attribute's "&amp;" on as "&#38;", and the sheet read
  "sheet: R&#38;D Payroll", the link "?a=1&#38;b=2". Its second sheet
  has an inline string indented around its run (<is>, a line break,
  <t>Badge </t>, a line break, <r>...), which read "Badge", a blank
  line, "4471".
- elapsed.xlsx: durations under Excel's elapsed-time formats ("[h]:mm:ss",
  "[h]:mm", "[mm]:ss"), as zdavatz/spreadsheet's test_datetime.xls
  ("[H]:MM": 1.188 read "1900-01-01") and ClosedXML's CellValues.xlsx /
  DataTypes.xlsx (TimeSpan cells read 1.40650462962963) have; a
  "[Magenta]0" colour is no time.
- props.xlsx: document properties with letters past ASCII: creator
  "Jan Havlíček" (ClosedXML's Extra_formulas_CellIs_type.xlsx read "Jan
  Havl íček"), app.xml's HeadingPairs "Arbeitsblätter" (roo's
  comments.xlsx: "Arbeitsbl ätter") and Company "Kinderspital Zürich"
  (tealeg's color_stylesheet.xlsx): libxml2 hands such text on in two
  pieces, and a space went between them. Its comment authors ("Jan
  Källman", EPPlus's Control.xlsm; "Katelyn A O’Brien", ClosedXML's
  InvalidPrintTitles.xlsx) and an external link's cached cell
  ("grenzüb. Vers.", ClosedXML's WorksheetWithExclamationMark.xlsx) are
  text directly inside an element, written on a line of its own: each
  piece went on its own line ("Jan K", "ällman").
- rootparts.xlsx: a workbook whose parts sit at the package root
  (workbook.xml, sheet1.xml, styles.xml; found through [Content_Types].xml
  overrides), indented inline strings with a run (<is><t>..</t>\\n<r>..),
  and date cells under "mm\\/dd\\/yy", as readxl's
  los-angeles-arrests-xlsx.xlsx (a police arrest log: names and dates of
  birth) is written: the sheet went to the generic XML reader, each date
  of birth read as a serial (31103) on a line of its own, cutting every
  row in three.
- values.ods: number and date cells whose shown text says the same value
  as office:value in another spelling ("12,50" for 12.5, "0" for 0, the
  date "2007-05-07" for 2007-05-07), as roo's simple_spreadsheet.ods has:
  every such cell read twice ("2007-05-07 2007-05-07", "12.5 12,50",
  "0 0"). A date shown as "1/1/80" keeps its ISO value beside it.
"""
import os
import sys
import zipfile

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."

DOB_SERIAL = 31103  # 1985-02-25


def _xlsx(path, sheets, styles=None, core=None, app=None, sheet_rels=None):
    """A plain xlsx: sheets is [(name, sheetData xml, extra xml after it)]."""
    names = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                    for i, (n, _, _) in enumerate(sheets))
    ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="%ssheet.main+xml"/>' % CT_SML]
    wrels = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (_, data, extra) in enumerate(sheets):
            part = "xl/worksheets/sheet%d.xml" % (i + 1)
            z.writestr(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData>%s</worksheet>'
                       % (NS_MAIN, NS_R, data, extra))
            ct.append('<Override PartName="/%s" ContentType="%sworksheet+xml"/>' % (part, CT_SML))
            wrels.append('<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>'
                         % (i + 1, REL, i + 1))
            if sheet_rels and i in sheet_rels:
                z.writestr("xl/worksheets/_rels/sheet%d.xml.rels" % (i + 1),
                           '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://'
                           'schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                           % sheet_rels[i])
        if styles:
            z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet '
                       'xmlns="%s">%s</styleSheet>' % (NS_MAIN, styles))
            ct.append('<Override PartName="/xl/styles.xml" ContentType="%sstyles+xml"/>' % CT_SML)
            wrels.append('<Relationship Id="rId99" Type="%sstyles" Target="styles.xml"/>' % REL)
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="%s" '
                   'xmlns:r="%s"><sheets>%s</sheets></workbook>' % (NS_MAIN, NS_R, names))
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">%s</Relationships>' % "".join(wrels))
        rels = ['<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/>' % REL]
        if core:
            z.writestr("docProps/core.xml", core.encode("utf-8"))
            ct.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
                      'openxmlformats-package.core-properties+xml"/>')
        if app:
            z.writestr("docProps/app.xml", app.encode("utf-8"))
            ct.append('<Override PartName="/docProps/app.xml" ContentType="application/vnd.'
                      'openxmlformats-officedocument.extended-properties+xml"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/relationships">%s'
                   '</Relationships>' % "".join(rels))
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types">%s</Types>'
                   % "".join(ct))


def _istr(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def xlsx_ampname(path):
    data = ('<row r="1">%s%s</row><row r="2">%s%s</row>'
            % (_istr("A1", "Employee"), _istr("B1", "Portal"),
               _istr("A2", "Jane Roe"), _istr("B2", "profile link")))
    extra = '<hyperlinks><hyperlink ref="B2" r:id="rIdL1"/></hyperlinks>'
    rels = ('<Relationship Id="rIdL1" Type="%shyperlink" TargetMode="External" Target="https://'
            'hr.example.com/view?staff=4471&amp;report=payroll"/>' % REL)
    # an inline string with a run, indented as the arrest log's writer does
    notes = ('<row r="1">%s</row><row r="2"><c r="A2" t="inlineStr"><is>\n  <t xml:space='
             '"preserve">Badge </t>\n  <r>\n    <t>4471</t>\n  </r>\n</is></c></row>'
             % _istr("A1", "Notes"))
    _xlsx(path, [("R&amp;D Payroll", data, extra), ("Q&amp;A", notes, "")], sheet_rels={0: rels})


def xlsx_elapsed(path):
    styles = ('<numFmts count="3"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/>'
              '<numFmt numFmtId="165" formatCode="[H]:MM"/><numFmt numFmtId="166" '
              'formatCode="[mm]:ss"/><numFmt numFmtId="167" formatCode="[Magenta]0"/></numFmts>'
              '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>'
              '<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="46"/></cellXfs>')
    rows = [("Shift total", 1, "1.18802083333333"),   # 28:30:45
            ("Overtime", 2, "1.40625"),               # 33:45
            ("Lap", 3, "0.0625"),                     # 90:00 minutes
            ("Badge", 4, "4471"),                     # a colour, not a time
            ("Week", 5, "2.5")]                       # built-in 46: 60:00:00
    data = "".join('<row r="%d">%s<c r="B%d" s="%d"><v>%s</v></c></row>'
                   % (i + 1, _istr("A%d" % (i + 1), label), i + 1, s, v)
                   for i, (label, s, v) in enumerate(rows))
    _xlsx(path, [("Hours", data, "")], styles=styles)


def xlsx_props(path):
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
            '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc='
            '"http://purl.org/dc/elements/1.1/"><dc:creator>Jan Havlíček</dc:creator>'
            '<cp:lastModifiedBy>Kinderspital Zürich IT</cp:lastModifiedBy></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
           'openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.'
           'openxmlformats.org/officeDocument/2006/docPropsVTypes"><Company>Kinderspital Zürich'
           '</Company><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>'
           'Arbeitsblätter</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>'
           '</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr">'
           '<vt:lpstr>Städte</vt:lpstr><vt:lpstr>Übersicht</vt:lpstr></vt:vector></TitlesOfParts>'
           '</Properties>')
    # a comment's author and an external link's cached cell: text directly in
    # an element (not a run), a line of its own
    comments = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="%s">'
                '<authors><author>Jan Källman</author><author>Katelyn A O’Brien</author>'
                '</authors><commentList><comment ref="A1" authorId="1"><text><r><t>Check the '
                'spelling</t></r></text></comment></commentList></comments>' % NS_MAIN)
    extlink = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="%s">'
               '<externalBook><sheetNames><sheetName val="Grafik"/></sheetNames><sheetDataSet>'
               '<sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>grenzüb. Vers.</v>'
               '</cell></row></sheetData></sheetDataSet></externalBook></externalLink>' % NS_MAIN)
    _xlsx(path, [("Städte", '<row r="1">%s</row>' % _istr("A1", "Köln"), "")], core=core, app=app)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/comments1.xml", comments)
        z.writestr("xl/externalLinks/externalLink1.xml", extlink)


def xlsx_rootparts(path):
    """Parts at the root, cells without r, indented markup (readxl's
    los-angeles-arrests-xlsx.xlsx)."""
    head = ['BKG_NUM', 'LAST_NM', 'FRST_NM', 'DOB', 'RES_LOC']
    people = [("4894831", "CAMPOS", "CARLOS", DOB_SERIAL, "7347 HASKELL AV VAN NUYS CA"),
              ("4894832", "SALDIVAR", "ANTHONY", 31940, "3104 CALSTONE CIR HIGHLAND TX")]

    def cell(text):
        return '<c s="1" t="inlineStr"><is><t>%s</t></is></c>\n' % text
    rows = ['<row r="1">\n<c s="1" t="inlineStr"><is><t xml:space="preserve">ARREST BOOKINGS for '
            '</t>\n<r>\n<t xml:space="preserve">01/30/17</t>\n</r>\n</is>\n</c>\n</row>\n',
            '<row r="2">\n' + "".join(cell(h) for h in head) + '</row>\n']
    for i, (num, last, first, dob, loc) in enumerate(people):
        rows.append('<row r="%d">\n%s%s%s<c s="2"><v>%d</v></c>\n%s</row>\n'
                    % (i + 3, cell(num), cell(last), cell(first), dob, cell(loc)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="%s">\n'
             '<sheetData>\n%s</sheetData>\n</worksheet>\n' % (NS_MAIN, "".join(rows)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="%s">\n'
              '  <numFmts count="1">\n    <numFmt numFmtId="164" formatCode="mm\\/dd\\/yy" />\n'
              '  </numFmts>\n  <cellXfs count="3">\n    <xf numFmtId="0" />\n    <xf numFmtId="0" />\n'
              '    <xf numFmtId="164" />\n  </cellXfs>\n</styleSheet>\n' % NS_MAIN)
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="%s" '
                'xmlns:r="%s">\n<sheets>\n<sheet name="Sheet1" sheetId="1" r:id="rId1"/>\n</sheets>\n'
                '</workbook>\n' % (NS_MAIN, NS_R))
    wrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
             'schemas.openxmlformats.org/package/2006/relationships">\n  <Relationship Id="rId1"\n'
             '   Type="%sworksheet"\n   Target="sheet1.xml"/>\n  <Relationship Id="rId3"\n'
             '   Type="%sstyles"\n   Target="styles.xml"/>\n</Relationships>\n' % (REL, REL))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships">\n  <Relationship Id="rId1"\n'
            '   Type="%sofficeDocument"\n   Target="workbook.xml"/>\n</Relationships>\n' % REL)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
          'openxmlformats.org/package/2006/content-types">\n  <Default Extension="rels"\n   '
          'ContentType="application/vnd.openxmlformats-package.relationships+xml" />\n'
          '  <Override PartName="/styles.xml"\n   ContentType="%sstyles+xml"/>\n'
          '  <Override PartName="/workbook.xml"\n   ContentType="%ssheet.main+xml"/>\n'
          '  <Override PartName="/sheet1.xml"\n   ContentType="%sworksheet+xml"/>\n</Types>\n'
          % (CT_SML, CT_SML, CT_SML))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("sheet1.xml", sheet)
        z.writestr("styles.xml", styles)
        z.writestr("workbook.xml", workbook)
        z.writestr("_rels/workbook.xml.rels", wrels)
        z.writestr("_rels/.rels", rels)
        z.writestr("[Content_Types].xml", ct)


def ods_values(path):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')

    def c(vt, val, shown):
        attr = 'office:date-value' if vt == "date" else 'office:value'
        return ('<table:table-cell office:value-type="%s" %s="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (vt, attr, val, shown))

    def s(text):
        return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
                '</table:table-cell>' % text)
    rows = [[s("Date"), s("Start"), s("End"), s("Pause"), s("Comment")],
            [c("date", "2007-05-07", "2007-05-07"), c("float", "10.75", "10,75"),
             c("float", "12.5", "12,50"), c("float", "0", "0"), s("Task 1")],
            [c("date", "1980-01-01", "1/1/80"), c("float", "9.25", "9,25"),
             c("float", "1234.5", "1,234.50"), c("float", "0", "0"), s("Jane Roe DOB")]]
    body = "".join("<table:table-row>%s</table:table-row>" % "".join(r) for r in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version='
               '"1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">%s'
               '</table:table></office:spreadsheet></office:body></office:document-content>'
               % (ns, body))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content.encode("utf-8"), zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:'
                   'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                   'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                   '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
                   zipfile.ZIP_DEFLATED)


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    xlsx_ampname(os.path.join(outdir, "ampname.xlsx"))
    xlsx_elapsed(os.path.join(outdir, "elapsed.xlsx"))
    xlsx_props(os.path.join(outdir, "props.xlsx"))
    xlsx_rootparts(os.path.join(outdir, "rootparts.xlsx"))
    ods_values(os.path.join(outdir, "values.ods"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
