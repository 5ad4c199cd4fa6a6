#!/usr/bin/env python3
"""Files carried as base64 inside text (tests/e2e/test_b64.py): a JSON
export with a zip attachment ("contentBytes") and a whole message as
base64url ("raw", Gmail API style), a SOAP envelope with a PDF, an HTML page
with a PDF in a data: URI, JSON whose "/" are escaped ("\\/", as PHP writes
it) - and look-alikes that must give no child: a PNG in base64, random
bytes in base64, a PEM certificate, a long word list.

    python3 gen_b64.py OUTDIR     # the files below + expect.json

expect.json: {file: [[chain of a child that holds the SSN], ...]} ([] for
the look-alikes: no base64 child at all).
"""
import base64
import io
import json
import os
import random
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_hostile  # noqa: E402

RND = random.Random(20261129)
SSN_LINE = "Employee Jane Roe, SSN 536-22-1874, starts 2019-03-01."


def hr_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("hr/fix.txt", SSN_LINE + "\n")
        z.writestr("hr/readme.txt", "".join(RND.choice("abcdefgh ") for _ in range(400)))
    return buf.getvalue()


def message():
    return ("From: Bo Lind <bo@example.com>\r\nTo: hr@example.com\r\nSubject: payroll fix\r\n"
            "Date: Tue, 5 Mar 2019 10:00:00 +0000\r\n\r\nHi,\r\n\r\n" + SSN_LINE +
            "\r\nPlease update the record before Friday.\r\n").encode()


def k8s(out):
    """Kubernetes Secret manifests (YAML, JSON) whose data values are base64;
    returns {file: [decoded "key: value" lines the text must hold]}."""
    def b(v):
        return base64.b64encode(v.encode()).decode()
    conn = "Server=db01.corp.example;User Id=payroll;Password=Wint3r!Payr0ll#2019;"
    yaml = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: payroll-db\ntype: Opaque\ndata:\n"
            "  connection-string: %s\n  username: \"%s\"\n  tls.key: %s\n"
            "stringData:\n  note: plain\n" % (b(conn), b("payroll_svc"),
                                                base64.b64encode(bytes(range(48))).decode()))
    doc = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "api"},
           "data": {"DB_PASSWORD": b("Sup3rS3cret!Pass"), "ca.der": base64.b64encode(bytes(range(64))).decode()}}
    files = {"secret.yaml": (yaml, ["connection-string: " + conn, "username: payroll_svc"]),
             "secret.json": (json.dumps(doc, indent=2), ["DB_PASSWORD: Sup3rS3cret!Pass"]),
             # not a Secret: base64 values are left as they are
             "configmap.yaml": ("apiVersion: v1\nkind: ConfigMap\ndata:\n  conn: %s\n" % b(conn), [])}
    os.makedirs(out, exist_ok=True)
    for name, (text, _) in files.items():
        with open(os.path.join(out, name), "w") as f:
            f.write(text)
    return {name: lines for name, (_, lines) in files.items()}


def generate(out):
    os.makedirs(out, exist_ok=True)
    pdf = gen_hostile._pdf(SSN_LINE.encode())
    z = hr_zip()
    export = {"messages": [{"id": "18c2", "raw": base64.urlsafe_b64encode(message()).decode().rstrip("=")}],
              "attachments": [{"name": "hr.zip", "contentBytes": base64.b64encode(z).decode()}]}
    text_export = json.dumps(export, indent=1)
    at_raw = text_export.index('"raw": "') + len('"raw": "')
    at_zip = text_export.index('"contentBytes": "') + len('"contentBytes": "')
    php = json.dumps({"file": base64.b64encode(z).decode()}).replace("/", "\\/")
    at_php = php.index('"file": "') + len('"file": "')
    soap = ('<?xml version="1.0"?>\n<Envelope><Body><Document name="fix.pdf">\n' +
            base64.encodebytes(pdf).decode() + "</Document></Body></Envelope>\n")
    at_soap = soap.index('fix.pdf">\n') + len('fix.pdf">\n')
    html = ('<html><body><p>Contract attached.</p><a href="data:application/pdf;base64,' +
            base64.b64encode(pdf).decode() + '">contract</a></body></html>\n')
    at_html = html.index("base64,") + len("base64,")
    png = (b"\x89PNG\r\n\x1a\n" + bytes(RND.getrandbits(8) for _ in range(600)))
    cert = bytes([0x30, 0x82, 0x02, 0x10]) + bytes(RND.getrandbits(8) for _ in range(528))
    words = "\n".join("".join(RND.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(200))
    files = {
        "export.json": (text_export, [["base64@%d" % at_raw], ["base64@%d" % at_zip, "hr/fix.txt"]]),
        "php.json": (php, [["base64@%d" % at_php, "hr/fix.txt"]]),
        "soap.xml": (soap, [["base64@%d" % at_soap]]),
        "page.html": (html, [["base64@%d" % at_html]]),
        "image.json": (json.dumps({"logo": base64.b64encode(png).decode()}), []),
        "random.txt": ("blob: " + base64.b64encode(bytes(RND.getrandbits(8) for _ in range(900))).decode() + "\n", []),
        "cert.pem": ("-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(cert).decode() +
                     "-----END CERTIFICATE-----\n", []),
        "words.txt": (words + "\n", []),
    }
    expect = {}
    for name, (text, kids) in files.items():
        with open(os.path.join(out, name), "w") as f:
            f.write(text)
        expect[name] = kids
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
