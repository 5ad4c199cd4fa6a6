#!/usr/bin/env python3
"""uuencoded files in plain text (tests/e2e/test_uu.py): a .uue file, a
news article saved as text with a uuencoded zip, a cut .uue, and text that
only mentions "begin 644". Encoded with the standard library's binascii
(the same line format as uuencode(1)).

    python3 gen_uu.py OUTDIR     # the files below + expect.json

expect.json: {file: {"children": [[chain...], ...], "ssn_in": [chain] or null,
"truncated": bool}}
"""
import binascii
import io
import json
import os
import sys
import zipfile

SSN_TEXT = b"Payroll fix: employee SSN 536-22-1874, effective 2019-03-01\n"


def uuencode(name, data, end=True):
    out = ["begin 644 %s" % name]
    for i in range(0, len(data), 45):
        out.append(binascii.b2a_uu(data[i:i + 45]).decode().rstrip("\n"))
    if end:
        out += ["`", "end"]
    return "\n".join(out) + "\n"


def generate(out):
    os.makedirs(out, exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("hr/fix.txt", SSN_TEXT * 3)
    files = {
        "payroll.uue": (uuencode("payroll.txt", SSN_TEXT * 4),
                        {"children": [["payroll.txt"]], "ssn_in": ["payroll.txt"], "truncated": False}),
        "article.txt": ("Path: news.example.net!not-for-mail\nFrom: ops@example.net\n"
                        "Newsgroups: corp.hr.binaries\nSubject: fix (1/1)\n\n"
                        "Here is the fix.\n\n" + uuencode("fix.zip", buf.getvalue()) + "\n-- \nops\n",
                        {"children": [["fix.zip"], ["fix.zip", "hr/fix.txt"]],
                         "ssn_in": ["fix.zip", "hr/fix.txt"], "truncated": False}),
        "cut.uue": (uuencode("cut.txt", SSN_TEXT * 20, end=False)[:-200],
                    {"children": [["cut.txt"]], "ssn_in": ["cut.txt"], "truncated": True}),
        "howto.txt": ("To send a file, type: begin 644 name at the start of a line.\n"
                      "begin 9x notes\nbegin 644\n",
                      {"children": [], "ssn_in": None, "truncated": False}),
    }
    expect = {}
    for name, (text, exp) in files.items():
        with open(os.path.join(out, name), "w") as f:
            f.write(text)
        expect[name] = exp
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
