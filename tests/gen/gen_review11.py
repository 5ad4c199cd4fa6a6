#!/usr/bin/env python3
"""Files for review11's findings on this session's new parsers (the JSON
escape decoder, the HTML reference rewrite, the XML document splitter, the
EFW2 reader); tests/e2e/test_review11.py.

    gen_review11.py OUTDIR

Written with Python's standard library (all values fake):
- comment.html: a page whose head holds a comment with one apostrophe
  ("<!-- Don't edit: generated -->"), then "Jane&nbspRoe" in the body, and
  a block after "</html>" (a footer a host appended) holding an SSN;
- long.json: a search index dump whose one "content" string holds a whole
  document's text, 80 KB of lines escaped as \\n, then "SSN: 142372033";
- short.json: the same document under the string cap (the control).
"""
import json
import os
import sys


def comment_html():
    return (b"<!DOCTYPE html>\n<html><head><!-- Don't edit: generated -->\n"
            b"<title>Staff</title></head>\n<body><p>Contact: Jane&nbspRoe</p></body></html>\n"
            b"<div>Payroll record SSN: 536-22-1874</div>\n")


def report(lines):
    body = "".join("Line %d of the quarterly report, nothing to see here.\n" % k for k in range(lines))
    return "Quarterly report\n" + body + "New hire Cy Park\nSSN: 142372033\nDOB: 1961-03-12\n"


def search_dump(text):
    doc = {"_index": "docs", "_id": "a1", "_source": {"title": "report.docx", "content": text}}
    return (json.dumps(doc) + "\n").encode()


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {"comment.html": comment_html(),
             "long.json": search_dump(report(1500)),
             "short.json": search_dump(report(20))}
    for n, data in files.items():
        with open(os.path.join(out, n), "wb") as f:
            f.write(data)
    return None


if __name__ == "__main__":
    generate(sys.argv[1])
