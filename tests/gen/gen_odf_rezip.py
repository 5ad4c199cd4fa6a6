#!/usr/bin/env python3
"""Generate an OpenDocument text re-zipped by a tool that does not keep
"mimetype" first and stored (as pandoc's test/odt/odt/referenceToText.odt
and inlinedCode.odt are: LibreOffice opens them, leaksift read them as
plain zips). The parts are a minimal ODF 1.2 package.

    python3 gen_odf_rezip.py OUTDIR   # rezipped.odt, nomimetype.ods, parts.zip
"""
import os
import sys
import zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
CONTENT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
           '<office:body><office:text><text:p>Employee Jane '
           '<text:span text:style-name="T1">Roe</text:span>, SSN 536-22-1874</text:p>'
           '</office:text></office:body></office:document-content>' % NS)
SHEET = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
         '<office:body><office:spreadsheet><table:table table:name="Staff"><table:table-row>'
         '<table:table-cell><text:p>Jane Roe</text:p></table:table-cell>'
         '<table:table-cell><text:p>nomimetype.owner@example.org</text:p></table:table-cell>'
         '</table:table-row></table:table></office:spreadsheet></office:body>'
         '</office:document-content>' % NS)
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    with zipfile.ZipFile(os.path.join(outdir, "rezipped.odt"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Configurations2/toolbar/", "")
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", CONTENT)
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")  # last, deflated
    # no "mimetype" member at all (PhpSpreadsheet's nomimetype.ods)
    with zipfile.ZipFile(os.path.join(outdir, "nomimetype.ods"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Configurations2/accelerator/current.xml", "")
        z.writestr("content.xml", SHEET)
        z.writestr("META-INF/manifest.xml", MANIFEST.replace("opendocument.text", "opendocument.spreadsheet"))
    # the same names in a zip not named as ODF, with a traversing member (as
    # Tika's testOpenOffice2.odf carries Configurations2.zip): an archive
    with zipfile.ZipFile(os.path.join(outdir, "parts.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", CONTENT)
        z.writestr("../escape.txt", "outside")
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
