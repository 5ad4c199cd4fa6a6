#!/usr/bin/env python3
"""PDFs whose "%PDF-" header does not start at byte 0 (for
tests/e2e/test_identify.py): Acrobat reads a header that starts anywhere in
the first 1024 bytes, and leaked files often carry mail headers, white space
or other junk before it. Built with gen_pdf.py's writer (make_classic: its
page text holds gen_pdf.SSN, gen_pdf.EMAIL and gen_pdf.CARD).

Usage: gen_pdf_junk.py OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf  # noqa: E402

MAIL_HEADERS = (b"Received: from mx1.corp-mail.test (10.0.0.7)\r\n"
                b"Content-Type: application/pdf; name=\"payroll.pdf\"\r\n"
                b"Content-Transfer-Encoding: binary\r\n\r\n")
QUOTING_MAIL = (b"Return-Path: <hr.desk@corp-mail.test>\n"
                b"Received: from mx1.corp-mail.test\n"
                b"From: HR desk <hr.desk@corp-mail.test>\n"
                b"To: jane.doe@example.com\n"
                b"Subject: why the upload failed\n\n"
                b"The portal wants the file to start with the header:\n"
                b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                b"and yours starts with the mail headers.\n")


def text_only_pdf():
    """make_classic's page, uncompressed, no binary comment line: every byte
    is text, so libmagic calls it text/plain once junk precedes the header."""
    w = gen_pdf.Writer()
    t = gen_pdf.simple_doc(w, [gen_pdf.Stream({}, gen_pdf.page_content_main())])
    return w.classic(t, header=b"%PDF-1.4\n")


def files():
    """{name: bytes}"""
    pdf = gen_pdf.make_classic()
    junk = bytes((i * 37 + 11) % 256 for i in range(300))
    return {
        "mail_headers.pdf": MAIL_HEADERS + pdf,        # a saved attachment
        "whitespace.pdf": b"\r\n\r\n   \n" + pdf,
        "binary_junk.pdf": junk + pdf,                 # a wrapper's header
        "at_1019.pdf": b"x" * 1018 + b"\n" + pdf,      # "%PDF-" ends at byte 1024
        "text_1019.pdf": b"x" * 1018 + b"\n" + text_only_pdf(),  # libmagic: text/plain
        "at_1020.pdf": b"x" * 1019 + b"\n" + pdf,      # past the first 1024 bytes
        "quoting.eml": QUOTING_MAIL,                   # an e-mail quoting "%PDF-"
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
