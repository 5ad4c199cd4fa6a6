#!/usr/bin/env python3
"""Files for review11's findings on this session's new parsers (the JSON
escape decoder, the HTML reference rewrite, the XML document splitter, the
EFW2 reader); tests/e2e/test_review11.py.

    gen_review11.py OUTDIR

Written with Python's standard library (all values fake):
- comment.html: a page whose head holds a comment with one apostrophe
  ("<!-- Don't edit: generated -->"), then "Jane&nbspRoe" in the body, and
  a block after "</html>" (a footer a host appended) holding an SSN;
- script.html: the same with a script whose string holds "<!--" and one
  double quote, as a page's tracking snippet may;
- long.json: a search index dump whose one "content" string holds a whole
  document's text, 80 KB of lines escaped as \\n, then "SSN: 142372033";
- short.json: the same document under the string cap (the control);
- trimmed.efw2: an SSA W-2 file (EFW2) whose records lost their trailing
  blanks (an editor or a script's rstrip: each line shorter than 512);
- mixed.efw2: 512-byte records, the RA record ended by CR LF and the rest
  by LF (a file put together from two systems' parts);
- w2.efw2: the same records, all CR LF (the control);
- records.xml: an XML log written record by record, 120,000 root
  elements (each second one with its own XML declaration, as appended API
  responses are), the last one holding an SSN.
"""
import json
import os
import sys


def comment_html():
    return (b"<!DOCTYPE html>\n<html><head><!-- Don't edit: generated -->\n"
            b"<title>Staff</title></head>\n<body><p>Contact: Jane&nbspRoe</p></body></html>\n"
            b"<div>Payroll record SSN: 536-22-1874</div>\n")


def script_html():
    return (b"<!DOCTYPE html>\n<html><head><script>var tag = \"<!--\"; if (n<2) go('x');</script>\n"
            b"<title>Staff</title></head>\n<body><p>Contact: Jane&nbspRoe</p></body></html>\n"
            b"<div>Payroll record SSN: 536-22-1874</div>\n")


def report(lines):
    body = "".join("Line %d of the quarterly report, nothing to see here.\n" % k for k in range(lines))
    return "Quarterly report\n" + body + "New hire Cy Park\nSSN: 142372033\nDOB: 1961-03-12\n"


def search_dump(text):
    doc = {"_index": "docs", "_id": "a1", "_source": {"title": "report.docx", "content": text}}
    return (json.dumps(doc) + "\n").encode()


W2 = [("536221874", "ADA", "MOSS"), ("142372033", "CY", "PARK")]


def w2_records():
    recs = ["RA" + "123456789" + " " * 501, "RE2014 987654321" + " " * 496]
    for ssn, first, last in W2:
        rw = "RW" + ssn + "%-15s%-15s%-20s" % (first, "", last)
        rw += "%-22s%-22s%-22s%-2s%-5s" % ("", "1 MAIN ST", "SPRINGFIELD", "IL", "62701")
        recs.append(rw + " " * (512 - len(rw)))
    recs.append("RF" + " " * 5 + "%09d" % len(W2) + " " * 496)
    return recs


def records_xml(n=120000):
    parts = [b'<?xml version="1.0" encoding="UTF-8"?>\n']
    for k in range(n):
        if k % 2:
            parts.append(b'<?xml version="1.0"?>\n')
        parts.append(b"<rec><id>%d</id><status>ok</status></rec>\n" % k)
    parts.append(b"<rec><name>Ada Moss</name><ssn>536-22-1874</ssn></rec>\n")
    return b"".join(parts)


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {"comment.html": comment_html(), "script.html": script_html(),
             "long.json": search_dump(report(1500)),
             "short.json": search_dump(report(20)),
             "trimmed.efw2": b"".join(r.rstrip().encode() + b"\r\n" for r in w2_records()),
             "mixed.efw2": b"".join(r.encode() + (b"\r\n" if r.startswith("RA") else b"\n")
                                    for r in w2_records()),
             "w2.efw2": b"".join(r.encode() + b"\r\n" for r in w2_records()),
             "records.xml": records_xml()}
    for n, data in files.items():
        with open(os.path.join(out, n), "wb") as f:
            f.write(data)
    return None


if __name__ == "__main__":
    generate(sys.argv[1])
