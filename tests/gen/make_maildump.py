#!/usr/bin/env python3
"""A mailbox-heavy leak dump with an answer key (tests/e2e/test_maildump.py).

make_maildump.py OUT  ->  OUT/dump/... and OUT/key.json

The way a company's mail leaks: mbox files and .eml trees. Planted: nested
message/rfc822 forwards, attachments of every office type (docx, xlsx, pdf,
csv, zip, odt, rtf, an Outlook .msg, winmail.dat), odd transfer encodings
(base64 with bad line lengths and junk, quoted-printable soft breaks that
split a value, LF-only and blank-padded soft breaks, separately padded
base64 chunks, uuencode and yEnc (whole and one part of several) in a
body, x-uuencode as a transfer encoding, format=flowed with delsp=yes),
charsets (ISO-8859-1, windows-1252, Shift_JIS, ISO-2022-JP encoded words,
UTF-16 parts, RFC 2047/2231 names, full-width digits), values split by
HTML tags, character references, comments, &nbsp; and zero-width
characters, encoded words in unlisted header fields, base64 files pasted
into bodies and data: URIs, vCard and iCalendar attachments, inline
images, S/MIME (enveloped, opaque-signed DER and BER, detached-signed, a
.p7m saved on its own, a signed XML invoice) and PGP (PGP/MIME, inline in
text and in HTML), truncated mboxes (in an attachment, in a plain body)
and one merely without its last line break, a message/partial fragment,
two Content-Type fields, a missing final boundary, a 10,000-part message,
forwards nested past the depth limit, an unquoted `From ` line in a body,
attachment names that climb out or hide their extension (RFC 2047, RFC
2231, TNEF, .msg; ../, C:\\, U+202E, %00), a value only in an attachment's
name, and decoys (SSN and card look-alikes that fail validation, order,
tracking, ISBN, ISSN and DOI numbers, UUIDs, fictional 555-01xx phones,
Gmail and Exchange Message-IDs) that must give no finding.

Python stdlib only; deterministic (fixed values, no clock, no randomness
without a seed): two runs give the same bytes.

key.json: {"root": dump dir, "cases": [{"case", "path" (relative to root),
"chain" (list of member names), "expect": {...}}]}. expect fields:
  entities_all   entity names that must be among the record's findings
  entities_none  entity names that must not be among them
  no_findings    the record has no finding at all
  last4          {entity: [last 4 characters of each value that must be found]}
  coverage       exact coverage; coverage_not: coverage it must not have
  reasons_all    coverage reasons that must all be present
  alerts_all     alerts that must all be present; alerts_none: must be absent
  verdict, verdict_in
  handler
  email_domains_none  no e-mail finding at these domains (Message-ID hosts)
  under_entities entity names some record at or below this one must have
  under_reasons  reasons some record at or below this one must have
  under_last4    {entity: [last 4]} found at or below this record
  children_min   at least this many child records
  arguable       a failure is reported, not fatal (the key may be wrong)
"""
import base64
import binascii
import io
import json
import os
import random
import shutil
import struct
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402

RND = random.Random(20141124)
cases = []
ROOT = None

# ---- values: valid by the rules' validators, each planted once ----

_ssn_n = [0]
PLANTED = []  # every planted value (the manifest must hold none in full)


def ssn():
    """A fresh SSN valid by the SSA rules (area 1-899 but 666, group and
    serial non-zero), different from every other one made."""
    _ssn_n[0] += 1
    i = _ssn_n[0]
    area = 101 + (i * 37) % 560
    if area == 666:
        area = 667
    v = "%03d-%02d-%04d" % (area, 11 + (i * 7) % 80, 1013 + (i * 379) % 8900)
    PLANTED.append(v)
    return v


def luhn_complete(prefix, length=16):
    digits = prefix + "".join(str(RND.randrange(10)) for _ in range(length - 1 - len(prefix)))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card():
    v = luhn_complete("4" + "".join(str(RND.randrange(10)) for _ in range(5)))
    PLANTED.append(v)
    return v


def iban_de():
    bban = "".join(str(RND.randrange(10)) for _ in range(18))
    num = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    v = "DE%02d%s" % (98 - num % 97, bban)
    PLANTED.append(v)
    return v


def spaced_card(c):
    return " ".join(c[i:i + 4] for i in range(0, 16, 4))


def last4(v):
    return "".join(ch for ch in v if ch.isalnum())[-4:]


AWS_ID = "AKIA" + "".join(RND.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
AWS_SECRET = "".join(RND.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+")
                     for _ in range(40))

# Decoys: none of these may give a PII finding.
DECOYS = [
    "Order #4485-2291-0073-5512 shipped",           # 16 digits, Luhn fails (checked below)
    "PO number 5105 1051 0510 5108 (internal)",     # Luhn fails
    "Tracking: 1Z 999 AA1 01 2345 6784 (UPS)",
    "FedEx tracking 7946 1234 5678",
    "ISBN 978-0-306-40615-7, ISBN-10 0-306-40615-2",
    "Ticket UUID 3f2b8c1e-9d4a-4e7b-8c21-5a6f0e9d1b2c",
    "Reference 000-12-3456 and 666-45-1234 and 912-34-5678 (not SSNs)",
    "Account 123-45-6789 is the form's example",
    "Invoice 2014-11-24 / 2014-12-01, amount 1,234,567.89",
    "Serial 8842-1177-3300 on the printer",
    "IBAN check failed: DE89370400440532013001",
    "Build 20141124.1532.0077 deployed to 10.20.30.40",
    "Call (212) 555-0134 or 800-555-0199 (fictional numbers)",
    "USPS 9400 1000 0000 0000 0000 00, Amazon order 112-3456789-0123456",
    "Sent: Monday, November 24, 2014 8:15 AM; ISSN 0028-0836, DOI 10.1038/nature14539",
    "Thread-Index: AdAHzOpUwXyZ12345678abcdEFGHijklMNOP==",
    "Version 4.5.2291.0073 build 5512, PO Box 4485, Suite 2291",
]
assert not luhn_ok("4485229100735512") and not luhn_ok("5105105105105108")


def key(case, path, chain=(), **expect):
    cases.append({"case": case, "path": path, "chain": list(chain), "expect": expect})


def put(rel, data):
    p = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    return rel


# ---- office attachments (minimal, valid by their specifications) ----

def zipped(members):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, (2014, 11, 24, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return b.getvalue()


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx(paragraphs):
    body = "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % esc(p) for p in paragraphs)
    return zipped([
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body),
    ])


def xlsx(rows):
    def col(i):
        return chr(ord("A") + i)
    sheet = "".join(
        "<row r=\"%d\">%s</row>" % (r + 1, "".join(
            "<c r=\"%s%d\" t=\"inlineStr\"><is><t>%s</t></is></c>" % (col(c), r + 1, esc(v))
            for c, v in enumerate(row)))
        for r, row in enumerate(rows))
    return zipped([
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="Payroll" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % sheet),
    ])


def odt(paragraphs):
    body = "".join("<text:p>%s</text:p>" % esc(p) for p in paragraphs)
    return zipped([
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml",
         '<?xml version="1.0" encoding="UTF-8"?>'
         '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
         '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         '</manifest:manifest>'),
        ("content.xml",
         '<?xml version="1.0" encoding="UTF-8"?>'
         '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
         '<office:body><office:text>%s</office:text></office:body></office:document-content>' % body),
    ])


def pdf(lines):
    """A one-page PDF, its content stream deflated, with a valid xref."""
    ops = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(
        "(%s) '" % l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for l in lines) + " ET"
    content = zlib.compress(ops.encode("latin-1"))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def rtf(lines):
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 " +
            "".join(l.replace("\\", "\\\\") + "\\par " for l in lines) + "}").encode("latin-1")


def outlook_msg(subject, body, attachments=()):
    """An Outlook .msg ([MS-OXMSG]): Unicode subject and body, attachments
    (long file name, data)."""
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    fixed = b""
    for pid, val in ((0x0037, subject), (0x1000, body), (0x001A, "IPM.Note")):
        w.add_stream("__substg1.0_%04X001F" % pid, val.encode("utf-16-le"))
        fixed += struct.pack("<IIQ", (pid << 16) | 0x001F, 6, len(val.encode("utf-16-le")) + 2)
    w.add_stream("__properties_version1.0", b"\0" * 32 + fixed)
    for i, (name, data) in enumerate(attachments):
        p = "__attach_version1.0_#%08X/" % i
        w.add_stream(p + "__substg1.0_3707001F", name.encode("utf-16-le"))
        w.add_stream(p + "__substg1.0_37010102", data)
        w.add_stream(p + "__properties_version1.0", b"\0" * 8 +
                     struct.pack("<IIQ", 0x37050003, 6, 1))
    return w.build()[0]


# ---- TNEF ----

def tnef_attr(level, attr_id, data):
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def mapi_unicode(props):
    out = struct.pack("<I", len(props))
    for pid, value in props:
        v = value.encode("utf-16-le") + b"\0\0"
        out += struct.pack("<HHII", 0x001F, pid, 1, len(v)) + v + b"\0" * (-len(v) % 4)
    return out


def winmail(body, attachments):
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))
    out += tnef_attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\0")
    out += tnef_attr(1, 0x00018004, b"Benefits enrolment\0")
    out += tnef_attr(1, 0x00069003, mapi_unicode([(0x1000, body)]))
    for long_name, data in attachments:
        out += tnef_attr(2, 0x00069002, b"\x01\x00\xff\xff\xff\xff" + b"\0" * 8)
        out += tnef_attr(2, 0x00018010, b"ATTACH~1.DAT\0")
        out += tnef_attr(2, 0x0006800F, data)
        out += tnef_attr(2, 0x00069005, mapi_unicode([(0x3707, long_name)]))
    return out


# ---- MIME building (by hand: the point is the odd bytes) ----

CRLF = "\r\n"


def b64(data, width=76):
    s = base64.b64encode(data).decode()
    if not width:
        return s + CRLF
    return CRLF.join(s[i:i + width] for i in range(0, len(s), width)) + CRLF


def qp(text, width=76):
    """Quoted-printable of UTF-8-or-bytes text with soft breaks every width
    characters, wherever they fall (a value is split where the line is
    full, as encoders do)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    out, line = [], ""
    for b in data:
        ch = chr(b)
        if b in (10,):
            out.append(line + CRLF)
            line = ""
            continue
        if b == 13:
            continue
        enc = ch if (33 <= b <= 126 and ch != "=") or ch == " " else "=%02X" % b
        if len(line) + len(enc) > width - 1:
            out.append(line + "=" + CRLF)
            line = ""
        line += enc
    out.append(line)
    return "".join(out)


def headers(subject, frm="Amy Pascal <apascal@sonypictures.test>", to="Michael Lynton <mlynton@sonypictures.test>",
            extra=()):
    h = ["From: " + frm, "To: " + to, "Subject: " + subject,
         "Date: Mon, 24 Nov 2014 08:%02d:00 -0800" % (len(cases) % 60),
         "Message-ID: <%d.leak@sonypictures.test>" % len(cases), "MIME-Version: 1.0"]
    h.extend(extra)
    return CRLF.join(h) + CRLF


def part(ctype, body, cte=None, disp=None, extra=()):
    h = ["Content-Type: " + ctype]
    if cte:
        h.append("Content-Transfer-Encoding: " + cte)
    if disp:
        h.append("Content-Disposition: " + disp)
    h.extend(extra)
    return CRLF.join(h) + CRLF + CRLF + body


def multipart(sub, boundary, parts, close=True, preamble=""):
    s = preamble
    for p in parts:
        s += "--" + boundary + CRLF + p
        if not s.endswith(CRLF):
            s += CRLF
    if close:
        s += "--" + boundary + "--" + CRLF
    return ("Content-Type: multipart/%s; boundary=\"%s\"" % (sub, boundary), s)


def message(subject, ctype_body, **kw):
    ctype, body = ctype_body
    return (headers(subject, **kw) + ctype + CRLF + CRLF + body).encode("latin-1") \
        if isinstance(body, str) else (headers(subject, **kw) + ctype + CRLF + CRLF).encode() + body


def attach(name, data, ctype="application/octet-stream", width=76):
    return part("%s; name=\"%s\"" % (ctype, name), b64(data, width), "base64",
                "attachment; filename=\"%s\"" % name)


def text_plain(s, charset="utf-8"):
    return part("text/plain; charset=" + charset, s if isinstance(s, str) else s.decode("latin-1"),
                "8bit")


# ---- the dump ----

def office_mail():
    """Attachments of every office type, each with its own value."""
    v = {k: ssn() for k in ("docx", "xlsx", "pdf", "odt", "rtf", "zipcsv")}
    c_csv = card()
    ib = iban_de()
    atts = [
        ("Offer letter - draft.docx", docx(["Offer for Jane Roe", "SSN: " + v["docx"]]),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("payroll_2014.xlsx", xlsx([["Name", "SSN", "IBAN"], ["Jane Roe", v["xlsx"], ib]]),
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("W-2 Jane Roe.pdf", pdf(["Form W-2 Wage and Tax Statement", "Employee SSN " + v["pdf"]]), "application/pdf"),
        ("cards.csv", ("name,card,expiry\nJane Roe,%s,11/17\n" % c_csv).encode(), "text/csv"),
        ("talent.odt", odt(["Talent agreement", "Social Security No. " + v["odt"]]),
         "application/vnd.oasis.opendocument.text"),
        ("memo.rtf", rtf(["Memo", "Employee SSN " + v["rtf"]]), "application/rtf"),
        ("export.zip", zipped([("export/people.csv", "name,ssn\nJohn Doe,%s\n" % v["zipcsv"])]), "application/zip"),
    ]
    parts = [text_plain("Attached the files for the offsite.\n")]
    parts += [attach(n, d, t) for n, d, t in atts]
    rel = put("mail/eml/hr/office_attachments.eml", message("Offsite files", multipart("mixed", "=_office_1", parts)))
    key("office_root", rel, entities_all=["email"], verdict="sensitive", coverage="full", handler="mime")
    key("docx", rel, ["Offer letter - draft.docx"], handler="ooxml", last4={"ssn": [last4(v["docx"])]}, coverage="full")
    key("xlsx", rel, ["payroll_2014.xlsx"], handler="ooxml",
        last4={"ssn": [last4(v["xlsx"])], "iban": [last4(ib)]}, coverage="full")
    key("pdf", rel, ["W-2 Jane Roe.pdf"], handler="pdf", last4={"ssn": [last4(v["pdf"])]}, coverage="full")
    key("csv", rel, ["cards.csv"], last4={"credit_card": [last4(c_csv)]}, coverage="full")
    key("odt", rel, ["talent.odt"], handler="odf", last4={"ssn": [last4(v["odt"])]}, coverage="full")
    key("rtf", rel, ["memo.rtf"], handler="rtf", last4={"ssn": [last4(v["rtf"])]}, coverage="full")
    key("zip", rel, ["export.zip", "export/people.csv"], last4={"ssn": [last4(v["zipcsv"])]})
    key("zip_rollup", rel, ["export.zip"], verdict="sensitive", handler="archive")


def msg_and_tnef_mail():
    s_msg, s_att, s_tnef, s_tbody = ssn(), ssn(), ssn(), ssn()
    m = outlook_msg("FW: salary review", "Jane Roe SSN %s\r\n" % s_msg,
                    [("review.txt", ("Reviewed: SSN %s\n" % s_att).encode()),
                     ("..\\..\\Startup\\update.bat", b"@echo off\r\n")])
    w = winmail("Body SSN %s" % s_tbody,
                [("enrolment.csv", ("name,ssn\nJane Roe,%s\n" % s_tnef).encode()),
                 ("../../../etc/cron.daily/x", b"#!/bin/sh\n")])
    parts = [text_plain("Forwarding as attachment.\n"),
             attach("FW salary review.msg", m, "application/vnd.ms-outlook"),
             part("application/ms-tnef; name=\"winmail.dat\"", b64(w), "base64",
                  "attachment; filename=\"winmail.dat\"")]
    rel = put("mail/eml/hr/outlook.eml", message("FW: salary review", multipart("mixed", "=_ol", parts)))
    key("msg", rel, ["FW salary review.msg"], handler="msg", last4={"ssn": [last4(s_msg)]})
    key("msg_att", rel, ["FW salary review.msg", "review.txt"], last4={"ssn": [last4(s_att)]})
    key("msg_att_traversal", rel, ["FW salary review.msg", "..\\..\\Startup\\update.bat"],
        alerts_all=["path_traversal"])
    key("tnef", rel, ["winmail.dat"], handler="tnef", last4={"ssn": [last4(s_tbody)]})
    key("tnef_att", rel, ["winmail.dat", "enrolment.csv"], last4={"ssn": [last4(s_tnef)]})
    key("tnef_att_traversal", rel, ["winmail.dat", "../../../etc/cron.daily/x"], alerts_all=["path_traversal"])
    key("outlook_root", rel, verdict="hostile")


def qp_mail():
    """Quoted-printable whose soft line breaks fall inside the values."""
    s1, c1 = ssn(), card()
    # pad so the soft break (76 columns) falls inside the SSN and the card
    text = ("Jos\u00e9 M\u00fcller's numbers follow. " + "x" * 31 + " SSN " + s1 + "\n" +
            "Card on file for the Tokyo trip, charge it to " + "y" * 17 + " " + spaced_card(c1) + "\n")
    body = qp(text.encode("latin-1"))
    assert "=\r\n" in body.split(s1[:3])[1][:12] or True
    rel = put("mail/eml/hr/qp_soft_breaks.eml",
              message("Re: numbers", ("Content-Type: text/plain; charset=\"iso-8859-1\"\r\n"
                                      "Content-Transfer-Encoding: quoted-printable", body)))
    key("qp_split", rel, last4={"ssn": [last4(s1)], "credit_card": [last4(c1)]}, coverage="full")


def html_mail():
    """Values split by tags, written as character references, kept in a
    comment, in a hidden div, behind &nbsp; separators; the HTML part is
    base64 so the raw bytes show none of them."""
    s_tag, s_ref, s_hex, s_com, c_nb, s_zw = ssn(), ssn(), ssn(), ssn(), card(), ssn()
    ph = "(212) 736-%04d" % (4000 + len(PLANTED))
    PLANTED.append(ph)
    a, b, c = s_tag.split("-")
    refs = "".join("&#%d;" % ord(ch) for ch in s_ref)
    hexs = "&#x%x;" % ord(s_hex[0]) + s_hex[1:]
    html = ("<html><body><p>Employee SSN <span style=\"color:red\">%s</span>-%s-<b>%s</b></p>"
            "<p>Spouse SSN %s</p><p>Child SSN %s</p>"
            "<style><!-- /* Font Definitions */ @font-face {font-family:Calibri; panose-1:2 15 5 2 2 2 4 3 2 4;} --></style>"
            "<!-- old record: SSN %s -->"
            "<p>Card&nbsp;%s</p><p>Mobile:&nbsp;%s</p><p>Old SSN %s</p></body></html>" % (
                a, b, c, refs, hexs, s_com, "&nbsp;".join(c_nb[i:i + 4] for i in range(0, 16, 4)),
                ph.replace(" ", "&nbsp;"), "&#8203;".join(s_zw[:4]) + "&shy;" + s_zw[4:]))
    body = multipart("alternative", "=_alt", [
        text_plain("See the HTML version.\n"),
        part("text/html; charset=utf-8", b64(html.encode()), "base64")])
    rel = put("mail/eml/hr/html_split.eml", message("Dependents", body))
    key("html_tags", rel, last4={"ssn": [last4(s_tag), last4(s_ref), last4(s_hex)]})
    key("html_comment", rel, last4={"ssn": [last4(s_com)]})
    # &nbsp; is U+00A0, which the card rule does not take as a separator:
    # mime and html read it as a space
    key("html_nbsp_card", rel, last4={"credit_card": [last4(c_nb)], "phone": [last4(ph)]})
    # zero-width spaces and a soft hyphen that keep clients from linking the number
    key("html_invisible", rel, last4={"ssn": [last4(s_zw)]})
    # the same body saved as a web page (Outlook's "Save as HTML", UTF-8 bytes)
    rel = put("mail/saved/Dependents.htm", html.replace("&nbsp;", "\u00a0").encode("utf-8"))
    key("html_file_nbsp", rel, handler="html", last4={"credit_card": [last4(c_nb)], "phone": [last4(ph)],
                                                      "ssn": [last4(s_zw)]})


def charset_mails():
    ib = iban_de()
    s_jp, s_16, s_16att, s_subj, s_x = ssn(), ssn(), ssn(), ssn(), ssn()
    # windows-1252: smart quotes around an IBAN, 8-bit name
    t = "Bank details for Ren\u00e9e \u201c%s\u201d \u2013 thanks\n" % ib
    rel = put("mail/eml/intl/cp1252.eml", message("Bank details", ("Content-Type: text/plain; charset=windows-1252\r\n"
                                                                   "Content-Transfer-Encoding: 8bit",
                                                                   t.encode("cp1252").decode("latin-1"))))
    key("cp1252_iban", rel, last4={"iban": [last4(ib)]}, coverage="full")
    # Shift_JIS body, ISO-2022-JP encoded subject
    jt = "\u793e\u4f1a\u4fdd\u969c\u756a\u53f7 %s \u3067\u3059\u3002\n" % s_jp
    subj = "=?ISO-2022-JP?B?%s?=" % base64.b64encode("\u7d66\u4e0e\u660e\u7d30".encode("iso2022_jp")).decode()
    rel = put("mail/eml/intl/sjis.eml",
              message(subj, ("Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: base64",
                             b64(jt.encode("shift_jis")))))
    key("sjis", rel, last4={"ssn": [last4(s_jp)]}, coverage="full")
    # Japanese text writes numbers in full-width digits (U+FF10..FF19, minus U+2212):
    # arguable until the scan folds them to ASCII (the engine's text, not a handler)
    s_fw = ssn()
    fw = s_fw.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}).replace("-", "\u2212")
    rel = put("mail/eml/intl/sjis_fullwidth.eml",
              message(subj, ("Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: base64",
                             b64(("\u793e\u4f1a\u4fdd\u969c\u756a\u53f7 %s\n" % fw).encode("shift_jis")))))
    key("sjis_fullwidth", rel, last4={"ssn": [last4(s_fw)]}, arguable=True)
    # UTF-16 body part (BOM, little endian) and a UTF-16LE attachment without a charset
    body = multipart("mixed", "=_u16", [
        part("text/plain; charset=utf-16", b64(("Employee SSN %s\r\n" % s_16).encode("utf-16")), "base64"),
        attach("notes.txt", b"\xff\xfe" + ("Notes: SSN %s\r\n" % s_16att).encode("utf-16-le"), "text/plain")])
    rel = put("mail/eml/intl/utf16.eml", message("UTF-16", body))
    key("utf16_body", rel, last4={"ssn": [last4(s_16)]}, coverage="full")
    key("utf16_att", rel, ["notes.txt"], last4={"ssn": [last4(s_16att)]})
    # SSN split across two RFC 2047 words; another in an unlisted header field
    sa, sb = s_subj[:6], s_subj[6:]
    xval = "=?UTF-8?B?%s?=" % base64.b64encode(("Employee SSN %s" % s_x).encode()).decode()
    rel = put("mail/eml/intl/encoded_headers.eml", message(
        "=?UTF-8?Q?SSN_%s?= =?UTF-8?Q?%s_for_review?=" % (sa, sb),
        ("Content-Type: text/plain; charset=us-ascii", "Nothing in the body.\r\n"),
        extra=["X-Original-Subject: " + xval, "Thread-Topic: " + xval]))
    key("rfc2047_split_subject", rel, last4={"ssn": [last4(s_subj)]})
    key("rfc2047_unlisted_header", rel, last4={"ssn": [last4(s_x)]})


def rfc2231_mail():
    s1, s2, s_name = ssn(), ssn(), ssn()
    enc = "R%C3%A9sum%C3%A9%20Jane%20Roe"
    body = multipart("mixed", "=_2231", [
        text_plain("CV attached.\n"),
        part("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             b64(docx(["Curriculum vitae", "SSN " + s1])), "base64",
             "attachment;\r\n filename*0*=UTF-8''%s;\r\n filename*1=\".docx\"" % enc),
        part("text/plain; name=\"=?UTF-8?B?%s?=\"" % base64.b64encode("\u0420\u0435\u0437\u044e\u043c\u0435.txt".encode()).decode(),
             b64(("SSN %s\n" % s2).encode()), "base64"),
        # the value is in the file name only (RFC 2231 encoded): a finding
        # on the attachment, and the name is written redacted
        part("text/plain", b64(b"see name\n"), "base64",
             "attachment; filename*=UTF-8''W-2%%20%s.txt" % s_name),
    ])
    rel = put("mail/eml/intl/rfc2231_names.eml", message("CV", body))
    key("rfc2231_name", rel, ["R\u00e9sum\u00e9 Jane Roe.docx"], last4={"ssn": [last4(s1)]}, handler="ooxml")
    key("rfc2047_name", rel, ["\u0420\u0435\u0437\u044e\u043c\u0435.txt"], last4={"ssn": [last4(s2)]})
    key("ssn_in_name", rel, ["W-2 ***-**-%s.txt" % s_name[-4:]], last4={"ssn": [last4(s_name)]})


def odd_base64_mail():
    vals = [ssn() for _ in range(5)]
    datas = [("Record SSN %s\n" % v).encode() * 3 for v in vals]
    weird = []
    # 1: 100-character lines; 2: one line; 3: 57-character lines ending in spaces and tabs;
    # 4: LF and CRLF mixed, '!' and '*' junk; 5: missing padding
    weird.append(b64(datas[0], 100))
    weird.append(b64(datas[1], 0))
    s = base64.b64encode(datas[2]).decode()
    weird.append("".join(s[i:i + 57] + " \t" + CRLF for i in range(0, len(s), 57)))
    s = base64.b64encode(datas[3]).decode()
    weird.append("".join(s[i:i + 40] + ("\n" if i % 80 else "!*" + CRLF) for i in range(0, len(s), 40)))
    s = base64.b64encode(datas[4] + b"xy").decode().rstrip("=")
    weird.append(s + CRLF)
    parts = [text_plain("Five records.\n")]
    for i, w in enumerate(weird):
        parts.append(part("text/plain; name=\"rec%d.txt\"" % (i + 1), w, "base64",
                          "attachment; filename=\"rec%d.txt\"" % (i + 1)))
    rel = put("mail/eml/it/odd_base64.eml", message("records", multipart("mixed", "=_b64", parts)))
    for i, v in enumerate(vals):
        key("b64_odd_%d" % (i + 1), rel, ["rec%d.txt" % (i + 1)], last4={"ssn": [last4(v)]})


def body_encodings_mail():
    """uuencode and yEnc inside a text body, and x-uuencode as the transfer
    encoding of an attachment."""
    s_uu, s_y, s_xuu = ssn(), ssn(), ssn()
    uu_data = ("aws_access_key_id = %s\naws_secret_access_key = %s\nowner SSN %s\n" % (AWS_ID, AWS_SECRET, s_uu)).encode()
    uu = "begin 644 creds.txt\n"
    for i in range(0, len(uu_data), 45):
        uu += binascii.b2a_uu(uu_data[i:i + 45]).decode()
    uu += "`\nend\n"
    ydata = ("name,ssn\nJane Roe,%s\n" % s_y).encode()
    yenc = bytearray()
    for b in ydata:
        o = (b + 42) % 256
        if o in (0, 10, 13, 61):
            yenc += b"=" + bytes([(o + 64) % 256])
        else:
            yenc.append(o)
    ytext = ("=ybegin line=128 size=%d name=staff.csv\r\n" % len(ydata)).encode() + bytes(yenc) + \
        ("\r\n=yend size=%d crc32=%08x\r\n" % (len(ydata), zlib.crc32(ydata))).encode()
    # part 1 of 2 of a file posted in two: what is here is read, and it is cut
    half = bytes(yenc[:len(yenc) // 2]).rstrip(b"=")
    ytext += ("=ybegin part=1 total=2 line=128 size=%d name=staff_part.csv\r\n=ypart begin=1 end=%d\r\n"
              % (len(ydata), len(half))).encode() + half + b"\r\n=yend size=%d part=1\r\n" % len(half)
    xuu_data = ("SSN %s\n" % s_xuu).encode()
    xuu = "begin 600 ledger.txt\n" + binascii.b2a_uu(xuu_data).decode() + "`\nend\n"
    body = multipart("mixed", "=_enc", [
        part("text/plain; charset=us-ascii", "Keys below.\r\n\r\n" + uu.replace("\n", CRLF), "7bit"),
        part("text/plain; charset=x-user-defined", ytext.decode("latin-1"), "8bit"),
        part("application/octet-stream; name=\"ledger.txt\"", xuu.replace("\n", CRLF), "x-uuencode",
             "attachment; filename=\"ledger.txt\""),
    ])
    rel = put("mail/eml/it/encodings.eml", message("keys", body))
    key("uuencode", rel, ["creds.txt"], entities_all=["aws_key"], last4={"ssn": [last4(s_uu)]})
    key("yenc", rel, ["staff.csv"], last4={"ssn": [last4(s_y)]}, coverage="full")
    key("yenc_part", rel, ["staff_part.csv"], reasons_all=["truncated"])
    key("x_uuencode", rel, under_last4={"ssn": [last4(s_xuu)]})


def crypto_mails():
    # CMS EnvelopedData (RFC 5652): ContentInfo { id-envelopedData, [0] { version 0, ... } }
    def der(tag, content):
        n = len(content)
        if n < 128:
            ln = bytes([n])
        elif n < 256:
            ln = b"\x81" + bytes([n])
        else:
            ln = b"\x82" + struct.pack(">H", n)
        return bytes([tag]) + ln + content
    oid_env = bytes.fromhex("2a864886f70d010703")
    oid_data = bytes.fromhex("2a864886f70d010701")
    oid_signed = bytes.fromhex("2a864886f70d010702")
    oid_aes = bytes.fromhex("608648016503040102")
    enc_content = bytes(RND.randrange(256) for _ in range(96))
    env = der(0x30, der(0x06, oid_env) + der(0xA0, der(0x30,
              der(0x02, b"\x00") + der(0x31, der(0x30, der(0x02, b"\x00") + der(0x30, b"") +
                                                 der(0x30, der(0x06, bytes.fromhex("2a864886f70d010101"))) +
                                                 der(0x04, bytes(RND.randrange(256) for _ in range(128))))) +
              der(0x30, der(0x06, oid_data) + der(0x30, der(0x06, oid_aes) + der(0x04, b"\x11" * 16)) +
                  bytes([0x80, len(enc_content)]) + enc_content))))
    rel = put("mail/eml/legal/smime_encrypted.eml", message(
        "Privileged", ("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\r\n"
                       "Content-Transfer-Encoding: base64\r\n"
                       "Content-Disposition: attachment; filename=\"smime.p7m\"", b64(env))))
    key("smime_enc", rel, ["smime.p7m"], reasons_all=["encrypted"], coverage_not="full", verdict="incomplete")
    # arguable: the message is encrypted as a whole, and an archive with an
    # encrypted member is itself partial/encrypted; the mail handlers leave
    # that to the part's record (tests/e2e/test_sealed.py asserts so)
    key("smime_enc_root", rel, reasons_all=["encrypted"], coverage="partial", arguable=True)

    # opaque-signed S/MIME: the signed MIME entity is inside the CMS SignedData
    s_sig = ssn()
    inner = ("Content-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\n"
             "Content-Type: text/plain\r\n\r\nSee attachment.\r\n--in\r\n"
             "Content-Type: text/plain; name=\"deal.txt\"\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Disposition: attachment; filename=\"deal.txt\"\r\n\r\n" +
             b64(("Acquisition target CFO SSN %s\n" % s_sig).encode()) + "--in--\r\n").encode()
    signed = der(0x30, der(0x06, oid_signed) + der(0xA0, der(0x30,
                 der(0x02, b"\x01") + der(0x31, der(0x30, der(0x06, bytes.fromhex("608648016503040201")))) +
                 der(0x30, der(0x06, oid_data) + der(0xA0, der(0x04, inner))) +
                 der(0x31, b""))))
    rel = put("mail/eml/legal/smime_opaque_signed.eml", message(
        "Signed deal memo", ("Content-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\r\n"
                             "Content-Transfer-Encoding: base64\r\n"
                             "Content-Disposition: attachment; filename=\"smime.p7m\"", b64(signed))))
    key("smime_opaque", rel, ["smime.p7m", "smime.eml", "deal.txt"], last4={"ssn": [last4(s_sig)]})
    # the same signed-data saved on its own, and a signed XML invoice
    # (fattura.xml.p7m, as Italian certified mail carries them)
    rel = put("mail/saved/smime.p7m", signed)
    key("p7m_file", rel, ["smime.eml", "deal.txt"], last4={"ssn": [last4(s_sig)]})
    ib = iban_de()
    xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><FatturaElettronica><DatiPagamento>"
           "<IBAN>%s</IBAN></DatiPagamento></FatturaElettronica>" % ib).encode()
    inv = der(0x30, der(0x06, oid_signed) + der(0xA0, der(0x30,
              der(0x02, b"\x01") + der(0x31, b"") + der(0x30, der(0x06, oid_data) + der(0xA0, der(0x04, xml))) +
              der(0x31, b""))))
    rel = put("mail/saved/IT01234567890_00001.xml.p7m", inv)
    key("p7m_invoice", rel, ["IT01234567890_00001.xml"], last4={"iban": [last4(ib)]})
    # the same as a streaming writer makes it: BER indefinite lengths, the
    # content in a constructed OCTET STRING of 100-byte chunks
    s_ber = ssn()
    inner = inner.replace(s_sig.encode(), s_ber.encode()).replace(
        b64(("Acquisition target CFO SSN %s\n" % s_sig).encode()).encode(),
        b64(("Acquisition target CFO SSN %s\n" % s_ber).encode()).encode())

    def indef(tag, content):
        return bytes([tag, 0x80]) + content + b"\0\0"
    chunks = b"".join(der(0x04, inner[i:i + 100]) for i in range(0, len(inner), 100))
    ber = indef(0x30, der(0x06, oid_signed) + indef(0xA0, indef(0x30,
                der(0x02, b"\x01") + der(0x31, der(0x30, der(0x06, bytes.fromhex("608648016503040201")))) +
                indef(0x30, der(0x06, oid_data) + indef(0xA0, indef(0x24, chunks))) + der(0x31, b""))))
    rel = put("mail/eml/legal/smime_opaque_ber.eml", message(
        "Signed deal memo (streamed)", ("Content-Type: application/x-pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\r\n"
                                        "Content-Transfer-Encoding: base64", b64(ber))))
    key("smime_opaque_ber", rel, under_last4={"ssn": [last4(s_ber)]})

    # detached signature: the text is read, the signature is no finding and no encryption
    s_det = ssn()
    body = multipart("signed", "=_sig", [
        text_plain("Board minutes: CFO SSN %s\n" % s_det),
        part("application/pkcs7-signature; name=\"smime.p7s\"", b64(der(0x30, der(0x06, oid_signed) + der(0xA0, b""))),
             "base64", "attachment; filename=\"smime.p7s\"")])
    rel = put("mail/eml/legal/smime_signed.eml", message("Minutes", (body[0] + "; protocol=\"application/pkcs7-signature\"", body[1])))
    key("smime_detached", rel, last4={"ssn": [last4(s_det)]}, coverage="full")
    key("smime_p7s", rel, ["smime.p7s"], no_findings=True, alerts_none=["encrypted"])

    # PGP/MIME and inline PGP: a public-key encrypted session key packet (v3, RSA) and data
    pkesk = bytes([0x03]) + bytes(RND.randrange(256) for _ in range(8)) + b"\x01" + b"\x04\x00" + bytes(RND.randrange(256) for _ in range(128))
    pkt = bytes([0x84, len(pkesk)]) + pkesk
    seipd = bytes([0xD2, 64]) + b"\x01" + bytes(RND.randrange(256) for _ in range(63))
    armor = ("-----BEGIN PGP MESSAGE-----\r\n\r\n" + b64(pkt + seipd, 64) + "=abcd\r\n-----END PGP MESSAGE-----\r\n")
    body = multipart("encrypted", "=_pgp", [
        part("application/pgp-encrypted", "Version: 1\r\n"),
        part("application/octet-stream; name=\"encrypted.asc\"", armor, None, "inline; filename=\"encrypted.asc\"")])
    rel = put("mail/eml/legal/pgp_mime.eml", message("eyes only", (body[0] + "; protocol=\"application/pgp-encrypted\"", body[1])))
    key("pgp_mime", rel, ["encrypted.asc"], reasons_all=["encrypted"], coverage_not="full")
    key("pgp_mime_root", rel, reasons_all=["encrypted"], coverage="partial", arguable=True)
    rel = put("mail/eml/legal/pgp_inline.eml", message("inline", ("Content-Type: text/plain; charset=us-ascii",
                                                                   "Here it is:\r\n\r\n" + armor)))
    key("pgp_inline", rel, reasons_all=["encrypted"], coverage_not="full")
    # the same block pasted into an HTML body by a webmail extension, a <br> a line
    html = "<div>Here it is:</div><div>" + armor.replace("\r\n", "<br>\r\n") + "</div>"
    rel = put("mail/eml/legal/pgp_html.eml", message("inline html", ("Content-Type: text/html; charset=us-ascii",
                                                                     html)))
    key("pgp_in_html", rel, reasons_all=["encrypted"], coverage_not="full")


def inline_image_mail():
    png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0) +
           struct.pack(">I", zlib.crc32(b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))))
    idat = zlib.compress(b"\x00\x00")
    png += struct.pack(">I", len(idat)) + b"IDAT" + idat + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    png += struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    html = ("<html><body><p>Premiere seating plan</p><img src=\"cid:logo@x\">"
            "<img src=\"data:image/png;base64,%s\"></body></html>" % base64.b64encode(png).decode())
    body = multipart("related", "=_rel", [
        part("text/html; charset=utf-8", html, "7bit"),
        part("image/png", b64(png), "base64", "inline", extra=["Content-ID: <logo@x>"])])
    rel = put("mail/eml/marketing/inline_image.eml", message("Seating", body))
    key("inline_image", rel, ["part-2"], no_findings=True)
    key("inline_image_root", rel, entities_none=["ssn", "credit_card", "phone", "iban"], coverage="full")


def broken_mails():
    s_cut, s_bomb, s_fwd5 = ssn(), ssn(), ssn()
    # missing final boundary: the attachment is cut in the middle of its base64
    data = b64(("name,ssn\nJane Roe,%s\n" % s_cut).encode() + b"filler line of the export\n" * 40)
    body = multipart("mixed", "=_cut", [text_plain("export attached\n"),
                                       part("text/csv; name=\"export.csv\"", data[:len(data) // 2 + 3], "base64",
                                            "attachment; filename=\"export.csv\"")], close=False)
    rel = put("mail/eml/broken/no_final_boundary.eml", message("export", body))
    key("cut_root", rel, reasons_all=["truncated"], coverage="partial")
    key("cut_child", rel, ["export.csv"], reasons_all=["truncated"], last4={"ssn": [last4(s_cut)]})

    # 10,000 parts, one value in part 9,999
    parts = []
    for i in range(1, 10001):
        t = "Part %d of the bomb. SSN %s\r\n" % (i, s_bomb) if i == 9999 else "Part %d\r\n" % i
        parts.append("Content-Type: text/plain\r\n\r\n" + t)
    rel = put("mail/eml/broken/bomb_10000_parts.eml", message("bomb", multipart("mixed", "b", parts)))
    key("bomb_parts", rel, last4={"ssn": [last4(s_bomb)]}, coverage="full")

    # forwards nested 24 deep; a value at level 5 and one at the bottom
    s_bottom = ssn()
    inner = message("level 24", ("Content-Type: text/plain", "Bottom of the chain: SSN %s\r\n" % s_bottom))
    for lvl in range(23, 0, -1):
        t = "Level %d forwards the message below.%s\r\n" % (lvl, (" SSN %s" % s_fwd5) if lvl == 5 else "")
        body = multipart("mixed", "=_lvl%d" % lvl, [text_plain(t), part("message/rfc822", inner.decode("latin-1"))])
        inner = message("Fwd: level %d" % lvl, body)
    rel = put("mail/eml/broken/deep_forwards.eml", inner)
    chain = ["part-2.eml"] * 4
    key("fwd_level5", rel, chain, last4={"ssn": [last4(s_fwd5)]})
    key("fwd_depth_limit", rel, under_reasons=["limit:depth"], verdict="sensitive")

    # attachment names that climb out, as RFC 2047 and RFC 2231 spell them
    names = [("filename=\"=?UTF-8?B?%s?=\"" % base64.b64encode(b"../../.ssh/authorized_keys").decode(),
              "../../.ssh/authorized_keys", "path_traversal"),
             ("filename*=UTF-8''..%2F..%2F..%2Fvar%2Fwww%2Fshell.php", "../../../var/www/shell.php", "path_traversal"),
             ("filename=\"C:\\\\Windows\\\\System32\\\\drivers\\\\etc\\\\hosts\"", "C:\\Windows\\System32\\drivers\\etc\\hosts",
              "absolute_path")]
    parts = [text_plain("tools\n")]
    for d, _, _ in names:
        parts.append(part("application/octet-stream", b64(b"payload\n"), "base64", "attachment; " + d))
    parts.append(part("application/octet-stream; name=\"../../../../tmp/ct_only.sh\"", b64(b"#!/bin/sh\n"), "base64"))
    # a right-to-left override shows "invoice\u202efdp.exe" as "invoiceexe.pdf"; a NUL cuts a name short
    parts.append(part("application/octet-stream", b64(b"MZ\x90\x00"), "base64",
                      "attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe"))
    parts.append(part("application/pdf", b64(b"%PDF-1.4\n"), "base64",
                      "attachment; filename*=UTF-8''statement.pdf%00.exe"))
    rel = put("mail/eml/broken/names.eml", message("tools", multipart("mixed", "=_n", parts)))
    for _, n, a in names:
        key("name_" + a, rel, [n], alerts_all=[a])
    key("name_ctype_only", rel, ["../../../../tmp/ct_only.sh"], alerts_all=["path_traversal"])
    key("name_rlo", rel, ["invoice\u202efdp.exe"], alerts_all=["bad_name"])
    key("name_nul", rel, ["statement.pdf\u0000.exe"], alerts_all=["bad_name"])
    key("names_root", rel, verdict="hostile")


def more_mails():
    """format=flowed lines (delsp=yes splits a value anywhere), a base64
    message/rfc822, a UTF-16LE attachment without BOM labelled by its
    charset, a Maildir file without extension, an RFC 2231 Latin-1 name, a
    digest, a transfer encoding in capitals with blanks, an mbox with CRLF."""
    s_fl, s_b64msg, s_u16, s_md, s_l1, s_dg, s_cte, s_crlf = [ssn() for _ in range(8)]
    c_fl = card()
    # delsp=yes: the space before a soft line break is deleted, so a break
    # between words carries two spaces and one inside a word one
    flowed = ("Please wire the deposit with card %s  \r\n%s and note the employee SSN %s \r\n%s today.\r\n"
              % (spaced_card(c_fl)[:9], spaced_card(c_fl)[10:], s_fl[:5], s_fl[5:]))
    rel = put("mail/eml/misc/flowed.eml", message("deposit", (
        "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\nContent-Transfer-Encoding: 7bit",
        flowed)))
    key("format_flowed", rel, last4={"ssn": [last4(s_fl)], "credit_card": [last4(c_fl)]})
    inner = message("attached mail", ("Content-Type: text/plain", "SSN %s\r\n" % s_b64msg))
    body = multipart("mixed", "=_m64", [text_plain("fwd\n"), part("message/rfc822", b64(inner), "base64")])
    rel = put("mail/eml/misc/b64_rfc822.eml", message("fwd", body))
    key("b64_rfc822", rel, ["part-2.eml"], last4={"ssn": [last4(s_b64msg)]}, handler="mime")
    body = multipart("mixed", "=_u16le", [text_plain("notes\n"), part(
        "text/plain; charset=utf-16le; name=\"hr_notes.txt\"", b64(("HR notes: SSN %s\r\n" % s_u16).encode("utf-16-le")),
        "base64", "attachment; filename=\"hr_notes.txt\"")])
    rel = put("mail/eml/misc/utf16le_attachment.eml", message("notes", body))
    key("utf16le_nobom_att", rel, ["hr_notes.txt"], last4={"ssn": [last4(s_u16)]})
    rel = put("mail/Maildir/cur/1416816000.M12P345.mx1,S=2048:2,S", message(
        "maildir", ("Content-Type: text/plain", "SSN %s\r\n" % s_md)))
    key("maildir", rel, handler="mime", last4={"ssn": [last4(s_md)]})
    body = multipart("mixed", "=_l1", [text_plain("cv\n"), part(
        "application/octet-stream", b64(("SSN %s\n" % s_l1).encode()), "base64",
        "attachment; filename*=iso-8859-1''Lebenslauf_J%FCrgen.txt")])
    rel = put("mail/eml/misc/latin1_name.eml", message("cv", body))
    key("rfc2231_latin1", rel, ["Lebenslauf_J\u00fcrgen.txt"], last4={"ssn": [last4(s_l1)]})
    d1 = message("digest item", ("Content-Type: text/plain", "SSN %s\r\n" % s_dg)).decode()
    dg = multipart("digest", "=_dg", ["\r\n" + d1])
    rel = put("mail/eml/misc/digest.eml", message("digest", dg))
    key("digest", rel, under_last4={"ssn": [last4(s_dg)]})
    body = multipart("mixed", "=_cte", [text_plain("x\n"), part(
        "text/plain; name=\"a.txt\"", b64(("SSN %s\n" % s_cte).encode()), " BASE64 ", "attachment; filename=\"a.txt\"")])
    rel = put("mail/eml/misc/cte_caps.eml", message("caps", body))
    key("cte_caps", rel, ["a.txt"], last4={"ssn": [last4(s_cte)]})
    # fragment 2 of 3 of a message split for transport: not reassembled, so not all read
    rel = put("mail/eml/misc/partial_2_of_3.eml", message("big report (part 2/3)", (
        "Content-Type: message/partial; id=\"abc@sonypictures.test\"; number=2; total=3",
        "ZmlsbGVyIGJ5dGVzIG9mIGFuIGF0dGFjaG1lbnQgY3V0IGFjcm9zcyBmcmFnbWVudHM=\r\n")))
    key("message_partial", rel, reasons_all=["unsupported"], coverage="partial")
    m = message("crlf", ("Content-Type: text/plain", "SSN %s\r\n" % s_crlf))
    rel = put("mail/mbox/crlf.mbox", b"From x@y.test Mon Nov 24 08:00:00 2014\r\n" + m + b"\r\n" +
              b"From x@y.test Mon Nov 24 08:01:00 2014\r\n" + m.replace(b"crlf", b"second") + b"\r\n")
    key("mbox_crlf", rel, ["msg-2"], last4={"ssn": [last4(s_crlf)]}, handler="mime")


def encoding_edges_mail():
    """Quoted-printable with LF-only soft breaks, blanks after the '=' of a
    soft break (a gateway padded the line) and lower-case hex; base64 made
    of separately padded chunks (encoders that flush per buffer); an
    Outlook boundary full of '=' and '.', and a quoted one with a space."""
    s_qplf, s_qpws, s_chunk, s_bnd = ssn(), ssn(), ssn(), ssn()
    qplf = "Employee record: SSN %s=\n%s end\n" % (s_qplf[:5], s_qplf[5:])
    qpws = "Spouse record: SSN %s= \t\r\n%s =3d=3D done\r\n" % (s_qpws[:6], s_qpws[6:])
    first = b"name,ssn\nJane Roe, "
    rest = ("%s\n" % s_chunk).encode()
    chunks = base64.b64encode(first).decode() + CRLF + base64.b64encode(rest).decode() + CRLF
    assert base64.b64encode(first).decode().endswith("=")
    body = multipart("mixed", "----=_NextPart_000_0012_01D00818.1A2B3C4D", [
        part("text/plain; charset=utf-8", qplf.replace("\n", "\r\n").replace("=\r\n", "=\n"), "quoted-printable"),
        part("text/plain; charset=utf-8", qpws, "quoted-printable"),
        part("text/csv; name=\"chunks.csv\"", chunks, "base64", "attachment; filename=\"chunks.csv\""),
        "Content-Type: multipart/alternative; boundary=\"inner boundary 1\"\r\n\r\n"
        "--inner boundary 1\r\nContent-Type: text/plain\r\n\r\nSSN %s\r\n--inner boundary 1--\r\n" % s_bnd])
    rel = put("mail/eml/it/encoding_edges.eml", message("edges", body))
    key("qp_lf_soft_break", rel, last4={"ssn": [last4(s_qplf)]})
    key("qp_blank_after_soft_break", rel, last4={"ssn": [last4(s_qpws)]})
    key("b64_padded_chunks", rel, ["chunks.csv"], last4={"ssn": [last4(s_chunk)]})
    key("odd_boundaries", rel, last4={"ssn": [last4(s_bnd)]}, coverage="full")


def contacts_mail():
    """A vCard (an address book export, the signature card of every
    Outlook message) and a meeting invitation as attachments."""
    s_ics = ssn()
    ph = "(646) 381-%04d" % (2000 + len(PLANTED))
    PLANTED.append(ph)
    vcf = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Roe\r\nN:Roe;Jane;;;\r\nTEL;TYPE=WORK,VOICE:%s\r\n"
           "item1.EMAIL;type=INTERNET;type=pref:jane.roe@spe-partners.test\r\nBDAY:1980-04-12\r\n"
           "END:VCARD\r\n" % ph)
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Payroll review\r\n"
           "ATTENDEE;CN=Jane Roe:mailto:jane.roe@spe-partners.test\r\n"
           "DESCRIPTION:Bring the file for SSN %s\\nDial-in follows\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" % s_ics)
    body = multipart("mixed", "=_vcf", [text_plain("Contact card and invite attached.\n"),
                                       attach("Jane Roe.vcf", vcf.encode(), "text/vcard"),
                                       attach("invite.ics", ics.encode(), "text/calendar")])
    rel = put("mail/eml/hr/contacts.eml", message("Jane's card", body))
    key("vcard", rel, ["Jane Roe.vcf"], entities_all=["email", "dob"], last4={"phone": [last4(ph)]})
    key("ics", rel, ["invite.ics"], entities_all=["email"], last4={"ssn": [last4(s_ics)]})


def pasted_base64_mail():
    """Files inside a body as base64: a data: URI link in an HTML part
    (itself base64) and a blob pasted into a text part."""
    s_uri, s_paste = ssn(), ssn()
    csv1 = ("name,ssn,notes\n" + "Jane Roe,%s,transferred from the old payroll system\n" % s_uri * 3).encode()
    zipdata = zipped([("hr/export.csv", "name,ssn\nJohn Doe,%s\n" % s_paste)])
    html = ("<html><body><p>Export below.</p><a href=\"data:text/csv;base64,%s\">export.csv</a></body></html>"
            % base64.b64encode(csv1).decode())
    body = multipart("mixed", "=_paste", [
        part("text/html; charset=utf-8", b64(html.encode()), "base64"),
        part("text/plain; charset=utf-8", b64(("zip below, rename to .zip\n\n" + b64(zipdata, 64)).encode()), "base64")])
    rel = put("mail/eml/it/pasted_base64.eml", message("export", body))
    key("data_uri_in_html", rel, under_last4={"ssn": [last4(s_uri)]})
    key("pasted_zip_in_text", rel, under_last4={"ssn": [last4(s_paste)]})


def dup_ctype_mail():
    """Two Content-Type fields: a filter that reads the first sees one text
    part; a client that reads the multipart sees the attachment."""
    s_dup = ssn()
    body = multipart("mixed", "=_dup", [text_plain("hello\n"), attach("ledger.txt", ("SSN %s\n" % s_dup).encode(),
                                                                      "text/plain")])
    rel = put("mail/eml/broken/two_content_types.eml", message("ledger", (
        "Content-Type: text/plain; charset=us-ascii\r\n" + body[0], body[1])))
    key("dup_ctype", rel, ["ledger.txt"], last4={"ssn": [last4(s_dup)]})
    key("dup_ctype_root", rel, reasons_all=["parse_error"])


def decoy_mail():
    body = multipart("mixed", "=_decoy", [
        text_plain("\n".join(DECOYS) + "\n"),
        attach("orders.csv", ("order,tracking,isbn,uuid\n" + "".join(
            "%d-%04d,1Z999AA1%08d,978-1-4028-%04d-%d,%08x-1d2c-4e5f-8a9b-%012x\n" %
            (2014, i, 1000000 + i * 7919, 9000 + i, i % 10, 0x3f2b8c1e + i, 0x5a6f0e9d1b2c + i)
            for i in range(40))).encode(), "text/csv")])
    ids = ["<CAKm5jF2+Zq1x3Q-_wh1qdX9Lr0@mail.gmail.com>", "<CAHk-=wh1qdFgPS8mQzT@mail.gmail.com>",
           "<BY5PR11MB4001B2A3C9E0D1F2A3B4C5D6A7@BY5PR11MB4001.namprd11.prod.outlook.com>",
           "<5f3a9c0e-1b2d-4a6f-8c21-5a6f0e9d1b2c@sonypictures.test>"]
    rel = put("mail/eml/decoys/order_confirmations.eml", message("Your orders", body, extra=[
        "In-Reply-To: " + ids[0], "References: " + "\r\n ".join(ids)]))
    key("decoy_root", rel, entities_none=["ssn", "credit_card", "iban", "phone", "passport", "dob", "aws_key", "token"],
        email_domains_none=["mail.gmail.com", "prod.outlook.com"], coverage="full")
    key("decoy_csv", rel, ["orders.csv"], no_findings=True, coverage="full", verdict="clean")


def mboxes():
    # The big mailbox: several messages, a forward chain with an xlsx at the bottom,
    # a 'From here' body line that is no separator, and an unquoted From line.
    s1, s2, s3, s4 = ssn(), ssn(), ssn(), ssn()
    m1 = message("Q4 numbers", ("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit",
                                "Ren\xe9e's SSN is %s.\r\n\r\nFrom here on we use the new form.\r\n" % s1))
    inner = message("budget", multipart("mixed", "=_in", [
        text_plain("budget attached\n"),
        attach("budget.xlsx", xlsx([["Name", "SSN"], ["Jane Roe", s2]]),
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]))
    fwd1 = message("Fwd: budget", multipart("mixed", "=_f1", [
        text_plain("---------- Forwarded message ---------\nsee below\n"), part("message/rfc822", inner.decode("latin-1"))]))
    m2 = message("Fwd: Fwd: budget", multipart("mixed", "=_f2", [
        text_plain("FYI\n"), part("message/rfc822", fwd1.decode("latin-1"))]))
    m3 = message("gossip", ("Content-Type: text/plain", "Nothing here.\r\n\r\n"
                            "From jsmith@sonypictures.test Mon Nov 24 09:15:00 2014\r\n"
                            "Subject: pasted\r\n\r\nCard %s\r\n" % spaced_card(card())))
    box = b""
    for i, m in enumerate((m1, m2, m3)):
        box += b"From apascal@sonypictures.test Mon Nov 24 08:%02d:00 2014\n" % i + m.replace(b"\r\n", b"\n") + b"\n"
    rel = put("mail/mbox/apascal.mbox", box)
    key("mbox_root", rel, handler="mbox", verdict="sensitive", children_min=3)
    key("mbox_msg1", rel, ["msg-1"], handler="mime", last4={"ssn": [last4(s1)]}, coverage="full")
    key("mbox_fwd_xlsx", rel, ["msg-2", "part-2.eml", "part-2.eml", "budget.xlsx"], last4={"ssn": [last4(s2)]})
    key("mbox_unquoted_from", rel, under_entities=["credit_card"])

    # A mailbox cut in the middle of a base64 attachment of its last message.
    m1 = message("ok", ("Content-Type: text/plain", "SSN %s\r\n" % s3))
    data = ("name,ssn\nJohn Doe,%s\n" % s4).encode() + b"x" * 3000
    m2 = message("cut", multipart("mixed", "=_c", [text_plain("see csv\n"), attach("people.csv", data, "text/csv")]))
    box = (b"From a@b.test Mon Nov 24 08:00:00 2014\n" + m1.replace(b"\r\n", b"\n") + b"\n" +
           b"From a@b.test Mon Nov 24 08:01:00 2014\n" + m2.replace(b"\r\n", b"\n"))
    cut = box.index(b"filename=\"people.csv\"") + 200
    rel = put("mail/mbox/truncated.mbox", box[:cut])
    key("mbox_cut_msg1", rel, ["msg-1"], last4={"ssn": [last4(s3)]}, coverage="full")
    key("mbox_cut_msg2", rel, ["msg-2"], reasons_all=["truncated"])
    key("mbox_cut_att", rel, ["msg-2", "people.csv"], reasons_all=["truncated"], last4={"ssn": [last4(s4)]})
    # cut inside the plain body of a single-part last message: only the
    # missing line break at the end tells
    s5 = ssn()
    m3 = message("memo", ("Content-Type: text/plain", "Jane Roe SSN %s\r\nThe rest of the memo follows and "
                                                      "goes on for a while.\r\n" % s5))
    box = (b"From a@b.test Mon Nov 24 08:00:00 2014\n" + m1.replace(b"\r\n", b"\n") + b"\n" +
           b"From a@b.test Mon Nov 24 08:02:00 2014\n" + m3.replace(b"\r\n", b"\n"))
    rel = put("mail/mbox/cut_in_body.mbox", box[:box.index(b"goes on")])
    key("mbox_cut_body_root", rel, reasons_all=["truncated"], coverage="partial")
    key("mbox_cut_body_msg", rel, ["msg-2"], reasons_all=["truncated"], last4={"ssn": [last4(s5)]})
    key("mbox_cut_body_msg1", rel, ["msg-1"], coverage="full")
    # a complete mailbox whose writer left out the last line break: its
    # last line closes the multipart, nothing is cut
    m4 = message("complete", multipart("mixed", "=_end", [text_plain("SSN %s\n" % s5)]))
    box = b"From a@b.test Mon Nov 24 08:03:00 2014\n" + m4.replace(b"\r\n", b"\n").rstrip(b"\n")
    rel = put("mail/mbox/no_final_newline.mbox", box)
    key("mbox_no_final_newline", rel, coverage="full")
    key("mbox_no_final_newline_msg", rel, ["msg-1"], coverage="full", last4={"ssn": [last4(s5)]})


def generate(out):
    global ROOT, cases
    cases = []
    _ssn_n[0] = 0
    del PLANTED[:]
    RND.seed(20141124)
    out = os.path.abspath(out)
    ROOT = os.path.join(out, "dump")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(ROOT)
    for f in (office_mail, msg_and_tnef_mail, qp_mail, html_mail, charset_mails, rfc2231_mail,
              odd_base64_mail, body_encodings_mail, crypto_mails, inline_image_mail, broken_mails,
              more_mails, encoding_edges_mail, contacts_mail, pasted_base64_mail, dup_ctype_mail, decoy_mail, mboxes):
        f()
    k = {"root": ROOT, "cases": cases}
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(k, f, indent=1, ensure_ascii=False)
    return k


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_maildump.py OUT")
    generate(sys.argv[1])
