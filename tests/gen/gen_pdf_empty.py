#!/usr/bin/env python3
"""Generate a PDF whose second page's content stream is empty but still
declares /FlateDecode (/Length 0), as qpdf's
qpdf/qtest/qpdf/empty-stream-compressed.pdf and some writers' blank pages
are: nothing to decode is nothing lost, the PDF is read in full.

    python3 gen_pdf_empty.py OUTDIR   # empty_flate.pdf
"""
import os
import sys
import zlib


def pdf(objs):
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    text = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Employee SSN 536-22-1874) Tj ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        b" /Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R >>",
        stream(text, b" /Filter /FlateDecode"),
        b"<< /Length 0 /Filter /FlateDecode >>\nstream\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    with open(os.path.join(outdir, "empty_flate.pdf"), "wb") as f:
        f.write(pdf(objs))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
