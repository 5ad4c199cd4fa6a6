#!/usr/bin/env python3
"""Fixtures for the quirks found sweeping other projects' test documents
(PHPOffice, pandoc, calamine): each is the smallest file showing the quirk,
written with the Python stdlib.

    python3 gen_realsweep.py OUTDIR

- deflated-mimetype.odp, deflated-mimetype.bin: an OpenDocument
  presentation whose first member "mimetype" is deflated, not stored (as
  PHPPresentation's ODP writer makes them: Sample_12.odp; LibreOffice opens
  it, leaksift read it as a plain zip); the .bin copy has no ODF name.
- index-title.odt: an illustration index whose source keeps the title's
  template, before the index body's own title paragraph (as LibreOffice
  writes them: pandoc's test/odt/odt/imageIndex.odt); the two ran together.
- utf32le.csv, utf32be-bom.txt: UTF-32 text, BOM-less little-endian and
  big-endian with a BOM (PhpSpreadsheet's CSV encoding tests: read as
  nothing, or as UTF-16 with NULs); ints.dat: little-endian 32-bit
  integers, which are not text.
- validation.xml: an Excel 2003 XML Spreadsheet with data validations (a
  list whose entries are in no cell, an input message) as PhpSpreadsheet's
  tests/data/Reader/Xml/datavalidations.xml has them: their text was lost.
- short-length.pdf: an unfiltered content stream longer than its /Length
  (pdfminer's samples/simple3.pdf): the text past /Length was lost.
- cid-no-tounicode.pdf: Type0 fonts without ToUnicode (Mac OS X Quartz
  writes them: pdfminer's issue-791-non-unicode-cmap.pdf and
  nlp2004slides.pdf): glyph ids were read as Unicode ("$PNQVUFS").
- case-parts.xlsb, case-parts.xlsx: a workbook whose shared strings part
  is "xl/SharedStrings.*" while its relationship says "sharedStrings.*"
  (part names ignore case; calamine's tests/issue_419.xlsb): the cells
  that use them were empty.
- entities.xml: an Excel 2003 XML sheet with blanks before "<?xml" (libmagic
  calls it HTML) and HTML named characters in its cells, as PHP's
  htmlentities() writes them (PhpSpreadsheet's issue.2157.small.xml): read
  as HTML (no rows, no cells), and "&uuml;" read as a space.
- jis-h.pdf: Japanese text in a Type0 font over the predefined H CMap
  (JIS X 0208), no ToUnicode (pdfminer's samples/simple3.pdf): read as
  nothing.
- staff.slk: a SYLK sheet (Excel's "ID;P" text format; PhpSpreadsheet's
  tests/data/Reader/Slk): read as plain text, its records raw, no rows and
  no header labels.
"""
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_common import pdf as _pdf, pdf_stream as _stream  # noqa: E402

NS_PRES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
           'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
           'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
ODP_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               '<office:body><office:presentation><draw:page draw:name="slide1">'
               '<draw:frame presentation:class="title" svg:width="20cm" svg:height="3cm">'
               '<draw:text-box><text:p>Payroll review for Jane Roe</text:p></draw:text-box></draw:frame>'
               '<draw:frame presentation:class="outline" svg:width="20cm" svg:height="9cm">'
               '<draw:text-box><text:list><text:list-item><text:p>SSN 536-22-1874</text:p>'
               '</text:list-item></text:list></draw:text-box></draw:frame>'
               '</draw:page></office:presentation></office:body></office:document-content>' % NS_PRES)
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.presentation"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def deflated_mimetype_odp(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")  # first, deflated
        z.writestr("content.xml", ODP_CONTENT)
        z.writestr("META-INF/manifest.xml", MANIFEST)


NS_TEXT = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def odt(path, body):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               '<office:body><office:text>%s</office:text></office:body></office:document-content>'
               % (NS_TEXT, body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", MANIFEST.replace("opendocument.presentation", "opendocument.text"))


INDEX_TITLE = (
    '<text:illustration-index text:name="Index1"><text:illustration-index-source '
    'text:caption-sequence-name="Illustration"><text:index-title-template>Payroll</text:index-title-template>'
    '<text:illustration-index-entry-template><text:index-entry-text/><text:index-entry-tab-stop '
    'style:type="right"/><text:index-entry-page-number/></text:illustration-index-entry-template>'
    '</text:illustration-index-source><text:index-body><text:index-title text:name="Index1_Head">'
    '<text:p>Payroll</text:p></text:index-title><text:p>Figure 1: Jane Roe<text:tab/>1</text:p>'
    '</text:index-body></text:illustration-index>')


STAFF_CSV = ("Name,SSN,E-mail\r\nJosé Müller,536-22-1874,jose.mueller@example.org\r\n"
             "Zoë Tanaka,078-05-1121,zoe.tanaka@example.org\r\n")


XMLSS_VALIDATION = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Claims">
  <Table>
   <Row><Cell><Data ss:Type="String">Claim</Data></Cell><Cell><Data ss:Type="String">Status</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><ProtectObjects>False</ProtectObjects></WorksheetOptions>
  <DataValidation xmlns="urn:schemas-microsoft-com:office:excel">
   <Range>R2C2:R100C2</Range>
   <Type>List</Type>
   <Value>&quot;Approved,Rejected,Escalated to 536-22-1874&quot;</Value>
   <InputTitle>Claim status</InputTitle>
   <InputMessage>Questions: claims.desk@example.org</InputMessage>
   <ErrorMessage>Pick a status from the list</ErrorMessage>
  </DataValidation>
 </Worksheet>
</Workbook>
"""


def pdf_short_length(path):
    """A PDF whose unfiltered content stream outgrew its /Length (hand
    edited, as pdfminer's samples/simple3.pdf): the text after the bytes
    /Length counts was lost."""
    content = (b"BT\n/F1 12 Tf\n72 720 Td\n(Payroll contact) Tj\n"
               b"0 -14 Td\n(Jane Roe SSN 536-22-1874) Tj\nET\n")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length 40 >>\nstream\n" + content + b"endstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    with open(path, "wb") as f:
        f.write(_pdf(objs))


def _ttf_cmap_only(char_gid):
    """A TrueType font holding nothing but a 'cmap' table (3,1) format 4,
    one segment per character: enough for a reader that only maps glyphs
    back to characters."""
    segs = sorted(char_gid.items()) + [(0xFFFF, 0)]
    n = len(segs)
    ends = b"".join(struct.pack(">H", c) for c, _ in segs)
    starts = ends
    deltas = b"".join(struct.pack(">H", (g - c) & 0xFFFF if c != 0xFFFF else 1) for c, g in segs)
    ranges = b"\0\0" * n
    sub = struct.pack(">HHHHHHH", 4, 16 + 8 * n, 0, 2 * n, 2, 0, 0) + ends + b"\0\0" + starts + deltas + ranges
    cmap = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub
    head = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    rec = b"cmap" + struct.pack(">III", 0, 12 + 16, len(cmap))
    return head + rec + cmap


def pdf_cid_no_tounicode(path):
    """Type0 fonts without ToUnicode, as Mac OS X Quartz writes them:
    F1 an embedded TrueType subset whose glyph ids are not Unicode (its cmap
    says what they draw), F2 the same through a CIDToGIDMap stream, F3 an
    Adobe-Japan1 font with no font file (CIDs 1-95 are ASCII)."""
    line1 = "Jane Roe SSN 536-22-1874"
    line2 = "jane.roe@example.org"
    line3 = "Tel 03-5555-0199 sato.k@example.jp"
    chars = sorted(set(line1 + line2))
    gid = {ord(c): 3 + 7 * i for i, c in enumerate(chars)}  # glyph order is not Unicode order
    font = _ttf_cmap_only(gid)
    cid2 = {ord(c): 1 + i for i, c in enumerate(chars)}  # F2's CIDs, mapped to F1's glyphs
    c2g = bytearray(2 * (len(chars) + 1))
    for c, cid in cid2.items():
        c2g[2 * cid:2 * cid + 2] = struct.pack(">H", gid[c])
    hexs = lambda codes: b"<" + "".join("%04X" % x for x in codes).encode() + b">"
    content = (b"BT /F1 12 Tf 72 720 Td " + hexs(gid[ord(c)] for c in line1) + b" Tj ET\n"
               b"BT /F2 12 Tf 72 700 Td " + hexs(cid2[ord(c)] for c in line2) + b" Tj ET\n"
               b"BT /F3 12 Tf 72 680 Td " + hexs(ord(c) - 31 for c in line3) + b" Tj ET\n")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 8 0 R /F3 10 0 R >> >> >>",
            _stream(b"", content),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEE+Arial /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEE+Arial /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
            b"<< /Type /FontDescriptor /FontName /ABCDEE+Arial /Flags 32 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 12 0 R >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H "
            b"/DescendantFonts [9 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R "
            b"/CIDToGIDMap 13 0 R >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /HiraKakuPro-W3 /Encoding /Identity-H "
            b"/DescendantFonts [11 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HiraKakuPro-W3 /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Japan1) /Supplement 5 >> >>",
            _stream(b"/Length1 %d" % len(font), font),
            _stream(b"", bytes(c2g))]
    with open(path, "wb") as f:
        f.write(_pdf(objs))


XLSX_SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
              '<c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>')
XLSX_SST = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Jane Roe</t></si>'
            '<si><t>SSN 536-22-1874</t></si></sst>')


def case_parts(outdir):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_xlsb
    parts = [(("xl/SharedStrings.bin" if n == "xl/sharedStrings.bin" else n), d)
             for n, d in gen_xlsb.xlsb_parts()]
    gen_xlsb.zip_bytes(parts, os.path.join(outdir, "case-parts.xlsb"))
    ns = "http://schemas.openxmlformats.org/"
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="%spackage/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sharedStrings+xml"/></Types>' % ns)
    rel = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%spackage/2006/relationships">%s'
           '</Relationships>')
    r = '<Relationship Id="rId%d" Type="%sofficeDocument/2006/relationships/%s" Target="%s"/>'
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%sspreadsheetml/2006/main" '
          'xmlns:r="%sofficeDocument/2006/relationships"><sheets><sheet name="Staff" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % (ns, ns))
    with zipfile.ZipFile(os.path.join(outdir, "case-parts.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rel % (ns, r % (1, ns, "officeDocument", "xl/workbook.xml")))
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rel % (ns, r % (1, ns, "worksheet", "worksheets/sheet1.xml")
                                                        + r % (2, ns, "sharedStrings", "sharedStrings.xml")))
        z.writestr("xl/worksheets/sheet1.xml", XLSX_SHEET)
        z.writestr("xl/SharedStrings.xml", XLSX_SST)


XMLSS_HTML_ENTITIES = ("\t\t\t\t\t" + """<?xml version="1.0" encoding="UTF-8"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
<Worksheet ss:Name="Staff">
<Table>
<Row><Cell><Data ss:Type="String">Name</Data></Cell><Cell><Data ss:Type="String">SSN</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">J&uuml;rgen M&uuml;ller</Data></Cell><Cell><Data ss:Type="String">536-22-1874</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">&Tau;&epsilon;&lambda;&eacute;</Data></Cell><Cell><Data ss:Type="String">078-05-1121</Data></Cell></Row>
</Table>
</Worksheet>
</Workbook>
""")


def pdf_jis_h(path):
    """A Type0 font over the predefined H CMap (JIS X 0208 row and cell in
    two 7-bit bytes) with no ToUnicode, as pdfminer's samples/simple3.pdf:
    the codes were read as nothing."""
    name = "山田太郎"
    jis = bytes(b & 0x7F for b in name.encode("euc_jp"))
    lit = jis.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = (b"BT /F1 12 Tf 72 720 Td (Employee) Tj ET\n"
               b"BT /F2 12 Tf 140 720 Td (" + lit + b") Tj ET\n")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            _stream(b"", content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light-H /Encoding /H "
            b"/DescendantFonts [7 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Japan1) /Supplement 1 >> >>"]
    with open(path, "wb") as f:
        f.write(_pdf(objs))


SYLK = ("ID;PWXL;N;E\r\nP;PGeneral\r\nF;P0;DG0G10;M320\r\nB;Y3;X3;D0 0 2 2\r\n"
        "C;Y1;X1;K\"Name\"\r\nC;X2;K\"SSN\"\r\nC;X3;K\"Notes\"\r\n"
        "F;P0;FG0G;Y2;X1\r\nC;K\"Jane Roe\"\r\nC;X2;K536221874\r\n"
        "C;X3;K\"Call \"\"Jane\"\" first;; HR only\";AHR: ask payroll.desk@example.org\r\n"
        "C;Y3;X1;K\"John Doe\"\r\nC;X2;K78051121\r\nE\r\n")


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    deflated_mimetype_odp(os.path.join(outdir, "deflated-mimetype.odp"))
    deflated_mimetype_odp(os.path.join(outdir, "deflated-mimetype.bin"))
    odt(os.path.join(outdir, "index-title.odt"), INDEX_TITLE)
    with open(os.path.join(outdir, "utf32le.csv"), "wb") as f:
        f.write(STAFF_CSV.encode("utf-32-le"))
    with open(os.path.join(outdir, "utf32be-bom.txt"), "wb") as f:
        f.write(b"\0\0\xfe\xff" + ("Payroll contact: " + STAFF_CSV.replace(",", " ")).encode("utf-32-be"))
    with open(os.path.join(outdir, "validation.xml"), "w", encoding="utf-8") as f:
        f.write(XMLSS_VALIDATION)
    pdf_short_length(os.path.join(outdir, "short-length.pdf"))
    pdf_cid_no_tounicode(os.path.join(outdir, "cid-no-tounicode.pdf"))
    case_parts(outdir)
    pdf_jis_h(os.path.join(outdir, "jis-h.pdf"))
    with open(os.path.join(outdir, "staff.slk"), "w", newline="") as f:
        f.write(SYLK)
    with open(os.path.join(outdir, "ansi.slk"), "wb") as f:  # Excel's ANSI code page
        f.write('ID;PWXL;N;E\r\nC;Y1;X1;K"Name"\r\nC;X2;K"City"\r\nC;Y2;X1;K"Jürgen Müller"\r\n'
                'C;X2;K"Köln"\r\nE\r\n'.encode("cp1252"))
    with open(os.path.join(outdir, "entities.xml"), "w", encoding="utf-8") as f:
        f.write(XMLSS_HTML_ENTITIES)
    with open(os.path.join(outdir, "ints.dat"), "wb") as f:
        f.write(b"".join(struct.pack("<I", i % 200) for i in range(2048)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
