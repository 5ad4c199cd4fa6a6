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
"""
import os
import struct
import sys
import zipfile

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
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offs:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


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
    with open(os.path.join(outdir, "ints.dat"), "wb") as f:
        f.write(b"".join(struct.pack("<I", i % 200) for i in range(2048)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
