#!/usr/bin/env python3
"""Fixtures for the quirks found in a sixth sweep of other projects' test
documents (ONLYOFFICE-QA/ooxml_parser's spec files, ONLYOFFICE/core's test
files, LibreOffice core's sw/sc test data, libetonyek's): each is the
smallest file showing the quirk, written with the Python stdlib.

    python3 gen_realsweep6.py OUTDIR

- ctlchar.docx: a raw C0 control character (no XML 1.0 character) inside
  markup, as ONLYOFFICE wrote one (0x02) into a field's w:instr attribute
  in ooxml_parser's shade_nil.docx, and a vertical tab (0x0B) and 0x01
  copied into w:t. libxml2 stopped the tag at the 0x02: the rest of the
  attribute read as text (` \\* MERGEFORMAT">`) and 42% of the document
  after it was gone; in w:t the byte was dropped and the words around it
  glued ("NameJane Roe"); the part was partial (parse_error).
- dropcap.docx, dropcap.rtf, dropcap.doc: a drop cap. Word keeps it as a
  paragraph of its own (w:framePr w:dropCap="drop"; RTF \\dropcapli3; a
  .doc's PAPX with sprmPDcs) holding the first letter of the next
  paragraph: ooxml_parser's dropcap_borders.docx read "S", a line break,
  "imple Test Text": a word (a name) cut in two.
- longcyr.docx: one text run of 160 KB of Cyrillic after a short
  paragraph (ooxml_parser's footnote_reference docx, a Russian book): the
  text went out in 64 KiB pieces cut inside a two-byte letter, each half
  read as U+FFFD ("Боги \ufffd\ufffdлимпа"), ten words broken.
- shape.odt: a shape anchored at the end of a paragraph (draw:custom-shape
  holding a text:p inside the text:p), as LibreOffice 7.4 writes a docx's
  DrawingML shape to ODT (ooxml_parser's chart_series_no_values.docx):
  "Олегу привет" and the shape's text ran together ("приветпрпср").
- wordml.xml: a Word 2003 XML document as LibreOffice 7.4 saves a docx to
  "MS Word 2003 XML": a hyperlink whose text is gone and whose target
  (w:hlink w:dest, ooxml_parser's inccorrect_date.docx: a profile URL with
  the author's name) was read nowhere; a comment (aml:annotation) whose
  author was dropped; and w:docOleData's oledata.mso holding one object
  LibreOffice could not write, a stream of 4 bytes (chart_in_table.docx):
  the storage was "no document stream this handler knows", `partial`,
  and the document `incomplete`.
- dates.slk: a SYLK sheet as Excel exports one (LibreOffice's
  ooo80484-1.slk; here with records ended by CR alone): the number formats as P;P
  records, each cell's format picked by the F record before it (;P10 is
  the eleventh P;P, "m/d/yy"): a date column read as serials (37651, not
  2003-01-30), so a date of birth was no date.
- lochart.bin: the compound file of a chart LibreOffice 7.4 embeds in a
  .ppt (ExOleObjStg) when it saves an ooxml_parser pptx with a chart:
  \x01Ole, \x01CompObj, \x02OlePres000, properties_stream and
  package_stream, the chart's ODF package. "no document stream this
  handler knows": the object partial and 10 of 50 presentations
  `incomplete`.
- pivotbin.xlsb: an .xlsb whose pivot cache parts are BIFF12
  (xl/pivotCache/pivotCacheDefinition1.bin, pivotCacheRecords1.bin), as
  ONLYOFFICE core's xlsb2xlsx_simple2.xlsb has: they went to the XML pivot
  reader by name and the workbook was partial ("XML not well-formed").
"""
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_xlsb  # noqa: E402
from cfb_writer import CFBWriter  # noqa: E402
import sweep_common as sc  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path, body):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", doc.encode("utf-8"))


def _p(text, ppr=""):
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, text)


def docx_ctlchar(path):
    body = ('<w:p><w:r><w:t xml:space= "preserve">requirements of item </w:t></w:r>'
            '<w:fldSimple w:instr="REF \u043f\u0440\u0438\u043b1 \\h \x02 \\* MERGEFORMAT">'
            '<w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> of the rules</w:t>'
            '</w:r></w:p>'
            + _p("Name\x0bJane Roe SSN 536-22-1874")
            + _p("Second\x01paragraph")
            + '<w:tbl><w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr></w:tbl>' % (
                _p("John Doe"), _p("078-05-1120"))
            + _p("Closing paragraph after the field"))
    _docx(path, body)


def docx_dropcap(path):
    frame = ('<w:pPr><w:spacing w:lineRule="exact" w:line="1473" w:after="0" w:before="0"/>'
             '<w:framePr w:dropCap="%s" w:lines="3" w:wrap="around" w:vAnchor="text" '
             'w:hAnchor="text"/></w:pPr>')
    body = (_p("S", frame % "drop") + _p("imple Test Text")
            + _p("J", frame % "margin") + _p("ane Roe, SSN 536-22-1874")
            + _p("N", frame % "none") + _p("ot a drop cap")
            + _p("Last line"))
    _docx(path, body)


LONGCYR_WORD = "\u041e\u043b\u0438\u043c\u043f\u0430 "  # "Олимпа "
LONGCYR_N = 12000


def docx_longcyr(path):
    # "Header\n" is 7 bytes: the first 64 KiB piece ends at an odd byte,
    # inside a two-byte letter
    _docx(path, _p("Header") + _p(LONGCYR_WORD * LONGCYR_N + "end") + _p("Jane Roe 536-22-1874"))


def rtf_dropcap(path):
    cap = ("\\pard\\plain \\ql \\li0\\ri0\\sl-1473\\slexact\\keepn\\widctlpar\\pvpara\\dropcapli3"
           "\\dropcapt1\\phpg\\posxc\\posy0\\absh-1473\\absw0\\nowrap\\wrapdefault\\faauto\\rin0\\lin0 "
           "{\\position-16\\fs157 %s}\\par\n")
    doc = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n"
           + cap % "S" + "\\pard\\plain \\ql\\widctlpar {imple Test Text}\\par\n"
           + cap % "J" + "\\pard\\plain {ane Roe, SSN 536-22-1874}\\par\n"
           + "\\pard\\plain Plain\\par\nLast line\\par\n}\n")
    with open(path, "w", newline="") as f:
        f.write(doc)


def doc_dropcap(path):
    """A Word 97 file: one compressed piece, a PlcBtePapx FKP page whose
    runs' PAPX say which paragraphs are drop caps (sprmPDcs 0x442C, DCS
    fdct 1 = drop, 3 lines)."""
    paras = ["S\r", "imple Test Text\r", "J\r", "ane Roe, SSN 536-22-1874\r", "Last line\r"]
    caps = [True, False, True, False, False]
    text = "".join(paras).encode("cp1252")
    # cb 0, cb' 3: istd 0, sprmPDcs, DCS (3 << 3) | 1; or cb 2: 2 * 2 - 1
    # bytes, istd 0 and a pad byte
    papxs = [b"\0\x03" + struct.pack("<HHH", 0, 0x442C, (3 << 3) | 1) if cap
             else b"\x02" + struct.pack("<H", 0) + b"\0" for cap in caps]
    wd, table = sc.w97_papx_doc(text, [len(p) for p in paras], papxs, 2 * 200)  # PAPXs from byte 400 on
    sc.write(path, sc.cfb([("WordDocument", bytes(wd)), ("0Table", bytes(table))]))


def odt_shape(path):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    shape = ('<draw:custom-shape text:anchor-type="char" draw:name="Object" svg:width="2in" '
             'svg:height="2in"><text:p><text:span>%s</text:span></text:p><draw:enhanced-geometry '
             'svg:viewBox="0 0 0 0" draw:type="ooxml-rect"><draw:equation draw:name="f0" '
             'draw:formula="logwidth/2"/></draw:enhanced-geometry></draw:custom-shape>')
    frame = ('<draw:frame text:anchor-type="as-char" svg:width="2in"><draw:text-box><text:p>%s'
             '</text:p></draw:text-box></draw:frame>')
    body = ('<text:p>Employee Jane Roe' + shape % "Confidential" + '</text:p>'
            '<text:p>Contact John Doe' + frame % "Draft" + ' after the box</text:p>'
            '<table:table><table:table-row><table:table-cell office:value-type="string"><text:p>'
            'Cell Smith' + shape % "Approved" + '</text:p></table:table-cell><table:table-cell '
            'office:value-type="string"><text:p>078-05-1120</text:p></table:table-cell>'
            '</table:table-row></table:table>'
            '<text:p>Footnoted<text:note text:note-class="footnote"><text:note-citation>1'
            '</text:note-citation><text:note-body><text:p>Note text</text:p></text:note-body>'
            '</text:note> sentence.</text:p>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3">'
               '<office:body><office:text>%s</office:text></office:body></office:document-content>'
               % (ns, body))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content.encode("utf-8"), zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:'
                   'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                   'vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
                   'manifest:media-type="text/xml"/></manifest:manifest>', zipfile.ZIP_DEFLATED)


def wordml_2003(path):
    import base64
    w = CFBWriter()
    w.add_stream("1", b"\0\0\0\0")
    ole = base64.b64encode(w.build()[0]).decode()
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<?mso-application progid="Word.Document"?>\n'
           '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
           'xmlns:aml="http://schemas.microsoft.com/aml/2001/core" '
           'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">'
           '<w:docOleData><w:binData w:name="oledata.mso">%s</w:binData></w:docOleData>'
           '<w:body><w:p><w:r><w:t>By </w:t></w:r><w:hlink w:dest="mailto:jane.roe@example.com">'
           '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr></w:r></w:hlink></w:p>'
           '<w:p><w:hlink w:bookmark="top" w:dest="#top"><w:r><w:t>Back to top</w:t></w:r></w:hlink></w:p>'
           '<w:p><w:r><w:t>Reviewed text</w:t></w:r><aml:annotation aml:id="0" w:type="Word.Comment" '
           'aml:author="Quokka Reviewer" aml:createdate="2026-11-30T00:00:00Z"><aml:content><w:p>'
           '<w:r><w:t>Check the SSN 536-22-1874</w:t></w:r></w:p></aml:content></aml:annotation>'
           '</w:p></w:body></w:wordDocument>' % ole)
    with open(path, "w") as f:
        f.write(doc)


def slk_dates(path):
    fmts = ["General", "0", "0.00", "#,##0", "#,##0.00", '"$"#,##0 ;;("$"#,##0)',
            '"$"#,##0.00 ;;("$"#,##0.00)', "0%", "0.00%", "0.00E+00", "m/d/yy", "d-mmm-yy"]
    recs = ["ID;PXL;N;E"] + ["P;P" + f for f in fmts] + ["P;FGeneva;M200", "F;P0;DG0G10;N3 10",
                                                        "B;Y3;X3"]
    recs += ['F;P0;FG0C;Y1;X1', 'C;K"Name"', 'F;P0;FG0C;X2', 'C;K"Date of birth"', 'F;P0;FG0C;X3',
             'C;K"Paid"',
             'F;P0;FG0L;Y2;X1', 'C;K"Jane Roe"', 'F;P10;FG0C;X2', 'C;K37651', 'F;P4;FF2R;X3', 'C;K54.43',
             'F;P0;FG0L;Y3;X1', 'C;K"John Doe"', 'F;P10;FG0C;X2', 'C;K"1/30/03"', 'C;X3;K37651', 'E']
    with open(path, "wb") as f:
        f.write(("\r".join(recs) + "\r").encode("ascii"))


def lo_chart_object(path):
    import io
    buf = io.BytesIO()
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:'
               'names:tc:opendocument:xmlns:office:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:'
               'chart:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:chart><chart:chart><chart:title><text:p>Bonus of Jane Roe '
               '536-22-1874</text:p></chart:title></chart:chart></office:chart></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.chart")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:'
                   'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                   'vnd.oasis.opendocument.chart"/></manifest:manifest>', zipfile.ZIP_DEFLATED)
    w = CFBWriter()
    w.add_stream("\x01Ole", b"\x01\x00\x00\x02" + b"\0" * 16)
    w.add_stream("\x01CompObj", b"\x01\x00\xfe\xff\x03\x0a\x00\x00" + b"\xff" * 4 + b"\0" * 72)
    w.add_stream("\x02OlePres000", b"\0" * 36)
    w.add_stream("properties_stream", b"\0" * 16)
    w.add_stream("package_stream", buf.getvalue())
    with open(path, "wb") as f:
        f.write(w.build()[0])


def xlsb_pivotbin(path):
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts = gen_xlsb.xlsb_parts()
    # BIFF12 pivot cache parts (BrtBeginPivotCacheDef 0x9C ... as records):
    # binary, no XML
    parts += [
        ("xl/pivotCache/pivotCacheDefinition1.bin",
         gen_xlsb.rec(0x9C, b"\x02" * 22) + gen_xlsb.rec(0x9D)),
        ("xl/pivotCache/pivotCacheRecords1.bin", gen_xlsb.rec(0xA1, b"\0" * 8) + gen_xlsb.rec(0xA2)),
        ("xl/pivotCache/_rels/pivotCacheDefinition1.bin.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
         'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s'
         'pivotCacheRecords" Target="pivotCacheRecords1.bin"/></Relationships>' % rel),
    ]
    gen_xlsb.zip_bytes(parts, path)


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    docx_ctlchar(os.path.join(outdir, "ctlchar.docx"))
    docx_dropcap(os.path.join(outdir, "dropcap.docx"))
    docx_longcyr(os.path.join(outdir, "longcyr.docx"))
    rtf_dropcap(os.path.join(outdir, "dropcap.rtf"))
    doc_dropcap(os.path.join(outdir, "dropcap.doc"))
    odt_shape(os.path.join(outdir, "shape.odt"))
    wordml_2003(os.path.join(outdir, "wordml.xml"))
    slk_dates(os.path.join(outdir, "dates.slk"))
    lo_chart_object(os.path.join(outdir, "lochart.bin"))
    xlsb_pivotbin(os.path.join(outdir, "pivotbin.xlsb"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
