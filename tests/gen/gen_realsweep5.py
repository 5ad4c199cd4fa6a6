#!/usr/bin/env python3
"""Fixtures for the quirks found in a fifth sweep of other projects' test
documents (Unstructured-IO/unstructured example-docs, docling tests/data,
microsoft/markitdown test_files, kreuzberg test_documents,
decalage2/oletools test-data, py-pdf/sample-files): each is the smallest
file showing the quirk, written with the Python stdlib.

    python3 gen_realsweep5.py OUTDIR

- fromhtml.rtf: an Outlook body that encapsulates HTML (\\fromhtml1), as
  Outlook keeps an HTML mail's body in a .msg (PR_RTF_COMPRESSED): the
  HTML markup sits in {\\*\\htmltagN ...} groups, the RTF rendering between
  them has no \\par where only the markup breaks a line: list items, table
  cells, some <br>. unstructured's fake-email.msg (and markitdown's
  test_outlook_msg.msg, kreuzberg's fake_email.msg) read "Roses are
  redViolets are blue" for two <li> items; a table's cells ran together
  ("Jane Roe536-22-1874").
- gslides.pptx: a presentation exported by Google Slides, with its
  ppt/metadata part (a protobuf starting 1A 09 0A 03 "256" ...). libmagic
  calls any 0x1A and a method byte an ARC archive: the part was an
  unsupported ARC archive and the .pptx partial (unstructured's
  fake-power-point-table.pptx).
- rtl.pdf: Arabic as Word saves it to PDF: each run's glyphs drawn left to
  right, so its letters come in visual order, the runs in reading order;
  a lam-alef ligature is one glyph whose ToUnicode entry gives both
  letters in reading order. docling's right_to_left_01.pdf (and
  kreuzberg's copy), right_to_left_02.pdf and _03.pdf read every Arabic
  and Persian word backwards ("ةغلب ةجمربلا" for "البرمجة بلغة"). Also
  glyphs whose ToUnicode entry is empty (<5A> <>), as py-pdf's
  015-arabic/habibi.pdf writes a word's later glyphs once its first glyph
  gave the whole word: they read as the glyph codes ("Z", "ϲΒϴΒ"). And
  a line whose runs are written left to right, each a show of its own
  (PDFBox's BidiSample.pdf: "١٤ إبريل ١٤٣٤", a date, read "١٤٣٤ ليربإ ١٤"),
  and a glyph whose entry gives a word in reading order and more ("نور A",
  as habibi.pdf's "حَبيبي h"): that line is left as it is. And phone
  numbers that start with a sign ("+972 ...", "(212) ...") inside an
  Arabic run: the sign had changed sides and the phone was lost (review4).
- word2.doc: a Word for Windows 2.0 document, as openpreserve's
  format-corpus NEWSSLID.DOC: no compound file, a FIB (wIdent 0xA5DB,
  nFib 45) and the text from fcMin to fcMac in Windows-1252, paragraph
  marks, table cell marks and a field. No handler read it: `leaksift
  text` gave nothing, the raw scan alone saw its words.
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_common import pdf as _pdf, pdf_stream as _stream  # noqa: E402
from gen_git import varint as _pb_varint  # noqa: E402  (base-128, as protobuf writes it)


def rtf_fromhtml(path):
    def tag(n, html):
        return "{\\*\\htmltag%d %s}" % (n, html)

    body = [
        "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl\n"
        "{\\f0\\fswiss Arial;}}\n{\\colortbl\\red0\\green0\\blue0;}\r\n"
        "\\uc1\\pard\\plain\\deftab360 \\f0\\fs24\r\n",
        tag(96, '<div dir="ltr">'), "\\htmlrtf {\\htmlrtf0 ",
        tag(64, ""), "\\htmlrtf {\\htmlrtf0 Important points:",
        tag(72, ""), "\\htmlrtf\\par}\\htmlrtf0 \r\n",
        # a list: no \par between the items, only </li><li>
        tag(240, "<ul>"), "\n", tag(64, "<li>"), "Roses are red\n",
        tag(72, "</li>"), "\n", tag(64, "<li>"), "Violets are blue\n",
        tag(72, "</li>"), "\n", tag(248, "</ul>"),
        # a table: cells only in the markup
        tag(0, "<table>"), tag(0, "<tr>"), tag(0, '<td class="x">'), "Jane Roe",
        tag(0, "</td>"), tag(0, "<td>"), "536-22-1874", tag(0, "</td>"),
        tag(0, "</tr>"), tag(0, "<tr>"), tag(0, "<td>"), "John Doe", tag(0, "</td>"),
        tag(0, "<td>"), "078-05-1120", tag(0, "</td>"), tag(0, "</tr>"),
        tag(0, "</table>"),
        # inline markup keeps words whole: <b>, <span>, <a>
        "Call ", tag(0, "<b>"), "555", tag(0, "</b>"), "-0100 or ",
        tag(0, '<a href="mailto:jane.roe@example.com">'), "Jane",
        tag(0, "</a>"), " today.", tag(0, "<br>"), "Regards", tag(72, ""),
        "\\htmlrtf\\par}\\htmlrtf0 \r\n", tag(104, "</div>"),
        "\\htmlrtf }\\htmlrtf0 \n", tag(0, "\\par "), "}",
    ]
    with open(path, "wb") as f:
        f.write("".join(body).encode("ascii"))


P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument."


def _pb_field(num, data):
    return _pb_varint(num << 3 | 2) + _pb_varint(len(data)) + data


def pptx_gslides(path):
    # Google Slides' metadata: field 3 { 1: "256", 2: "p1" }, field 4 {...}
    meta = _pb_field(3, _pb_field(1, b"256") + _pb_field(2, b"p1"))
    for i, sid in enumerate((2147483648, 2147483649, 2147483650)):
        meta += _pb_field(4 if i else 5, _pb_field(1, str(sid).encode()) +
                          _pb_field(2, b"p%d" % (i + 2)))
    assert meta[:2] == b"\x1a\x09"
    slide = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<p:sld xmlns:p="%s" xmlns:a="%s" xmlns:r="%s"><p:cSld><p:spTree>'
        '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="t"/><p:cNvSpPr/><p:nvPr/>'
        '</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>Quarterly table '
        'exported from Google Slides</a:t></a:r></a:p></p:txBody></p:sp>'
        '</p:spTree></p:cSld></p:sld>' % (P_NS, A_NS, R_NS))
    pres = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<p:presentation xmlns:p="%s" xmlns:r="%s"><p:sldIdLst>'
        '<p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
        '<p:sldSz cx="9144000" cy="5143500"/><p:notesSz cx="6858000" cy="9144000"/>'
        '</p:presentation>' % (P_NS, R_NS))
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/ppt/presentation.xml" ContentType="%spresentationml.presentation.main+xml"/>'
        '<Override PartName="/ppt/slides/slide1.xml" ContentType="%spresentationml.slide+xml"/>'
        '</Types>' % (CT, CT))
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="%s"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="ppt/presentation.xml"/></Relationships>' % PKG_R)
    prels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="%s"><Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" '
        'Target="slides/slide1.xml"/></Relationships>' % PKG_R)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("ppt/presentation.xml", pres)
        z.writestr("ppt/_rels/presentation.xml.rels", prels)
        z.writestr("ppt/slides/slide1.xml", slide)
        z.writestr("ppt/metadata", meta)


def _pdfstr(codes):
    return b"<" + b"".join(b"%02X" % c for c in codes) + b">"


def pdf_rtl(path):
    LAMALEF = "\u0644\u0627"
    # glyph code -> text (ToUnicode); Latin and digits are themselves
    letters = sorted(set("رقم الهاتف للموظف الاسم محمد بلغة إبريل١٤٣") - {" "})
    glyph = {}
    code = 0x80
    for ch in letters + [LAMALEF]:
        glyph[ch] = code
        code += 1
    for ch in "0123456789-Python ABC+()":
        glyph[ch] = ord(ch)
    # habibi.pdf's way: one glyph gives a whole word in reading order and
    # more (a space, a Latin letter): that line is in reading order already
    glyph["\u0646\u0648\u0631 A"] = 0xF0
    glyph["\u0646\u0648\u0631 "] = 0xF1

    def visual(units):
        """Glyph codes of a run drawn left to right: units in reverse."""
        return [glyph[u] for u in reversed(units)]

    def logical_units(text):
        units, i = [], 0
        while i < len(text):
            if text.startswith(LAMALEF, i):
                units.append(LAMALEF)
                i += 2
            else:
                units.append(text[i])
                i += 1
        return units

    # line 1: one TJ, an Arabic run around a phone number (kept in order)
    l1 = logical_units("رقم الهاتف ") + ["555-0100"] + logical_units(" للموظف")
    l1_codes = []
    for u in reversed(l1):
        l1_codes += [glyph[c] for c in u] if u == "555-0100" else [glyph[u]]
    # lines 6 and 7 (review4): a phone number whose first character is a
    # sign, "+" or "(", inside an Arabic run: the sign goes with the digits
    def around(phone):
        units = logical_units("رقم ") + [phone] + logical_units(" للموظف")
        codes = []
        for u in reversed(units):
            codes += [glyph[c] for c in u] if u == phone else [glyph[u]]
        return codes
    l6_codes, l7_codes = around("+972 3 555 1234"), around("(212) 867-5309")
    # line 2: the runs in reading order, each drawn left to right; the
    # word "الاسم" has the ligature; a glyph mapped to nothing (Z) follows
    # the name, as a second glyph of an already given word
    run_a = visual(logical_units("الاسم: ".replace(":", "")))
    run_b = visual(logical_units("محمد"))
    content = (
        b"BT /F1 14 Tf 300 720 Td [" + _pdfstr(l1_codes) + b"] TJ ET\n"
        b"BT /F1 14 Tf 300 700 Td " + _pdfstr(run_a) + b" Tj "
        b"-60 0 Td " + _pdfstr(run_b + [0x5A, 0x5A]) + b" Tj ET\n"
        b"BT /F1 14 Tf 300 680 Td " + _pdfstr(visual(logical_units("بلغة")) + [0x20]) + b" Tj "
        b"-80 0 Td (Python) Tj ET\n"
        # line 4: a producer that writes a line's runs left to right (visual
        # order, as PDFBox's BidiSample.pdf): a date, Arabic-Indic digits
        b"BT /F1 14 Tf 100 660 Td " + _pdfstr([glyph[c] for c in "١٤٣٤"]) + b" Tj "
        b"40 0 Td " + _pdfstr(visual(logical_units("إبريل"))) + b" Tj "
        b"50 0 Td " + _pdfstr([glyph[c] for c in "١٤"]) + b" Tj ET\n"
        b"BT /F1 14 Tf 100 640 Td " + _pdfstr([0xF0, ord("B"), ord("C")]) + b" Tj "
        b"60 0 Td " + _pdfstr([0xF1]) + b" Tj ET\n"
        b"BT /F1 14 Tf 300 620 Td [" + _pdfstr(l6_codes) + b"] TJ ET\n"
        b"BT /F1 14 Tf 300 600 Td [" + _pdfstr(l7_codes) + b"] TJ ET\n")
    entries = [b"<%02X> <%s>" % (c, "".join("%04X" % ord(x) for x in ch).encode())
               for ch, c in sorted(glyph.items(), key=lambda kv: kv[1])]
    entries.append(b"<5A> <>")
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            + b"%d beginbfchar\n" % len(entries) + b"\n".join(entries) +
            b"\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(b"", content),
            b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial "
            b"/Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
            _stream(b"", cmap)]
    with open(path, "wb") as f:
        f.write(_pdf(objs))


def word2_doc(path):
    import struct
    text = ("Personnel record\r"
            "Name\x07SSN\x07\x07Jane Roe\x07536-22-1874\x07\x07"
            "Caf\u00e9 Zo\u00eb \u2013 \u201cquoted\u201d\r"
            "Mail \x13 HYPERLINK \"mailto:jane.roe@example.com\" \x14Jane Roe\x15 today\x0b"
            "second line\x0c"
            "Page two\r").encode("cp1252")
    fcmin = 0x180
    fib = bytearray(fcmin)
    struct.pack_into("<HHHHH", fib, 0, 0xA5DB, 45, 0x65, 0x409, 0)  # wIdent nFib nProduct lid pnNext
    struct.pack_into("<H", fib, 0x0A, 0)  # flags: not complex, not encrypted
    struct.pack_into("<II", fib, 0x18, fcmin, fcmin + len(text))  # fcMin fcMac
    # after the text: the formatting pages (binary), as Word 2 writes them
    fmt = bytes((i * 37) & 0xFF for i in range(512))
    with open(path, "wb") as f:
        f.write(bytes(fib) + text + fmt)


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    rtf_fromhtml(os.path.join(outdir, "fromhtml.rtf"))
    pptx_gslides(os.path.join(outdir, "gslides.pptx"))
    pdf_rtl(os.path.join(outdir, "rtl.pdf"))
    word2_doc(os.path.join(outdir, "word2.doc"))


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
