#!/usr/bin/env python3
"""Fixtures for the quirks found sweeping other projects' test documents
(PHPOffice, pandoc, calamine): each is the smallest file showing the quirk,
written with the Python stdlib.

    python3 gen_realsweep.py OUTDIR

- deflated-mimetype.odp, deflated-mimetype.bin: an OpenDocument
  presentation whose first member "mimetype" is deflated, not stored (as
  PHPPresentation's ODP writer makes them: Sample_12.odp; LibreOffice opens
  it, leaksift read it as a plain zip); the .bin copy has no ODF name.
"""
import os
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


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    deflated_mimetype_odp(os.path.join(outdir, "deflated-mimetype.odp"))
    deflated_mimetype_odp(os.path.join(outdir, "deflated-mimetype.bin"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
