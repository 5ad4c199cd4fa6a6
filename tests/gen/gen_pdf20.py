#!/usr/bin/env python3
"""Fixtures for the twentieth session's PDF cases (a sweep of pdfium's,
PDFBox's, poppler's and veraPDF's test files against pdftotext), written
with the Python stdlib and tests/gen/gen_pdf.py's writer. All PII fake.

    python3 gen_pdf20.py OUTDIR

- softhyphen.pdf: numbers and words broken by soft hyphens (U+00AD) and
  hyphens. Google Docs writes U+00AD for the hyphens of a value it draws
  ("536\\u00ad22\\u00ad8714", brotli's study's "E5\\u00ad1650"); text folding
  dropped the soft hyphen, so the SSN read "536228714" and no rule saw it.
  A hyphen or soft hyphen between digits at a line end ("412-57-" /
  "3096", "623\\u00ad18\\u00ad" / "4402") kept the value on two lines.
  A soft hyphen between letters is a break inside one word whatever
  follows ("Mc\\u00ad" / "Donald", "exam\\u00adple.org"); an ASCII hyphen
  before a capital ("Smith-" / "Jones") stays as it was.
- short_length.pdf: filtered content streams longer than their /Length,
  in a file that is not encrypted: an ASCIIHex stream whose /Length is 9
  (pdf.js's issue6108.pdf: its whole page) and a Flate stream cut at half
  its length by /Length. We stopped at /Length (a short length was
  trusted for filtered data): the first page read nothing and was called
  full, the second lost its end. poppler, pdf.js and pdfminer read such a
  stream to its endstream.
Returns {file: [SSN, ...]} for the values to be found.
"""
import binascii
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402
import gen_realsweep13 as rs13  # noqa: E402

SOFT_SSNS = ["536-22-8714", "412-57-3096", "623-18-4402"]


def softhyphen(path):
    w = g.Writer()
    font = rs13.hyphen_font(w)
    lines = [
        b"(Employee record 536\x0222\x028714 on file)",
        "Applicant record 412-57-",
        "3096 filed in March.",
        b"(Contractor record 623\x0218\x02)",
        "4402 filed in April.",
        b"(Premises leased by Mc\x02)",
        "Donald Holdings, write to",
        b"(j.doe@exam\x02ple.org or Mrs Smith-)",
        "Jones.",
    ]
    t = g.simple_doc(w, [rs13.lines_content(lines)], font=font)
    with open(path, "wb") as f:
        f.write(w.classic(t))


SHORT_SSNS = ["287-65-4321", "349-51-7720"]


def short_length(path):
    w = g.Writer()
    page1 = rs13.lines_content(["Payroll export, employee SSN " + SHORT_SSNS[0]])
    hexed = binascii.hexlify(page1).upper() + b">"
    page2 = rs13.lines_content(["Quarterly review of staff files"] * 30 +
                               ["Contractor SSN " + SHORT_SSNS[1] + " closes the list"])
    packed = zlib.compress(page2)
    t = g.simple_doc(w, [g.Stream({"Filter": g.Name("ASCIIHexDecode"), "Length": 9}, hexed),
                         g.Stream({"Filter": g.Name("FlateDecode"), "Length": len(packed) // 2}, packed)])
    with open(path, "wb") as f:
        f.write(w.classic(t))


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    softhyphen(os.path.join(outdir, "softhyphen.pdf"))
    short_length(os.path.join(outdir, "short_length.pdf"))
    return {"softhyphen.pdf": SOFT_SSNS, "short_length.pdf": SHORT_SSNS}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
