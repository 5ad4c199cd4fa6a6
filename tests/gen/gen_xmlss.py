#!/usr/bin/env python3
"""Generate "Excel exports" as report generators and web applications
write them, often named .xls: Excel 2003 XML Spreadsheets (SpreadsheetML
2003, <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">)
and tab-separated text. The SheetJS test_files 2011/*.xls.xml workbooks
(e.g. rich_text_stress.xlsx.xml, apachepoi_12843-1.xls.xml) were read as
generic XML: one line per text node, so a cell's rich-text runs
(<Font>, <B> in the HTML namespace inside <Data>) were split across
lines and no row was a line.

    python3 gen_xmlss.py OUTDIR    # fixtures + expect.json

generate(outdir) returns {file name: {"present": [...], "absent": [...]}}.
"""
import json
import os
import sys

HEAD = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\n'
        ' xmlns:o="urn:schemas-microsoft-com:office:office"\n'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel"\n'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"\n'
        ' xmlns:html="http://www.w3.org/TR/REC-html40">\n')

PROPS = (' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">\n'
         '  <Author>Report Server Kestrel</Author>\n  <Created>2024-05-01T10:00:00Z</Created>\n'
         '  <Company>Acme Heron Ltd</Company>\n </DocumentProperties>\n')

STYLES = (' <Styles>\n  <Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Calibri"/></Style>\n'
          '  <Style ss:ID="s62"><NumberFormat ss:Format="Short Date"/></Style>\n </Styles>\n')


def cell(value, typ="String", extra=""):
    return '    <Cell%s><Data ss:Type="%s">%s</Data></Cell>\n' % (extra, typ, value)


def people():
    rows = [
        [cell("Name"), cell("SSN"), cell("Date of birth"), cell("Notes")],
        [cell('Jane <B xmlns="http://www.w3.org/TR/REC-html40">Ro</B>'
              '<Font xmlns="http://www.w3.org/TR/REC-html40" html:Color="#FF0000">e</Font>'),
         cell("536221874", "Number"),
         cell("1980-01-01T00:00:00.000", "DateTime", ' ss:StyleID="s62"'),
         cell("4.6300000000000001E-2", "Number")],
        # a gap: the fourth column by ss:Index, a comment and a link
        [cell("John Doe"),
         '    <Cell ss:Index="4" ss:HRef="mailto:kite.owner@example.org"><Data ss:Type="String">'
         'see link</Data><Comment ss:Author="Auditor"><ss:Data xmlns="http://www.w3.org/TR/REC-html40">'
         '<B>Comment</B><Font> Marmot</Font></ss:Data></Comment></Cell>\n',
         cell("1", "Boolean")],
    ]
    body = "".join("   <Row>\n%s   </Row>\n" % "".join(r) for r in rows)
    return (HEAD + PROPS + STYLES +
            ' <Worksheet ss:Name="Staff List">\n  <Table>\n' + body + '  </Table>\n'
            '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
            '<Selected/><PageSetup><Header x:Data="&amp;CInternal"/></PageSetup></WorksheetOptions>\n'
            ' </Worksheet>\n</Workbook>\n')


W_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<?mso-application progid="Word.Document"?>\n'
          '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"'
          ' xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"'
          ' xmlns:o="urn:schemas-microsoft-com:office:office"'
          ' xmlns:aml="http://schemas.microsoft.com/aml/2001/core" w:macrosPresent="no">\n')


def run(text, tag="t"):
    return '<w:r><w:rPr><w:b/></w:rPr><w:%s>%s</w:%s></w:r>' % (tag, text, tag)


def word_doc():
    """Word's 'XML Document' (WordprocessingML 2003): a name split over
    runs, a table, a field code, a deletion, a comment, an embedded part."""
    import base64
    embedded = base64.encodebytes(b"contact: embedded.owner@example.org\n").decode()
    cell = lambda t: '<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr><w:p>%s</w:p></w:tc>' % run(t)
    body = ('<w:p><w:pPr><w:pStyle w:val="Title"/><w:listPr><wx:t wx:val="\u2022"/></w:listPr></w:pPr>'
            + run("Employee: Ja") + run("ne R") + run("oe") + '</w:p>\n'
            '<w:tbl><w:tblPr/><w:tr>' + cell("Name") + cell("SSN") + '</w:tr>'
            '<w:tr>' + cell("Jane Roe") + cell("536-22-1874") + '</w:tr></w:tbl>\n'
            '<w:p>' + run(" PAGE ", "instrText") + run("Page") + run("one", "delText") + run("two")
            + '<w:r><w:tab/></w:r>' + run("after tab") + '</w:p>\n'
            '<aml:annotation w:type="Word.Comment"><aml:content><w:p>' + run("Reviewer Caracal note")
            + '</w:p></aml:content></aml:annotation>\n'
            '<w:p><w:r><w:pict><w:binData w:name="wordml://notes.txt">' + embedded
            + '</w:binData></w:pict></w:r></w:p>\n')
    return (W_HEAD +
            '<o:DocumentProperties><o:Author>Clerk Okapi</o:Author></o:DocumentProperties>\n'
            '<w:fonts><w:font w:name="Calibri"><w:panose-1 w:val="020F0502020204030204"/></w:font></w:fonts>\n'
            '<w:styles><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
            '<wx:uiName wx:val="Heading Vicuna"/></w:style></w:styles>\n'
            '<w:docPr><w:view w:val="print"/></w:docPr>\n'
            '<w:body>' + body + '<w:sectPr><w:hdr w:type="odd"><w:p>' + run("Header Quoll")
            + '</w:p></w:hdr></w:sectPr></w:body></w:wordDocument>\n')


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "export.xls"), "w", encoding="utf-8") as f:
        f.write(people())
    with open(os.path.join(outdir, "export.xml"), "w", encoding="utf-8") as f:
        f.write(people())
    with open(os.path.join(outdir, "wordml.doc"), "w", encoding="utf-8") as f:
        f.write(word_doc())
    with open(os.path.join(outdir, "export_tsv.xls"), "w", encoding="utf-8") as f:
        f.write("Name\tSSN\nJane Roe\t536221874\n")
    exp = {
        "export.xls": {
            "present": ["sheet: Staff List", "Name\tSSN\tDate of birth\tNotes",
                        "Jane Roe\t536221874\t1980-01-01\t0.0463", "John Doe\tsee link\tTRUE",
                        "mailto:kite.owner@example.org", "Comment Marmot", "Author: Report Server Kestrel",
                        "Company: Acme Heron Ltd", "SSN: 536221874"],
            "absent": ["Calibri", "Short Date", "Default", "T00:00:00", "Auditor\n"],
        },
        # the raw bytes are the text of a table; its text holds the labelled values
        "export_tsv.xls": {"present": ["SSN: 536221874"], "absent": []},
    }
    exp["export.xml"] = exp["export.xls"]
    exp["wordml.doc"] = {
        "present": ["Employee: Jane Roe\n", "Name\tSSN", "Jane Roe\t536-22-1874",
                    "PAGE Page one two\tafter tab", "Reviewer Caracal note", "Header Quoll",
                    "Author: Clerk Okapi"],
        "absent": ["Calibri", "Heading Vicuna", "020F0502", "print", "Y29udGFjd"],
    }
    with open(os.path.join(outdir, "expect.json"), "w") as f:
        json.dump(exp, f, indent=1)
    return exp


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
