#!/usr/bin/env python3
"""Generate workbooks whose legacy VML drawing is not well-formed XML, the
way Excel writes it: a comment box and a form-control text box with "<br>"
left open inside <v:textbox> (Apache POI keeps such a file as
test-data/spreadsheet/BrNotClosed.xlsx). leaksift must read the text of the
VML part and must not call the file incomplete because of it.

    python3 gen_vml.py OUTDIR          # the fixtures below + expect.json
    python3 gen_vml.py --seed DIR      # one small fuzz seed for the ooxml handler

Files (fake values; each text lives in one place only):
  comments_br.xlsx  comments1.xml holds COMMENT_EMAIL; the VML drawing's
                    comment shape and button hold TEXTBOX_EMAIL and
                    BUTTON_EMAIL after open "<br>" tags
  drawing_br.vml    the same VML drawing as a file of its own (with an XML
                    declaration, so it is read as XML)
  comments_anchor.xlsx  values next to numbers that are no text: a comment
                    whose IBAN is followed by its anchor (<xdr:col>4</xdr:col>
                    ... as LibreOffice writes comments1.xml), a VML comment
                    box whose card number is followed by <x:Anchor> without
                    white space, and a chart whose two cached values
                    (CHART_VALUES) would read as a Luhn-valid card if glued
generate(outdir, write_expect=True) returns {file: {"handler", "emails"}}.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_docs  # noqa: E402

COMMENT_EMAIL = "comment.author@example.com"
TEXTBOX_EMAIL = "vml.textbox@example.com"
BUTTON_EMAIL = "vml.button@example.org"
CELL_EMAIL = "cell.value@example.com"
ANCHOR_IBAN = "GB82WEST12345698765432"
ANCHOR_CARD = "5424180132704476"
CHART_VALUES = ("4556737", "586899855")  # glued: 4556737586899855, Luhn-valid

NS_X = gen_docs.NS_X
REL = gen_docs.REL


def vml_drawing():
    """A legacy drawing as Excel writes it: HTML-ish, "<br>" never closed,
    CRLF line ends."""
    return "\r\n".join([
        '<xml xmlns:v="urn:schemas-microsoft-com:vml"',
        ' xmlns:o="urn:schemas-microsoft-com:office:office"',
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">',
        ' <o:shapelayout v:ext="edit">',
        '  <o:idmap v:ext="edit" data="1"/>',
        ' </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"',
        '  path="m,l,21600r21600,l21600,xe">',
        '  <v:stroke joinstyle="miter"/>',
        '  <v:path gradientshapeok="t" o:connecttype="rect"/>',
        ' </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;',
        '  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;',
        '  visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">',
        '  <v:fill color2="#ffffe1"/>',
        '  <v:textbox style=\'mso-direction-alt:auto\'>',
        '   <div style=\'text-align:left\'><font face="Tahoma" size="160" color="auto"><b>Jane Doe:</b><br>',
        '   Reach me at %s<br>' % TEXTBOX_EMAIL,
        '   </font></div>',
        '  </v:textbox>',
        '  <x:ClientData ObjectType="Note">',
        '   <x:MoveWithCells/>',
        '   <x:SizeWithCells/>',
        '   <x:Row>0</x:Row>',
        '   <x:Column>0</x:Column>',
        '  </x:ClientData>',
        ' </v:shape><v:shape id="_x0000_s1026" type="#_x0000_t201" style=\'position:absolute;',
        '  margin-left:106.5pt;margin-top:49.5pt;width:87.75pt;height:70.5pt;z-index:2\'',
        '  o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]" o:insetmode="auto">',
        '  <v:textbox style=\'mso-direction-alt:auto\' o:singleclick="f">',
        '   <div style=\'text-align:center\'><font face="Calibri" size="220"',
        '   color="#000000"><b>Send to<br>',
        '      %s<br>' % BUTTON_EMAIL,
        '      now</b></font></div>',
        '  </v:textbox>',
        '  <x:ClientData ObjectType="Button">',
        '   <x:Anchor>',
        '    2, 14, 3, 6, 4, 3, 8, 0</x:Anchor>',
        '   <x:FmlaMacro>[0]!Button1_Click</x:FmlaMacro>',
        '  </x:ClientData>',
        ' </v:shape></xml>',
        ""])


def comments():
    return (gen_docs.XML_DECL + '<comments xmlns="%s"><authors><author>Jane Doe</author></authors>'
            '<commentList><comment ref="A1" authorId="0"><text><r><t>Reach me at %s</t></r></text>'
            '</comment></commentList></comments>' % (NS_X, COMMENT_EMAIL))


def comments_with_anchor():
    """comments1.xml as LibreOffice 7 writes it: the text, then the box's
    anchor as numbers in <xdr:from>/<xdr:to> (mc:AlternateContent)."""
    xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    v2 = "http://schemas.openxmlformats.org/spreadsheetml/2006/main/v2"
    anchor = "".join("<xdr:%s><xdr:col>%d</xdr:col><xdr:colOff>%d</xdr:colOff><xdr:row>%d</xdr:row>"
                     "<xdr:rowOff>%d</xdr:rowOff></xdr:%s>" % (end, c, co, r, ro, end)
                     for end, c, co, r, ro in (("from", 4, 23, 0, 0), ("to", 5, 47, 3, 1)))
    return (gen_docs.XML_DECL + '<comments xmlns="%s" xmlns:mc="%s" xmlns:xdr="%s" xmlns:v2="%s" '
            'mc:Ignorable="v2"><authors><author> </author></authors><commentList>'
            '<comment ref="D3" authorId="0"><text><r><t xml:space="preserve">note IBAN %s</t></r>'
            '</text><mc:AlternateContent><mc:Choice Requires="v2"><commentPr autoFill="true">'
            '<anchor moveWithCells="false" sizeWithCells="false">%s</anchor></commentPr>'
            '</mc:Choice><mc:Fallback></mc:Fallback></mc:AlternateContent></comment></commentList>'
            '</comments>' % (NS_X, mc, xdr, v2, ANCHOR_IBAN, anchor))


def vml_anchor_drawing():
    """A comment box whose text runs straight into its client data."""
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" '
            'type="#_x0000_t202"><v:textbox><div style=\'text-align:left\'><font face="Tahoma">'
            'card %s</font></div></v:textbox><x:ClientData ObjectType="Note"><x:Anchor>4, 15, 0, 2, 6, 31, '
            '4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>3</x:Column>'
            '</x:ClientData></v:shape></xml>' % ANCHOR_CARD)


def chart():
    c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    pts = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, v) for i, v in enumerate(CHART_VALUES))
    return (gen_docs.XML_DECL + '<c:chartSpace xmlns:c="%s"><c:chart><c:plotArea><c:barChart><c:ser>'
            '<c:val><c:numRef><c:f>Sheet1!$B$1:$B$2</c:f><c:numCache><c:formatCode>General'
            '</c:formatCode><c:ptCount val="2"/>%s</c:numCache></c:numRef></c:val></c:ser>'
            '</c:barChart></c:plotArea></c:chart></c:chartSpace>' % (c, pts))


def anchor_parts():
    parts = [(n, d) for n, d in workbook_parts()
             if n not in ("xl/comments1.xml", "xl/drawings/vmlDrawing1.vml")]
    return parts + [("xl/comments1.xml", comments_with_anchor()),
                    ("xl/drawings/vmlDrawing1.vml", vml_anchor_drawing()),
                    ("xl/charts/chart1.xml", chart())]


def workbook_parts():
    sst = gen_docs.x_sst(["Contact", CELL_EMAIL])
    sheet = gen_docs.x_sheet([[(0, "s")], [(1, "s")]])
    # the sheet points at its legacy drawing, as Excel's sheets do
    sheet = sheet.replace("</worksheet>", '<legacyDrawing r:id="rId2"/></worksheet>')
    parts = gen_docs.xlsx_parts([("Contacts", sheet)], sst)
    vml_type = ('<Default Extension="vml" '
                'ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>')
    parts = [(n, d.replace("<Default ", vml_type + "<Default ", 1) if n == "[Content_Types].xml" else d)
             for n, d in parts]
    parts = [(n, d) for n, d in parts if n != "xl/worksheets/_rels/sheet1.xml.rels"]
    parts += [("xl/worksheets/_rels/sheet1.xml.rels",
               gen_docs.rels([("rId1", "comments", "../comments1.xml", False),
                              ("rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml", False)])),
              ("xl/comments1.xml", comments()),
              ("xl/drawings/vmlDrawing1.vml", vml_drawing())]
    return parts


def generate(out, write_expect=True):
    os.makedirs(out, exist_ok=True)
    gen_docs.write_zip(os.path.join(out, "comments_br.xlsx"), workbook_parts())
    gen_docs.write_zip(os.path.join(out, "comments_anchor.xlsx"), anchor_parts())
    with open(os.path.join(out, "drawing_br.vml"), "wb") as f:
        # saved on its own, a drawing starts with an XML declaration
        f.write((gen_docs.XML_DECL + vml_drawing()).encode("utf-8"))
    exp = {
        "comments_br.xlsx": {"handler": "ooxml",
                             "emails": [COMMENT_EMAIL, TEXTBOX_EMAIL, BUTTON_EMAIL, CELL_EMAIL]},
        "drawing_br.vml": {"handler": "xml", "emails": [TEXTBOX_EMAIL, BUTTON_EMAIL]},
        "comments_anchor.xlsx": {"handler": "ooxml", "emails": [CELL_EMAIL]},
    }
    if write_expect:
        with open(os.path.join(out, "expect.json"), "w") as f:
            json.dump(exp, f, indent=1, sort_keys=True)
    return exp


def main(argv):
    if len(argv) == 3 and argv[1] == "--seed":
        os.makedirs(argv[2], exist_ok=True)
        gen_docs.write_zip(os.path.join(argv[2], "vml_br.xlsx"), workbook_parts())
        return 0
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    generate(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
