#!/usr/bin/env python3
"""Generate leaked tables whose PII sits under a header row: the shape of a
database export or an HR list ("Name | Employee ID | SSN | Date of birth").
A 9-digit SSN or a bare date is only PII by its column, so leaksift must
carry the header label to each value (src/extract/tablectx.h).

Files (generate(outdir) writes them and returns {name: expectation}):
  staff.csv        comma, CRLF, a title row above the header, an empty cell
  staff_semi.csv   semicolon, quoted fields with ; and a line break, "" quotes
  staff.tsv        tab separated, UTF-16LE with a BOM (Excel "Unicode text")
  staff_1252.csv   Windows-1252 names (Zoë), the header after two title rows
  staff.xlsx       shared-string header, inline-string names, the SSN as a
                   number, dates as serials under a date style, an empty cell
  form.xlsx        a two-column "label | value" form: the DOB still found
                   next to its own label, counted once
  memo.docx        a Word table under a paragraph: header row, a merged
                   (gridSpan 2) "Contact" cell, people below
  memo.html        the same as an HTML table: <th> header broken over lines,
                   colspan=2, unclosed <td>, a nested table in a cell
  prose.txt        two lines of prose with commas: not a table
  split.docx, split.odt, split.pptx, split.html
                   cells that are numbers each, but would read as one number
                   if cells were joined by spaces: "Mobile | 303 | 862 |
                   4410" (a labelled phone), "Units | 4532 | 0151 | 1283 |
                   0366" (a Luhn-valid card), a nested table "4111 | 1111
                   1111 1111" (docx, odt, html; a flat row in pptx); then a
                   label | value form (SSN, Date of birth, Phone) and a cell
                   of two paragraphs. Expectation: SPLIT_EXPECT
The .xls and .ods variants of staff.xlsx are made by LibreOffice
(tests/gen/make_table_fixtures.sh) and committed under tests/fixtures/tables/.

    python3 gen_tables.py OUTDIR
    python3 gen_tables.py --corpus FUZZDIR   # small seeds for fuzz/corpus/csv
"""
import csv
import datetime
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_sheets as gs  # noqa: E402
import gen_docs as gd  # noqa: E402

# (name, employee id, ssn, date of birth, phone); SSNs valid by range
PEOPLE = [
    ("Jane Roe", "E10023", "536221874", datetime.date(1975, 3, 14), "2127365000"),
    ("John Doe", "", "536221875", datetime.date(1980, 1, 2), "2127365001"),
    ("Zoë Adams", "E10031", "536221876", datetime.date(1991, 11, 30), "2127365002"),
]
HEADER = ["Name", "Employee ID", "SSN", "Date of birth", "Phone"]


def expectation(rows=PEOPLE):
    """What a scan must find: distinct SSNs and dates of birth."""
    return {"ssn": len(rows), "dob": len(rows),
            "labelled": ["SSN: %s" % r[2] for r in rows]}


def csv_text(delim=",", title_rows=1, rows=PEOPLE, quote_all=False):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delim, lineterminator="\r\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for i in range(title_rows):
        w.writerow(["Staff list %d" % (2014 + i)] + [""] * (len(HEADER) - 1))
    w.writerow(HEADER)
    for name, emp, ssn, dob, phone in rows:
        w.writerow([name, emp, ssn, dob.isoformat(), phone])
    return out.getvalue()


def semicolon_csv():
    rows = [("Roe; Jane", "E1", "536221874", "14.03.1975", "2127365000"),
            ('Doe "JD"\nJohn', "E2", "536221875", "02.01.1980", "2127365001")]
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow(r)
    return out.getvalue()


# ---- xlsx ----

def _col(i):
    return "ABCDEFGHIJ"[i]


def staff_sheet():
    """Rows of (ref, kind, value, style): title, header (shared strings),
    people (inline names, SSN as number, DOB as serial with style 1)."""
    rows = [[("A1", "s", "Staff list 2014", None)],
            [(_col(i) + "2", "sst", i, None) for i in range(len(HEADER))]]
    for r, (name, emp, ssn, dob, phone) in enumerate(PEOPLE, 3):
        cells = [("A%d" % r, "s", name, None)]
        if emp:
            cells.append(("B%d" % r, "s", emp, None))
        cells += [("C%d" % r, "n", ssn, None),
                  ("D%d" % r, "n", gs.serial(dob), gs.STYLE_MDY),
                  ("E%d" % r, "n", phone, None)]
        rows.append(cells)
    return rows


def form_sheet():
    """A two-column form: label | value rows."""
    return [[("A1", "s", "Name", None), ("B1", "s", "Jane Roe", None)],
            [("A2", "s", "Date of birth", None),
             ("B2", "n", gs.serial(datetime.date(1975, 3, 14)), gs.STYLE_MDY)],
            [("A3", "s", "SSN", None), ("B3", "n", "536221874", None)]]


def x_sheet(rows):
    out = [gs.XML_DECL, '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (gs.NS_X, gs.NS_R)]
    for i, cells in enumerate(rows, 1):
        out.append('<row r="%d">' % i)
        for ref, kind, value, style in cells:
            if kind == "sst":
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, value))
            else:
                out.append(gs.x_cell(ref, kind, value, style))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def xlsx(rows):
    sst = (gs.XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
           % (gs.NS_X, len(HEADER), len(HEADER), "".join("<si><t>%s</t></si>" % h for h in HEADER)))
    workbook = (gs.XML_DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
                '<sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>' % (gs.NS_X, gs.NS_R))
    parts = [("[Content_Types].xml", gs.content_types()),
             ("_rels/.rels", gs.rels([("rId1", "officeDocument", "xl/workbook.xml")])),
             ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", gs.rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                     ("rId2", "styles", "styles.xml"),
                                                     ("rId3", "sharedStrings", "sharedStrings.xml")])),
             ("xl/worksheets/sheet1.xml", x_sheet(rows)),
             ("xl/styles.xml", gs.x_styles()),
             ("xl/sharedStrings.xml", sst)]
    return gs.zip_bytes(parts)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w_cell(text, span=1):
    pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ""
    # Word splits runs at will: the label "Date of birth" comes in two runs
    runs = "".join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % r for r in text)
    return "<w:tc>%s<w:p>%s</w:p></w:tc>" % (pr, runs)


def memo_docx():
    head = [_w_cell(["Name"]), _w_cell(["SS", "N"]), _w_cell(["Date of ", "birth"]),
            _w_cell(["Contact"], span=2)]
    rows = ["<w:tr>%s</w:tr>" % "".join(head)]
    for name, _emp, ssn, dob, phone in PEOPLE:
        rows.append("<w:tr>%s</w:tr>" % "".join(
            [_w_cell([name]), _w_cell([ssn]), _w_cell([dob.isoformat()]),
             _w_cell(["ext"]), _w_cell([phone])]))
    body = ('<w:p><w:r><w:t>HR memo: new hires</w:t></w:r></w:p><w:tbl>%s</w:tbl>'
            '<w:p><w:r><w:t>Regards</w:t></w:r></w:p>' % "".join(rows))
    doc = gs.XML_DECL + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)
    ct = (gs.XML_DECL + '<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' % gs.NS_CT)
    return gs.zip_bytes([("[Content_Types].xml", ct),
                         ("_rels/.rels", gs.rels([("rId1", "officeDocument", "word/document.xml")])),
                         ("word/document.xml", doc)])


def memo_html():
    rows = ["<tr><th>Name</th><th>SSN</th><th>Date\n      of birth</th><th colspan=2>Contact</th></tr>"]
    for i, (name, _emp, ssn, dob, phone) in enumerate(PEOPLE):
        extra = "<table><tr><td>nested</td><td>1234 5678</td></tr></table>" if i == 0 else ""
        rows.append("<tr><td>%s%s<td>%s<td>%s<td>ext<td>%s</tr>" % (name, extra, ssn, dob.isoformat(), phone))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>HR memo</title></head><body>"
            "<p>HR memo: new hires</p><table>%s</table><p>Regards</p></body></html>" % "\n".join(rows))


# ---- numbers in neighbouring cells (split.*) ----

SPLIT_SALES = [["Channel", "Q1", "Q2", "Q3", "Q4"],
               ["Mobile", "303", "862", "4410", ""],      # "Mobile 303 862 4410": a phone
               ["Units", "4532", "0151", "1283", "0366"]]  # "4532 0151 1283 0366": a card
SPLIT_NESTED = [["4111", "1111 1111 1111"]]              # "4111 1111 1111 1111": a card
SPLIT_FORM = [["SSN", "536221874"], ["Date of birth", "1975-03-14"], ["Phone", "(212) 736-5000"],
              ["Name", ["Jane", "Roe"]]]                 # a cell of two paragraphs
# what a scan of each split.* must find: nothing from across cells, the form's values
SPLIT_EXPECT = {"credit_card": set(), "phone": {"5000"}, "ssn": {"1874"}, "dob": 1}
# lines each split.* text must hold (and no line may start or end with a tab)
SPLIT_LINES = ["Channel\tQ1\tQ2\tQ3\tQ4\n", "\nMobile\t303\t862\t4410\n",
               "\nUnits\t4532\t0151\t1283\t0366\n", "4111\t1111 1111 1111\n",
               "\nSSN\t536221874\n", "\nDate of birth\t1975-03-14\n",
               "\nPhone\t(212) 736-5000\n", "\nName\tJane Roe\n"]


def _paras(cell):
    return cell if isinstance(cell, list) else [cell] if cell else []


def _w_tbl(rows, nested=None):
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            ps = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % t for t in _paras(cell))
            out.append("<w:tc>%s</w:tc>" % (ps or "<w:p/>"))
        out.append("</w:tr>")
    if nested:  # a row "Card ref | <table>": a cell ends with a paragraph (Word's rule)
        out.append('<w:tr><w:tc><w:p><w:r><w:t>Card ref</w:t></w:r></w:p></w:tc><w:tc>%s<w:p/></w:tc></w:tr>'
                   % _w_tbl(nested))
    out.append("</w:tbl>")
    return "".join(out)


def split_docx():
    body = ("<w:p><w:r><w:t>Quarterly figures</w:t></w:r></w:p>%s<w:p/>%s"
            % (_w_tbl(SPLIT_SALES, SPLIT_NESTED), _w_tbl(SPLIT_FORM)))
    doc = gs.XML_DECL + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)
    ct = gd.content_types(gd.DOCX_CT_DEFAULTS[:2], [("/word/document.xml", gd.WML + "document.main+xml")])
    return gd.zip_bytes([("[Content_Types].xml", ct),
                         ("_rels/.rels", gd.rels([("rId1", "officeDocument", "word/document.xml", False)])),
                         ("word/document.xml", doc)])


def _t_tbl(rows, nested=None):
    out = ['<table:table table:name="T">']
    for row in rows:
        out.append("<table:table-row>")
        for cell in row:
            ps = "".join("<text:p>%s</text:p>" % t for t in _paras(cell))
            out.append('<table:table-cell office:value-type="string">%s</table:table-cell>' % ps)
        out.append("</table:table-row>")
    if nested:
        out.append('<table:table-row><table:table-cell><text:p>Card ref</text:p></table:table-cell>'
                   "<table:table-cell>%s</table:table-cell></table:table-row>" % _t_tbl(nested))
    out.append("</table:table>")
    return "\n".join(out)  # pretty-printed, as some writers do


def split_odt():
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>'
               "<text:p>Quarterly figures</text:p>%s<text:p/>%s</office:text></office:body>"
               "</office:document-content>" % (gd.ODF_NS, _t_tbl(SPLIT_SALES, SPLIT_NESTED), _t_tbl(SPLIT_FORM)))
    styles = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s/>' % gd.ODF_NS
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta %s><office:meta/>'
            "</office:document-meta>" % gd.ODF_NS)
    return gd.odf_bytes(gd.odf_parts("text", content, styles, meta))


def _a_tbl(rows):
    out = ['<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table 3"/><p:cNvGraphicFramePr/>'
           '<p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData '
           'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>']
    for row in rows:
        out.append('<a:tr h="1">')
        for cell in row:
            ps = "".join("<a:p><a:r><a:t>%s</a:t></a:r></a:p>" % t for t in _paras(cell)) or "<a:p/>"
            out.append("<a:tc><a:txBody><a:bodyPr/>%s</a:txBody></a:tc>" % ps)
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    return "".join(out)


def split_pptx():
    """PowerPoint has no nested tables: the nested row is a row of its own."""
    parts = dict(gd.pptx_parts())
    ns = 'xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"' % (gd.NS_A, gd.NS_R, gd.NS_P)
    parts["ppt/slides/slide1.xml"] = (
        gd.XML_DECL + '<p:sld %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
        '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>%s%s%s</p:spTree></p:cSld></p:sld>'
        % (ns, gd.p_sp(["Quarterly figures"], "Title 1"),
           _a_tbl(SPLIT_SALES + [["Card ref"] + SPLIT_NESTED[0]]), _a_tbl(SPLIT_FORM)))
    keep = ("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
            "ppt/slides/slide1.xml")
    return gd.zip_bytes([(n, parts[n]) for n in keep])


def _h_tbl(rows, nested=None, indent="  "):
    out = ["%s<table>" % indent]
    for row in rows:
        out.append("%s  <tr>" % indent)
        for cell in row:  # pretty-printed: whitespace around every value
            out.append("%s    <td>\n%s      %s\n%s    </td>"
                       % (indent, indent, " ".join("<p>%s</p>" % t for t in _paras(cell))
                          if isinstance(cell, list) else cell, indent))
        out.append("%s  </tr>" % indent)
    if nested:
        out.append("%s  <tr>\n%s    <td>Card ref</td>\n%s    <td>\n%s\n%s    </td>\n%s  </tr>"
                   % (indent, indent, indent, _h_tbl(nested, indent=indent + "      "), indent, indent))
    out.append("%s</table>" % indent)
    return "\n".join(out)


def split_html():
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Figures</title></head><body>\n"
            "<h1>Quarterly figures</h1>\n%s\n<p>Contact</p>\n%s\n</body></html>\n"
            % (_h_tbl(SPLIT_SALES, SPLIT_NESTED), _h_tbl(SPLIT_FORM)))


PASSWORDS = [("Site", "Username", "Password", "Notes"),
             ("intranet", "jdoe", "hunter2!", "main"),
             ("vpn", "asmith", "Tr0ub4dor&3", "old token"),
             ("wiki", "bob", "changeme", "")]  # a placeholder: rejected by the validator


def passwords_csv():
    """A password list exported from a spreadsheet: the secrets are short
    words with few or no digits, PII only by their column."""
    return "".join(",".join(r) + "\n" for r in PASSWORDS)


def passwords_html():
    rows = "".join("<tr>%s</tr>" % "".join(("<th>%s</th>" if i == 0 else "<td>%s</td>") % c for c in r)
                   for i, r in enumerate(PASSWORDS))
    return "<html><body><p>Accounts</p><table>%s</table></body></html>" % rows


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    files = {
        "staff.csv": csv_text().encode("utf-8"),
        "staff_semi.csv": semicolon_csv().encode("utf-8"),
        "staff.tsv": b"\xff\xfe" + csv_text("\t").encode("utf-16-le"),
        "staff_1252.csv": csv_text(",", title_rows=2, quote_all=True).encode("cp1252"),
        "staff.xlsx": xlsx(staff_sheet()),
        "form.xlsx": xlsx(form_sheet()),
        "memo.docx": memo_docx(),
        "memo.html": memo_html().encode("utf-8"),
        "prose.txt": b"Hello, world, how are you\nI am fine, thanks, and you\n",
        "split.docx": split_docx(),
        "split.odt": split_odt(),
        "split.pptx": split_pptx(),
        "split.html": split_html().encode("utf-8"),
        "passwords.csv": passwords_csv().encode("utf-8"),
        "passwords.html": passwords_html().encode("utf-8"),
    }
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    exp = {n: expectation() for n in ("staff.csv", "staff.tsv", "staff_1252.csv", "staff.xlsx",
                                      "memo.docx", "memo.html")}
    exp["staff_semi.csv"] = {"ssn": 2, "dob": 2, "labelled": ["SSN: 536221874"]}
    return exp


def corpus(outdir):
    os.makedirs(outdir, exist_ok=True)
    seeds = {"comma.csv": csv_text().encode(), "semi.csv": semicolon_csv().encode(),
             "utf16.tsv": b"\xff\xfe" + csv_text("\t").encode("utf-16-le"),
             "pipe.txt": csv_text("|").encode(), "ragged.csv": b"a,b,c\n1,2\n\"x\"\"y\",\"\n\",z\n"}
    for name, data in seeds.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
    elif len(argv) == 2:
        print(json.dumps(generate(argv[1]), indent=1))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
