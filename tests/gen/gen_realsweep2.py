#!/usr/bin/env python3
"""Fixtures for the quirks found in a second sweep of other projects' test
documents (SheetJS test_files, xlrd, qpdf, mammoth, docx4j): each is the
smallest file showing the quirk, written with the Python stdlib.

    python3 gen_realsweep2.py OUTDIR

- biff5-cp1251.xls, biff5-mac.xls, biff5-mac32768.xls, biff5-cp932.xls:
  Excel 5.0/95 workbooks ("Book" stream, BIFF5) whose CODEPAGE record says
  Windows-1251, Mac Roman (10000, and 32768 as Excel for the Mac writes
  it) and Shift_JIS; their sheet names and cells are bytes in that code
  page (SheetJS's biff5_numfmt_1_russian.xls and biff5_phonetic_text.xls:
  "р." read as "ð.", "äø" as "Š¿").
- staff.fods, memo.fodt: OpenDocument flat XML (one XML file, root
  office:document, as LibreOffice saves .fods/.fodt; SheetJS's
  crlf_crlf.fods, LO7322.fods): read as generic XML, every settings item
  a line, the cells a line each (no rows, no header labels). memo.fodt
  also holds a picture as base64 (office:binary-data) and a Basic module
  with a password in its code, and a hidden variable's value (its text ran
  into the word before it: "Spouse078-05-1121").
- deck.fodp, deck.odp: a presentation whose master page holds a frame of
  text (a marking and an address on every slide): only master pages'
  headers and footers were read.
- differences.pdf: simple fonts whose /Differences name their glyphs
  (Czech "ecaron", "rcaron" over WinAnsi as in PDFBox's
  input/rendering/source.pdf; the Cyrillic "afii10033"; Greek; a small-caps
  variant "a.sc"): names outside a short list read as the WinAnsi
  byte ("uzavřela" as "uzavøela") or as nothing.
- fields.rtf: a field whose instruction runs straight into its result
  (macOS TextEdit writes {\\fldinst{HYPERLINK ...}}{\\fldrslt ...}, striprtf's
  mac_textedit_hyperlink.rtf): "mailto:jane.roe@example.orgJane Roe"; and a
  literal tab right after \\uN (TX Text Control, striprtf's
  TX_RTF32_18.0.541.501.rtf), which is the fallback character: the tab
  was kept and the first digit after it dropped ("804" for "8804").
- bad-adler.pdf: a Flate content stream whose deflate data is whole but
  whose zlib Adler-32 is wrong (govdocs1 PDFs of openpreserve's
  format-corpus: qpdf, pdf.js and pdfminer read them without a word): the
  page's text was read, yet the file was partial (parse_error).
- scenario.xlsx: an Excel what-if scenario (ClosedXML's copy of
  LibreOffice's tdf97598_scenarios.xlsx): the values it puts into cells,
  its name, author and comment are in no cell and were not read.
"""
import base64
import os
import struct
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from sweep_common import pdf as _pdf, pdf_stream as _stream  # noqa: E402


def biff(rtype, data):
    return struct.pack("<HH", rtype, len(data)) + data


def biff5_book(codepage, encoding, sheet, rows, author=None, fonts=()):
    """A BIFF5 workbook: globals (BOF, [WRITEACCESS,] CODEPAGE, FONTs,
    BOUNDSHEET, EOF), then one worksheet of LABEL cells; every string is
    `encoding` bytes. WRITEACCESS comes before CODEPAGE, as Excel writes it.
    codepage None: no CODEPAGE record; fonts: a FONT record (Arial) of each
    bCharSet."""
    name = sheet.encode(encoding)
    bof_g = biff(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC))
    if author:
        a = author.encode(encoding)
        bof_g += biff(0x005C, (struct.pack("<B", len(a)) + a).ljust(32, b" "))
    cp = biff(0x0042, struct.pack("<H", codepage)) if codepage is not None else b""
    # FONT: dyHeight, grbit, icv, bls, sss, uls, bFamily, bCharSet, reserved, cch, name
    cp += b"".join(biff(0x0031, struct.pack("<HHHHHBBBBB", 200, 0, 0x7FFF, 400, 0, 0, 2, cs, 0, 5) + b"Arial")
                   for cs in fonts)
    glob_len = len(bof_g) + len(cp) + 4 + 7 + len(name) + 4
    recs = [bof_g, cp, biff(0x0085, struct.pack("<IHB", glob_len, 0, len(name)) + name), biff(0x000A, b""),
            biff(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC))]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            b = text.encode(encoding)
            recs.append(biff(0x0204, struct.pack("<HHHH", r, c, 15, len(b)) + b))
    recs.append(biff(0x000A, b""))
    w = CFBWriter()
    w.add_stream("Book", b"".join(recs).ljust(4096, b"\0"))
    return w.build()[0]


BIFF5_BOOKS = {
    "biff5-cp1251.xls": (1251, "cp1251", "Сотрудники",
                         [["ФИО", "СНИЛС", "Сумма"], ["Иванов Пётр", "SSN 536-22-1874", "1 234 567,89 р."]],
                         "Петрова Анна"),
    "biff5-mac.xls": (10000, "mac_roman", "Übersicht",
                      [["Name", "Notiz"], ["Jürgen Müller", "Søren Ødegård 536-22-1874"]]),
    "biff5-mac32768.xls": (32768, "mac_roman", "Feuil1",
                           [["Nom", "Remarque"], ["Hélène Côté", "déjà vu à l'été"]]),
    "biff5-cp932.xls": (932, "cp932", "社員",
                        [["氏名", "メール"], ["山田太郎", "yamada.taro@example.jp"]]),
}


NS_FLAT = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
           'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
           'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
           'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
           'xmlns:ooo="http://openoffice.org/2004/office"')
FLAT_SETTINGS = ('<office:settings><config:config-item-set config:name="ooo:view-settings">'
                 '<config:config-item config:name="VisibleAreaTop" config:type="int">0</config:config-item>'
                 '<config:config-item config:name="ZoomType" config:type="short">0</config:config-item>'
                 '</config:config-item-set></office:settings>')


def _flat(mimetype, body, meta="", scripts="", master=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.%s">\n'
            '<office:meta>%s</office:meta>\n%s\n%s\n'
            '<office:font-face-decls><style:font-face style:name="Liberation Serif" '
            'svg:font-family="&apos;Liberation Serif&apos;"/></office:font-face-decls>\n'
            '<office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles>\n'
            '<office:master-styles>%s</office:master-styles>\n'
            '<office:body>%s</office:body>\n</office:document>\n'
            % (NS_FLAT, mimetype, meta, FLAT_SETTINGS, scripts, master, body))


def _png():
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + bytes(range(48)) for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def flat_ods():
    def row(*cells):
        out = ""
        for c in cells:
            if isinstance(c, int):
                out += ('<table:table-cell office:value-type="float" office:value="%d"><text:p>%d</text:p>'
                        '</table:table-cell>' % (c, c))
            else:
                out += '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % c
        return "<table:table-row>%s</table:table-row>" % out
    body = ('<office:spreadsheet><table:table table:name="Staff">'
            '<table:table-column table:number-columns-repeated="2"/>' +
            row("Name", "SSN") + row("Jane Roe", 536221874) + row("John Doe", 78051121) +
            '</table:table></office:spreadsheet>')
    return _flat("spreadsheet", body, meta="<dc:creator>Payroll Desk</dc:creator>")


def flat_odt():
    pic = base64.encodebytes(_png()).decode("ascii")
    body = ('<office:text><text:h text:outline-level="1">Memo</text:h>'
            '<text:p>Contact Jane Roe, SSN 536-22-1874, jane.roe@example.org.</text:p>'
            '<text:p>Spouse<text:variable-set text:name="Spouse" office:value-type="string" '
            'text:display="none">SSN 078-05-1121</text:variable-set>.</text:p>'
            '<text:p><draw:frame draw:name="Logo" svg:width="1cm" svg:height="1cm"><draw:image>'
            '<office:binary-data>%s</office:binary-data></draw:image></draw:frame></text:p>'
            '</office:text>' % pic)
    master = ('<style:master-page style:name="Standard"><style:header><text:p>Confidential: HR only'
              '</text:p></style:header></style:master-page>')
    scripts = ('<office:scripts><office:script script:language="ooo:Basic"><ooo:libraries>'
               '<ooo:library-embedded ooo:name="Standard"><ooo:module ooo:name="Module1"><ooo:source-code>'
               'Sub Connect\n  pwd = &quot;Hunter2-Payroll&quot;\nEnd Sub</ooo:source-code></ooo:module>'
               '</ooo:library-embedded></ooo:libraries></office:script></office:scripts>')
    return _flat("text", body, meta="<meta:initial-creator>Jane Roe</meta:initial-creator>",
                 scripts=scripts, master=master)


DECK_MASTER = ('<style:master-page style:name="Default"><draw:frame presentation:class="title" '
               'presentation:placeholder="true" svg:width="20cm" svg:height="2cm"><draw:text-box/></draw:frame>'
               '<draw:frame svg:width="20cm" svg:height="1cm" svg:y="14cm"><draw:text-box>'
               '<text:p>PRIVILEGED AND CONFIDENTIAL: questions to counsel.desk@example.org</text:p>'
               '</draw:text-box></draw:frame></style:master-page>')
DECK_BODY = ('<office:presentation><draw:page draw:name="page1" draw:master-page-name="Default">'
             '<draw:frame svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Quarterly numbers</text:p>'
             '</draw:text-box></draw:frame></draw:page></office:presentation>')


def deck_odp(path):
    """The same deck as a package: the master page's frame in styles.xml."""
    ns = NS_FLAT + ' xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3">'
               '<office:body>%s</office:body></office:document-content>' % (ns, DECK_BODY))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s office:version="1.3">'
              '<office:master-styles>%s</office:master-styles></office:document-styles>' % (ns, DECK_MASTER))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.presentation"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.presentation",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
        z.writestr("META-INF/manifest.xml", manifest)


def _differences_font(name, glyphs):
    """A Type1 font over WinAnsi whose codes 0x80.. are the named glyphs."""
    diffs = b" ".join(b"/" + g.encode() for g in glyphs)
    return (b"<< /Type /Font /Subtype /Type1 /BaseFont /" + name +
            b" /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 " + diffs +
            b"] >> >>")


def _codes(text, glyphs):
    """text in the font's codes: ASCII as is, the others at 0x80 + their index."""
    out = bytearray()
    for ch in text:
        out.append(ord(ch) if ord(ch) < 0x80 else 0x80 + glyphs.index(ch))
    return bytes(out).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


DIFF_LINES = [  # each line in a font of its own; the names of its non-ASCII letters
    ("Zaměstnanec: Jiří Dvořák, rodné číslo 536-22-1874, uzavřela smlouvu",
     {"ě": "ecaron", "í": "iacute", "ř": "rcaron", "á": "aacute", "č": "ccaron", "é": "eacute"}),
    ("Сотрудник: Иванов Пётр, jane.roe@example.org",
     {"С": "afii10035", "о": "afii10080", "т": "afii10084", "р": "afii10082", "у": "afii10085",
      "д": "afii10069", "н": "afii10079", "и": "afii10074", "к": "afii10076", "И": "afii10026",
      "в": "afii10067", "а": "afii10065", "П": "afii10033", "ё": "afii10071"}),
    ("Υπάλληλος: Γιάννης Παπαδόπουλος",
     {"Υ": "Upsilon", "π": "pi", "ά": "alphatonos", "λ": "lambda", "η": "eta", "ο": "omicron",
      "ς": "sigma1", "Γ": "Gamma", "ι": "iota", "ν": "nu", "Π": "Pi", "α": "alpha", "δ": "delta",
      "ό": "omicrontonos", "υ": "upsilon"}),
]


def pdf_differences(path):
    fonts, content, objs = b"", b"", []
    for i, (line, glyphs) in enumerate(DIFF_LINES):
        used = []
        for ch in line:
            if ord(ch) >= 0x80 and ch not in used:
                used.append(ch)
        names = [glyphs[ch] for ch in used]
        objs.append(_differences_font(b"F%d" % i, names))
        fonts += b"/F%d %d 0 R " % (i, 5 + i)
        content += b"BT /F%d 11 Tf 72 %d Td (" % (i, 720 - 30 * i) + _codes(line, used) + b") Tj ET\n"
    # a small-caps variant: the base glyph's name with a suffix
    objs.append(_differences_font(b"SC", ["a.sc", "e.sc"]))
    fonts += b"/SC %d 0 R " % (5 + len(DIFF_LINES))
    content += b"BT /SC 11 Tf 72 600 Td (M\x80nag\x81r J\x80n\x81) Tj ET\n"
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << " + fonts + b">> >> >>",
            _stream(b"", content)]
    with open(path, "wb") as f:
        f.write(_pdf(head + objs))


def pdf_bad_adler(path):
    content = b"BT /F1 12 Tf 72 720 Td (Payroll contact: Jane Roe, SSN 536-22-1874) Tj ET\n"
    z = bytearray(zlib.compress(content))
    z[-4:] = bytes(b ^ 0x5A for b in z[-4:])  # the checksum only
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(b"/Filter /FlateDecode", bytes(z)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    with open(path, "wb") as f:
        f.write(_pdf(objs))


def scenario_xlsx(path):
    ns = "http://schemas.openxmlformats.org/"
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="%spackage/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/></Types>' % ns)
    rel = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%spackage/2006/relationships">'
           '<Relationship Id="rId1" Type="%sofficeDocument/2006/relationships/%s" Target="%s"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%sspreadsheetml/2006/main" '
          'xmlns:r="%sofficeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % (ns, ns))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%sspreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Bonus</t></is></c></row></sheetData>'
             '<scenarios current="0"><scenario name="Layoffs Q3" locked="1" count="2" user="Jane Roe" '
             'comment="Created by jane.roe@example.org"><inputCells r="B1" val="John Doe"/>'
             '<inputCells r="C1" val="SSN 536-22-1874"/></scenario></scenarios></worksheet>' % ns)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rel % (ns, ns, "officeDocument", "xl/workbook.xml"))
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rel % (ns, ns, "worksheet", "worksheets/sheet1.xml"))
        z.writestr("xl/worksheets/sheet1.xml", sheet)


FIELDS_RTF = ("{\\rtf1\\ansi\\ansicpg1252\\uc1 {\\fonttbl\\f0\\fswiss Helvetica;}\n"
              "\\f0 Contact: {\\field{\\*\\fldinst{HYPERLINK mailto:jane.roe@example.org}}"
              "{\\fldrslt Jane Roe}} today.\\par\n"
              "Ref\\u8470\t\t536-22-1874\\par\n}\n")


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, spec in BIFF5_BOOKS.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(biff5_book(*spec))
    with open(os.path.join(outdir, "staff.fods"), "w", encoding="utf-8") as f:
        f.write(flat_ods())
    with open(os.path.join(outdir, "memo.fodt"), "w", encoding="utf-8") as f:
        f.write(flat_odt())
    with open(os.path.join(outdir, "deck.fodp"), "w", encoding="utf-8") as f:
        f.write(_flat("presentation", DECK_BODY, master=DECK_MASTER).replace(
            'xmlns:ooo=', 'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:ooo='))
    deck_odp(os.path.join(outdir, "deck.odp"))
    pdf_differences(os.path.join(outdir, "differences.pdf"))
    pdf_bad_adler(os.path.join(outdir, "bad-adler.pdf"))
    scenario_xlsx(os.path.join(outdir, "scenario.xlsx"))
    with open(os.path.join(outdir, "fields.rtf"), "w", encoding="ascii", newline="") as f:
        f.write(FIELDS_RTF)
    with open(os.path.join(outdir, "memo-comment.fodt"), "w", encoding="utf-8") as f:
        # a producer that writes a long comment (a licence, a generator
        # banner) before the root: office:mimetype lies 6 KB in
        doc = flat_odt()
        at = doc.index("<office:document ")
        f.write(doc[:at] + "<!-- " + "generated by a document pipeline; " * 180 + "-->\n" + doc[at:])
    with open(os.path.join(outdir, "memo-nomacro.fodt"), "w", encoding="utf-8") as f:
        # LibreOffice writes an empty "Standard" library into every flat file
        f.write(flat_odt().replace(flat_odt().split("<office:scripts>")[1].split("</office:scripts>")[0],
                                   '<office:script script:language="ooo:Basic"><ooo:libraries>'
                                   '<ooo:library-embedded ooo:name="Standard"/></ooo:libraries>'
                                   '</office:script>'))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
