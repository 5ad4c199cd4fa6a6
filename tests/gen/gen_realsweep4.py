#!/usr/bin/env python3
"""Fixtures for the quirks found in a fourth sweep of other projects' test
documents (dotnet/Open-XML-SDK, NPOI, exceljs, odfpy, ezodf, rtf.js, pyth,
pdf-association): each is the smallest file showing the quirk, written
with the Python stdlib.

    python3 gen_realsweep4.py OUTDIR

- symbol.docx: characters typed from the Symbol font, as Word writes them
  (<w:sym w:font="Symbol" w:char="F02D"/>: the font's private copy of its
  code 0x2D, a minus). Open-XML-SDK's equation-1.docx writes "n-1" and
  Greek letters so; every code F020-F0FF was dropped as a picture glyph
  (right for Wingdings, kept here), and "n-1" read "n1". Text in a run
  whose font is Symbol (w:rFonts w:ascii="Symbol": Open-XML-SDK's
  complex0.docx writes a bullet so, U+F0B7) read as private-use
  characters, or as Latin letters where the page shows Greek.
- hfcolour.xlsx: a page header and footer with font colours (&K000000, as
  Excel 2007+ writes a coloured header; a theme colour &K01+033): the six
  characters of the colour were read as text, "000000Project Completion"
  (Open-XML-SDK's ProjectStatusReport_TP10094814.xltx), and an SSN right
  after a colour change was no SSN ("FF0000536-22-1874").
- anchors.xlsx: a drawing with a text box and a legacy comment, anchored
  to cells: every anchor number (<xdr:col>, <xdr:colOff>, <xdr:row>,
  <xdr:rowOff>) and the comment box's client data (<x:Anchor> "6, 15, 41,
  14, ...", <x:AutoFill>False, <x:Row>, <x:Column>) was a line of text:
  NPOI's Issue1252.xlsx read 54 such lines around 14 lines of text.
- xstring.xlsx: SpreadsheetML's _xHHHH_ escapes (ST_Xstring) in shared
  strings, an inline string and a comment: the CR of a CRLF line as Excel
  and POI write it (_x000D_), a LF (_x000a_, Open-XML-SDK's
  missingcalcchainpart.xlsx), a literal "_x000D_" as "_x005F_x000D_"
  (exceljs's shared_string_with_escape.xlsx), a character outside the BMP
  as two escaped surrogates. They were left as they were, glued to the
  word before them: "Escaped literally: _x005F_x000D_",
  "536-22-1874_x000a_Jane Roe", "Mood _xD83D__xDE00_ ok".
"""
import os
import sys
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument."
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)


def _types(defaults, overrides):
    s = XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    for ext, ct in defaults:
        s += '<Default Extension="%s" ContentType="%s"/>' % (ext, ct)
    for part, ct in overrides:
        s += '<Override PartName="%s" ContentType="%s"/>' % (part, ct)
    return s + "</Types>"


def _rels(rels):
    s = XML + '<Relationships xmlns="%s">' % PR_NS
    for i, (typ, target) in enumerate(rels, 1):
        s += '<Relationship Id="rId%d" Type="%s%s" Target="%s"/>' % (i, OD, typ, target)
    return s + "</Relationships>"


def _sym(code, font="Symbol"):
    return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (font, code)


def _sym_run(text):
    return ('<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
            '<w:t xml:space="preserve">%s</w:t></w:r>' % text)


def _r(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def docx_symbol(path):
    paras = [
        # equation-1.docx: "的秩是 n" + Symbol minus + "1"
        _r("The rank is n") + _sym("F02D") + _r("1, so the form has n") + _sym("F02D") +
        _r("1 terms."),
        # Greek and relations typed from Symbol
        _r("Significance ") + _sym("F061") + _r(" ") + _sym("F0A3") + _r(" 0.05, ") +
        _sym("F044") + _r("t ") + _sym("F0B1") + _r(" 2 s"),
        # Wingdings: a tick, a picture glyph with no text
        _sym("F0FC", "Wingdings") + _r("Approved by Jane Roe"),
        # text in a run whose font is Symbol: the bullet F0B7 and space
        # F020 (complex0.docx's "Display Field"), a Greek letter typed as
        # ASCII "D"; the next run, in another font, as it is
        _r("Display Field: ") + _sym_run("\uf0b7\uf020") + _r("Delta ") +
        _sym_run("D") + _r("D beside it"),
    ]
    body = "".join("<w:p>%s</w:p>" % p for p in paras)
    doc = XML + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)
    _zip(path, [
        ("[Content_Types].xml", _types(
            [("rels", "application/vnd.openxmlformats-package.relationships+xml"),
             ("xml", "application/xml")],
            [("/word/document.xml", CT + "wordprocessingml.document.main+xml")])),
        ("_rels/.rels", _rels([("officeDocument", "word/document.xml")])),
        ("word/document.xml", doc),
    ])


def _xlsx(path, sheet, extra_parts=(), sheet_rels=(), overrides=(), defaults=()):
    wb = (XML + '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
          '<sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S_NS, R_NS))
    parts = [
        ("[Content_Types].xml", _types(
            [("rels", "application/vnd.openxmlformats-package.relationships+xml"),
             ("xml", "application/xml")] + list(defaults),
            [("/xl/workbook.xml", CT + "spreadsheetml.sheet.main+xml"),
             ("/xl/worksheets/sheet1.xml", CT + "spreadsheetml.worksheet+xml")] +
            list(overrides))),
        ("_rels/.rels", _rels([("officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", _rels([("worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    if sheet_rels:
        parts.append(("xl/worksheets/_rels/sheet1.xml.rels", _rels(sheet_rels)))
    _zip(path, parts + list(extra_parts))


def _inline_row(r, cells):
    s = '<row r="%d">' % r
    for i, v in enumerate(cells):
        s += '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % ("ABCDEFG"[i], r, v)
    return s + "</row>"


def xlsx_hfcolour(path):
    # as ProjectStatusReport_TP10094814.xltx: &L&9&K000000Title&C...&P of &N
    footer = ("&amp;L&amp;9&amp;K000000Project Completion&amp;C&amp;9&amp;K000000&amp;P of "
              "&amp;N&amp;R&amp;9&amp;K01+033&amp;D")
    header = ("&amp;LEmployee SSN &amp;KFF0000536-22-1874&amp;RPrepared by &amp;K04-050Jane Roe"
              "_x000D_\nPayroll")
    sheet = (XML + '<worksheet xmlns="%s"><sheetData>%s</sheetData>'
             '<headerFooter><oddHeader>%s</oddHeader><oddFooter>%s</oddFooter></headerFooter>'
             '</worksheet>' % (S_NS, _inline_row(1, ["Quarter", "Hours"]), header, footer))
    _xlsx(path, sheet)


def _anchor(col, coloff, row, rowoff, col2, row2, inner):
    return ('<xdr:twoCellAnchor><xdr:from><xdr:col>%d</xdr:col><xdr:colOff>%d</xdr:colOff>'
            '<xdr:row>%d</xdr:row><xdr:rowOff>%d</xdr:rowOff></xdr:from>'
            '<xdr:to><xdr:col>%d</xdr:col><xdr:colOff>581025</xdr:colOff><xdr:row>%d</xdr:row>'
            '<xdr:rowOff>171450</xdr:rowOff></xdr:to>%s<xdr:clientData/></xdr:twoCellAnchor>'
            % (col, coloff, row, rowoff, col2, row2, inner))


def _textbox(i, text):
    return ('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="%d" name="TextBox %d"/>'
            '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="38100" y="0"/>'
            '<a:ext cx="2390775" cy="504825"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>'
            '<a:rPr lang="en-US"/><a:t>%s</a:t></a:r></a:p></xdr:txBody></xdr:sp>' % (i, i, text))


def xlsx_anchors(path):
    drawing = (XML + '<xdr:wsDr xmlns:xdr="%s" xmlns:a="%s">' % (XDR_NS, A_NS) +
               _anchor(0, 38100, 0, 0, 2, 3, _textbox(2, "Remove the burr at the red line")) +
               _anchor(4, 504825, 41, 47625, 7, 44, _textbox(3, "Inspector badge 4471 Jane Roe")) +
               "</xdr:wsDr>")
    vml = ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
           'office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
           '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;'
           'margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;'
           'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\n'
           '<v:textbox><div style="text-align:left"><font face="Tahoma" size="160">'
           '<b>Jane Roe:</b></font><font face="Tahoma" size="160"><br>Check the hole</font>'
           '</div></v:textbox>\n'
           '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
           '<x:Anchor>\n    6, 15, 41, 14, 7, 42, 44, 21</x:Anchor>'
           '<x:AutoFill>False</x:AutoFill><x:Row>42</x:Row><x:Column>5</x:Column>'
           '</x:ClientData>\n</v:shape></xml>')
    comments = (XML + '<comments xmlns="%s"><authors><author>Jane Roe</author></authors>'
                '<commentList><comment ref="F43" authorId="0"><text><r><t>Jane Roe:</t></r>'
                '<r><t xml:space="preserve">\nCheck the hole</t></r></text></comment>'
                '</commentList></comments>' % S_NS)
    sheet = (XML + '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData>'
             '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>'
             % (S_NS, R_NS, _inline_row(1, ["Step", "Action"])))
    _xlsx(path, sheet,
          extra_parts=[("xl/drawings/drawing1.xml", drawing),
                       ("xl/drawings/vmlDrawing1.vml", vml),
                       ("xl/comments1.xml", comments)],
          sheet_rels=[("drawing", "../drawings/drawing1.xml"),
                      ("vmlDrawing", "../drawings/vmlDrawing1.vml"),
                      ("comments", "../comments1.xml")],
          overrides=[("/xl/drawings/drawing1.xml", CT + "drawing+xml"),
                     ("/xl/comments1.xml", CT + "spreadsheetml.comments+xml")],
          defaults=[("vml", CT + "vmlDrawing")])


def xlsx_xstring(path):
    sst = (XML + '<sst xmlns="%s" count="4" uniqueCount="4">'
           '<si><t>Phone 555-867-5309_x000D_\nMobile 555-867-5310</t></si>'
           '<si><t>Escaped literally: _x005F_x000D_</t></si>'
           '<si><r><t>SSN 536-22-1874_x000a_</t></r><r><t>Jane Roe</t></r></si>'
           '<si><t>Mood _xD83D__xDE00_ ok</t></si></sst>' % S_NS)
    rows = ''.join('<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>' % (i + 1, i + 1, i)
                   for i in range(4))
    rows += ('<row r="5"><c r="A5" t="inlineStr"><is><t>Fax 555-867-5311_x000D_</t></is></c>'
             '<c r="B5" t="inlineStr"><is><t>next</t></is></c></row>')
    sheet = (XML + '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData>'
             '<legacyDrawing r:id="rId2"/></worksheet>' % (S_NS, R_NS, rows))
    comments = (XML + '<comments xmlns="%s"><authors><author>Jane Roe</author></authors>'
                '<commentList><comment ref="B5" authorId="0"><text><r><t>Call 555-867-5312_x000D_'
                '\nafter noon</t></r></text></comment></commentList></comments>' % S_NS)
    _xlsx(path, sheet,
          extra_parts=[("xl/sharedStrings.xml", sst), ("xl/comments1.xml", comments)],
          sheet_rels=[("comments", "../comments1.xml")],
          overrides=[("/xl/sharedStrings.xml", CT + "spreadsheetml.sharedStrings+xml"),
                     ("/xl/comments1.xml", CT + "spreadsheetml.comments+xml")])


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    docx_symbol(os.path.join(outdir, "symbol.docx"))
    xlsx_hfcolour(os.path.join(outdir, "hfcolour.xlsx"))
    xlsx_anchors(os.path.join(outdir, "anchors.xlsx"))
    xlsx_xstring(os.path.join(outdir, "xstring.xlsx"))


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
