#!/usr/bin/env python3
"""Generate mail fixtures for leaksift's mail handlers (mime, mbox, tnef, pst).

Usage:
    gen_mail.py OUTDIR              the full fixture set (tests/e2e/test_mail.py)
    gen_mail.py --corpus FUZZDIR    small seeds into FUZZDIR/{mime,mbox,tnef,pst}/

Messages are built with Python's email and mailbox modules where they can
express the case; hostile cases (broken boundaries, truncation, a 2 MB
header, mboxrd quoting) and TNEF (winmail.dat, written with struct after
[MS-OXTNEF]) are written by hand. All PII is fake; the values the tests
look for are exported as constants (SSN_*, CARD_*, ...).
"""
import io
import mailbox
import os
import struct
import sys
import zipfile
from email.message import EmailMessage
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import encoders

# Formatted SSNs the default rule + validator accept (area not 000/666/9xx,
# group not 00, serial not 0000), each planted in exactly one place.
SSN_PLAIN = "536-22-1874"      # plain.eml body
SSN_QP = "461-37-2851"         # qp.eml, split by a soft line break
SSN_CSV = "212-09-7788"        # customers.csv attachment of nested.eml
SSN_DEEP = "318-44-2290"       # nested.eml > forwarded.eml > docs.zip > secret.txt
SSN_TNEF = "401-23-5678"       # winmail.dat attachment report.txt
SSN_TNEF_BODY = "402-31-6620"  # winmail.dat MAPI PR_BODY (UTF-16)
SSN_RTF = "403-12-3344"        # winmail.dat compressed RTF body
SSN_MBOX = "404-56-7788"       # mboxo.mbox, message 2
SSN_BROKEN = "405-66-1122"     # malformed.eml (boundary never found)
SSN_BIG = "406-77-2233"        # bigheader.eml body after a 2 MB To: header
SSN_CP1252 = "407-88-3344"     # intl.eml windows-1252 body
SSN_UTF16 = "408-99-4455"      # intl.eml UTF-16 part
SSN_DEEPEST = "409-10-5566"    # deep.eml, below the nesting limit (raw scan only)
SSN_UU = "410-21-6677"         # uu.eml, uuencoded file inside a text body
SSN_REPORT = "411-32-7788"     # report.eml, text part of a delivery report
SSN_DASH = "412-43-8899"       # onedash.eml, last part before a "--b-" closing line
DECOY_SSN = "000-12-3456"      # invalid area: must not be reported
MARKING = "CONFIDENTIAL"


def luhn_complete(prefix):
    """Append the Luhn check digit to a digit string."""
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


CARD_HTML = luhn_complete("453201511283036")  # only in the base64 HTML part of alt.eml
DECOY_CARD = CARD_HTML[:-1] + str((int(CARD_HTML[-1]) + 1) % 10)  # Luhn-invalid


def b64_subject(text):
    import base64
    return "=?utf-8?B?" + base64.b64encode(text.encode()).decode() + "?="


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)


def plain_eml():
    m = EmailMessage()
    m["From"] = "Alice Example <alice.example@corp-mail.test>"
    m["To"] = "Bob Builder <bob.builder@corp-mail.test>"
    m["Subject"] = "Quarterly numbers"
    m["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    m.set_content("Hi Bob,\n\nThe employee SSN is %s.\nTest value %s is not real.\n"
                  % (SSN_PLAIN, DECOY_SSN))
    return m.as_bytes()


def alt_eml():
    """multipart/alternative; the HTML part is base64 and is the only place
    the card number appears; the subject is a B-encoded word."""
    m = MIMEMultipart("alternative")
    m["From"] = "hr@corp-mail.test"
    m["To"] = "payroll@corp-mail.test"
    m["Subject"] = b64_subject("R\u00e9sum\u00e9 %s" % MARKING)
    m["MIME-Version"] = "1.0"
    m.attach(MIMEText("See the HTML version.\n", "plain", "utf-8"))
    html = MIMEText("<html><body><p>Card on file:</p><p><b>%s</b></p>"
                    "<p>Wrong: %s</p></body></html>" % (CARD_HTML, DECOY_CARD), "html", "utf-8")
    m.attach(html)  # utf-8 MIMEText is base64-encoded
    m.set_boundary("==alt-boundary==")
    return m.as_bytes()


def qp_eml():
    body = ("Hello,\r\nthe number is %s=\r\n%s and caf=C3=A9.\r\n"
            % (SSN_QP[:7], SSN_QP[7:]))
    return ("From: ops@corp-mail.test\r\nTo: dev@corp-mail.test\r\nSubject: qp\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body).encode()


def docs_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("secret.txt", date_time=(2026, 3, 2, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, "Internal: employee SSN %s\n" % SSN_DEEP)
    return buf.getvalue()


def nested_eml():
    """eml > forwarded.eml (message/rfc822) > docs.zip > secret.txt, plus a
    CSV attachment with PII on the outer message."""
    inner = MIMEMultipart()
    inner["From"] = "legal@corp-mail.test"
    inner["To"] = "ceo@corp-mail.test"
    inner["Subject"] = "docs"
    inner.attach(MIMEText("Attached.\n", "plain", "utf-8"))
    z = MIMEBase("application", "zip")
    z.set_payload(docs_zip())
    encoders.encode_base64(z)
    z.add_header("Content-Disposition", "attachment", filename="docs.zip")
    inner.attach(z)
    inner.set_boundary("==inner-boundary==")

    outer = MIMEMultipart()
    outer["From"] = "ceo@corp-mail.test"
    outer["To"] = "board@corp-mail.test"
    outer["Subject"] = "Fwd: docs"
    outer.attach(MIMEText("Forwarding.\n", "plain", "utf-8"))
    csv = MIMEBase("text", "csv")
    csv.set_payload("name,email,ssn\nJohn Roe,john.roe@customer.test,%s\n" % SSN_CSV)
    encoders.encode_base64(csv)
    csv.add_header("Content-Disposition", "attachment", filename="customers.csv")
    outer.attach(csv)
    fwd = MIMEMessage(inner)
    fwd.add_header("Content-Disposition", "attachment", filename="forwarded.eml")
    outer.attach(fwd)
    outer.set_boundary("==outer-boundary==")
    return outer.as_bytes()


def intl_eml():
    """Charsets, RFC 2231 file name, an unnamed inline image, an unknown
    charset."""
    import base64
    b = "==intl=="
    utf16 = ("\ufeffUTF-16 part SSN %s\n" % SSN_UTF16).encode("utf-16-le")
    parts = [
        "Content-Type: text/plain; charset=windows-1252\n"
        "Content-Transfer-Encoding: 8bit\n\n".encode() +
        ("Price \u20ac 5, SSN %s\n" % SSN_CP1252).encode("cp1252"),
        b"Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n" +
        base64.encodebytes(utf16),
        b"Content-Type: text/csv\nContent-Disposition: attachment;\n"
        b" filename*=utf-8''r%C3%A9sum%C3%A9%20final.csv\n\nname,mail\nx,x.y@corp-mail.test\n",
        b"Content-Type: image/png\nContent-Transfer-Encoding: base64\n\n" +
        base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
        b"Content-Type: text/plain; charset=koi8-r\n\n\xf0\xd2\xc9\xd7\xc5\xd4\n",
    ]
    head = ("From: intl@corp-mail.test\nTo: =?iso-8859-1?q?J=F6rg?= <joerg@corp-mail.test>\n"
            "Subject: intl\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"%s\"\n\n" % b).encode()
    body = b"".join(b"--" + b.encode() + b"\n" + p + b"\n" for p in parts)
    return head + body + b"--" + b.encode() + b"--\n"


def deep_eml(levels=40):
    """multipart nested deeper than the handler's limit (32)."""
    head = b"From: deep@corp-mail.test\nSubject: deep\nMIME-Version: 1.0\n"
    out = b""
    for i in range(levels):
        out += b"Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n" % (i, i)
    out += ("Content-Type: text/plain\n\nSSN %s\n" % SSN_DEEPEST).encode()
    for i in reversed(range(levels)):
        out += b"--b%d--\n" % i
    return head + out


# ---- TNEF ([MS-OXTNEF]) ----

PT_LONG, PT_STRING8, PT_UNICODE, PT_BINARY = 0x0003, 0x001E, 0x001F, 0x0102
RTF_PREBUF = (b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
              b"\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
              b"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")


def tnef_attr(level, attr_id, data):
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def mapi_props(props):
    out = struct.pack("<I", len(props))
    for ptype, pid, value in props:
        out += struct.pack("<HH", ptype, pid)
        if ptype in (PT_STRING8, PT_UNICODE, PT_BINARY):
            out += struct.pack("<II", 1, len(value)) + value + b"\0" * (-len(value) % 4)
        else:
            out += value
    return out


def lzfu(raw):
    """Compressed RTF: one back-reference into the preset dictionary
    ("{\\rtf1\\ansi"), then literals, then the end marker."""
    assert raw.startswith(b"{\\rtf1\\ansi")
    rest = raw[len(b"{\\rtf1\\ansi"):]
    tokens = [("ref", (0 << 4) | (11 - 2))] + [("lit", b) for b in rest]
    wpos = (len(RTF_PREBUF) + len(raw)) % 4096
    tokens.append(("ref", wpos << 4))
    body = b""
    for i in range(0, len(tokens), 8):
        group = tokens[i:i + 8]
        ctl = 0
        payload = b""
        for bit, (kind, v) in enumerate(group):
            if kind == "ref":
                ctl |= 1 << bit
                payload += struct.pack(">H", v)
            else:
                payload += bytes([v])
        body += bytes([ctl]) + payload
    return struct.pack("<IIII", len(body) + 12, len(raw), 0x75465A4C, 0) + body


def winmail_dat():
    rtf = b"{\\rtf1\\ansi\\deff0 Body in RTF: SSN " + SSN_RTF.encode() + b"\\par}"
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))          # attTnefVersion
    out += tnef_attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\0")            # attMessageClass
    out += tnef_attr(1, 0x00018004, b"Payroll export\0")                     # attSubject
    out += tnef_attr(1, 0x00069003, mapi_props([                             # attMAPIProps
        (PT_UNICODE, 0x1000, ("Body: SSN %s\r\n" % SSN_TNEF_BODY).encode("utf-16-le") + b"\0\0"),
        (PT_STRING8, 0x0037, b"Payroll export " + MARKING.encode() + b"\0"),
        (PT_LONG, 0x0E07, struct.pack("<I", 1)),
        (PT_BINARY, 0x1009, lzfu(rtf)),
    ]))
    data = ("name,ssn\nJane Roe,%s\n" % SSN_TNEF).encode()
    out += tnef_attr(2, 0x00069002, b"\x01\x00\xff\xff\xff\xff" + b"\0" * 8)  # attAttachRendData
    out += tnef_attr(2, 0x00018010, b"REPORT~1.CSV\0")                       # attAttachTitle
    out += tnef_attr(2, 0x0006800F, data)                                    # attAttachData
    out += tnef_attr(2, 0x00069005, mapi_props([                             # attAttachment
        (PT_UNICODE, 0x3707, "payroll report.csv".encode("utf-16-le") + b"\0\0"),
    ]))
    return out


# The compressed RTF example of [MS-OXRTFCP] section 4.1.2 (a real
# compressor's output, with back-references): decodes to
# "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\\r\\n".
SPEC_LZFU = bytes.fromhex("2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232"
                          "0af32068656c090020627705b06c647d0a800fa0")


def spec_rtf_dat():
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    return out + tnef_attr(1, 0x00069003, mapi_props([(PT_BINARY, 0x1009, SPEC_LZFU)]))


def winmail_eml():
    m = MIMEMultipart()
    m["From"] = "outlook.user@corp-mail.test"
    m["To"] = "someone@partner.test"
    m["Subject"] = "Payroll"
    m.attach(MIMEText("See attachment.\n", "plain", "utf-8"))
    t = MIMEBase("application", "ms-tnef")
    t.set_payload(winmail_dat())
    encoders.encode_base64(t)
    t.add_header("Content-Disposition", "attachment", filename="winmail.dat")
    m.attach(t)
    m.set_boundary("==winmail-boundary==")
    return m.as_bytes()


# ---- mbox ----

def mboxo(path):
    if os.path.exists(path):
        os.unlink(path)
    box = mailbox.mbox(path)
    for i, body in enumerate([
        "First message.\n\nFrom here on, all is fine.\n",
        "Second message with SSN %s.\n" % SSN_MBOX,
        "Third message.\n",
    ]):
        m = EmailMessage()
        m["From"] = "sender%d@corp-mail.test" % (i + 1)
        m["To"] = "list@corp-mail.test"
        m["Subject"] = "message %d" % (i + 1)
        m.set_content(body)
        mm = mailbox.mboxMessage(m)
        mm.set_from("MAILER-DAEMON", (2026, 3, 2, 10, i, 0, 0, 61, 0))
        box.add(mm)
    box.flush()
    box.close()


def mboxrd():
    return (b"From alice@corp-mail.test Mon Mar  2 10:00:00 2026\n"
            b"From: alice@corp-mail.test\nSubject: one\n\n"
            b">From the start of a line\n>>From quoted twice\n\n"
            b"From bob@corp-mail.test Mon Mar  2 11:00:00 2026\n"
            b"From: bob@corp-mail.test\nSubject: two\n\nplain body\n")


SSN_NETSCAPE = "416-87-3344"    # netscape.mbox, third message


def netscape_mbox():
    """Separators as Netscape and Thunderbird write them: a UTF-8 BOM,
    "From - " without a date, a dated separator right after a closing
    boundary (Content-Length framing, no empty line before it), and a body
    line "From Russia with love" followed by "Year: 1963" that must not
    split a message (MimeKit's content-length, simple and unmunged mboxes)."""
    return ("\ufeffFrom - \n"
            "From: a@corp-mail.test\nSubject: one\nContent-Type: multipart/mixed; boundary=ns\n\n"
            "--ns\nContent-Type: text/plain\n\nfirst\n--ns--\n"
            "From - Mon Jun  3 12:50:27 1996\n"
            "From: b@corp-mail.test\nSubject: two\n\nMy favourite film:\n\n"
            "From Russia with love\nYear: 1963\n\n"
            "From -\nFrom: c@corp-mail.test\nSubject: three\n\nSSN %s\n" % SSN_NETSCAPE).encode("utf-8")


# ---- hostile ----

def malformed_eml():
    return ("From: x@corp-mail.test\nSubject: broken\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"AAA\"\n\n"
            "--BBB\nContent-Type: text/plain\n\nSSN %s\n--BBB--\n" % SSN_BROKEN).encode()


def noheaders_eml():
    """A body part with neither headers nor the empty line before its text."""
    return ("From: n@corp-mail.test\nSubject: bare part\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"nb\"\n\n"
            "--nb\nBare part text: account holder Jane\n--nb--\n").encode()


def uu_eml():
    """Old-style attachment: a uuencoded file inside a text/plain body."""
    import binascii
    data = ("name,ssn\nOld Timer,%s\n" % SSN_UU).encode()
    lines = [binascii.b2a_uu(data[i:i + 45]) for i in range(0, len(data), 45)]
    body = b"Here is the file:\n\nbegin 644 payroll.txt\n" + b"".join(lines) + b"`\nend\n\nbye\n"
    return b"From: uu@corp-mail.test\nSubject: uu\n\n" + body


def truncated_eml():
    att = MIMEBase("application", "octet-stream")
    att.set_payload(b"x" * 3000)
    encoders.encode_base64(att)
    att.add_header("Content-Disposition", "attachment", filename="blob.bin")
    m = MIMEMultipart()
    m["From"] = "y@corp-mail.test"
    m["Subject"] = "cut"
    m.attach(MIMEText("before the cut\n", "plain", "utf-8"))
    m.attach(att)
    m.set_boundary("==cut-boundary==")
    raw = m.as_bytes()
    return raw[:len(raw) - 2000]


def bigheader_eml():
    addrs = ",\n ".join("user%06d@corp-mail.test" % i for i in range(80000))
    assert len(addrs) > 2 * 1024 * 1024
    return ("From: z@corp-mail.test\nSubject: many recipients\nTo: " + addrs +
            "\nMIME-Version: 1.0\n\nBody SSN %s\n" % SSN_BIG).encode()


def big_attachment_eml():
    """A 200 KB base64 attachment: over a small --max-bytes budget."""
    m = MIMEMultipart()
    m["From"] = "big@corp-mail.test"
    m["Subject"] = "big"
    m.attach(MIMEText("see attached\n", "plain", "utf-8"))
    att = MIMEBase("application", "octet-stream")
    att.set_payload(bytes((i * 7) & 0xFF for i in range(200 * 1024)))
    encoders.encode_base64(att)
    att.add_header("Content-Disposition", "attachment", filename="big.bin")
    m.attach(att)
    m.set_boundary("==big-boundary==")
    return m.as_bytes()


def header_only_eml():
    return b"From: h@corp-mail.test\nTo: i@corp-mail.test\nSubject: no body"


def delivery_report_eml():
    """A delivery status notification (RFC 3462 multipart/report) whose last
    part is text/rfc822-headers: the bounced message's header block only,
    itself announcing a multipart body that is not there."""
    b = "rep.123/mx.corp-mail.test"
    return ("From: Mail Delivery Subsystem <MAILER-DAEMON@corp-mail.test>\r\n"
            "To: <jane@corp-mail.test>\r\nSubject: Warning: could not send message\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status;\r\n"
            "\tboundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: text/plain\r\n\r\n"
            "Mailbox full. Original sender SSN on file %s.\r\n\r\n"
            "--%s\r\nContent-Type: message/delivery-status\r\n\r\n"
            "Reporting-MTA: dns; mx.corp-mail.test\r\n\r\n"
            "Final-Recipient: RFC822; bob@corp-mail.test\r\nAction: delayed\r\n\r\n"
            "--%s\r\nContent-Type: text/rfc822-headers\r\n\r\n"
            "From: Jane <jane@corp-mail.test>\r\nSubject: Wanted\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed;\r\n\tboundary=\"----=_Part_12\"\r\n\r\n"
            "--%s--\r\n" % (b, b, SSN_REPORT, b, b, b)).encode()


def header_only_multipart_eml():
    """Headers announcing multipart/mixed, then only blank lines: nothing
    is missing (the mail gem's error_emails have several)."""
    return (b"From: a@corp-mail.test\r\nTo: b@corp-mail.test\r\nSubject: empty\r\n"
            b"Content-Type: multipart/mixed;\r\n\tboundary=\"----=_NextPart_000\"\r\n"
            b"\r\n\r\n\r\n")


def one_dash_close_eml():
    """Closing delimiter written "--b-" (one dash short)."""
    return ("From: a@corp-mail.test\r\nSubject: dash\r\n"
            "Content-Type: multipart/mixed; boundary=mp_1\r\n\r\n"
            "--mp_1\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n"
            "--mp_1\r\nContent-Type: text/plain\r\n\r\nsecond part %s\r\n"
            "--mp_1-\r\n\r\n" % SSN_DASH).encode()


def unknown_charset_utf8_eml():
    """charset=X-UNKNOWN on a UTF-8 body and an encoded word in charset NONE
    holding ASCII: the text reads the same whatever the label."""
    return ("From: a@corp-mail.test\r\nSubject: =?NONE?B?VEVTVA=?=\r\n"
            "Content-Type: text/plain; charset=X-UNKNOWN\r\n\r\n"
            "Caf\u00e9 cr\u00e8me for Jos\u00e9\r\n").encode("utf-8")


SSN_NOCLOSE = "413-54-9900"     # noclose.eml, text part before an unclosed base64 attachment


def no_close_eml(cut_at_line=False):
    """A base64 attachment (7 bytes: padded) as the last part and no closing
    delimiter, as some mailers write (Tika's testEML_embedded_xhtml_and_img.eml):
    complete. With cut_at_line, a longer attachment is cut at a line break
    instead: no padding at the end, so it is truncated."""
    import base64
    data = b"x" * (3000 if cut_at_line else 7)
    b64 = base64.encodebytes(data).decode()
    if cut_at_line:
        b64 = "".join(b64.splitlines(True)[:10])
    return ("From: a@corp-mail.test\r\nSubject: no close\r\n"
            "Content-Type: multipart/mixed; boundary=nc_1\r\n\r\n"
            "--nc_1\r\nContent-Type: text/plain\r\n\r\nSSN %s\r\n"
            "--nc_1\r\nContent-Type: application/octet-stream\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=blob.bin\r\n\r\n%s" %
            (SSN_NOCLOSE, b64.replace("\n", "\r\n").rstrip("\r\n"))).encode()


def slip_names_eml():
    """Attachments whose file names climb out of a save folder or are
    absolute; a plain one for contrast."""
    parts = []
    for i, fn in enumerate(("\"../../Startup/run.cmd\"", "*=''..%5CStartup%5Crun2.cmd",
                            "\"/etc/profile.d/x.sh\"", "\"D:evil.txt\"", "\"ok..txt\"")):
        parts.append("--sl_1\r\nContent-Type: application/octet-stream\r\n"
                     "Content-Disposition: attachment; filename%s%s\r\n\r\npart %d\r\n" %
                     ("" if fn.startswith("*") else "=", fn, i))
    return ("From: a@corp-mail.test\r\nSubject: names\r\n"
            "Content-Type: multipart/mixed; boundary=sl_1\r\n\r\n" + "".join(parts) + "--sl_1--\r\n").encode()


SSN_REOPEN = "414-65-1122"      # reopen.eml, attachment after an early "--b--"
SSN_LEADWS = "415-76-2233"      # leadws.eml, attachment of a message opening with blank lines


def b64_lines(data):
    import base64
    return base64.encodebytes(data).decode().replace("\n", "\r\n")


def reopened_boundary_eml():
    """A nested multipart/alternative that reuses the outer boundary: its
    "--b--" closes the outer multipart early, and the attachment follows
    after it behind a fresh "--b" (SpamScope's mail_malformed_1, a spam
    run carrying a zipped executable)."""
    b = "----=Part_0118260_79300441"
    return ("From: a@corp-mail.test\r\nTo: b@corp-mail.test\r\nSubject: reopen\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n\tboundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
            "--%s\r\nContent-Type: text/html\r\n\r\n<p>see attachment</p>\r\n"
            "--%s--\r\n\r\n"
            "--%s\r\nContent-Type: application/octet-stream; name=\"after.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%s"
            "--%s--\r\n" % (b, b, b, b, b, b, b,
                              b64_lines(("employee SSN %s\n" % SSN_REOPEN).encode()), b)).encode()


def leading_blank_eml():
    """A saved message whose first line is 255 spaces (flanker's and
    php-mime-mail-parser's fixtures): the header block follows it."""
    return (" " * 255 + "\n"
            "MIME-Version: 1.0\nFrom: a@corp-mail.test\nTo: b@corp-mail.test\n"
            "Subject: leading blank\nContent-Type: multipart/mixed; boundary=lw_1\n\n"
            "--lw_1\nContent-Type: text/plain\n\nhello\n"
            "--lw_1\nContent-Type: application/octet-stream\n"
            "Content-Disposition: attachment; filename=\"card.bin\"\n"
            "Content-Transfer-Encoding: base64\n\n%s"
            "--lw_1--\n" % b64_lines(("SSN %s\n" % SSN_LEADWS).encode()).replace("\r\n", "\n")).encode()


SSN_UTF7 = "417-98-4455"        # utf7.eml, UTF-7 body


def utf7_eml():
    """Outlook 2000's UTF-7: a Q-encoded UTF-7 subject and a UTF-7 body
    (stalwart's legacy_001 and legacy_034)."""
    return ("From: a@corp-mail.test\r\nTo: b@corp-mail.test\r\n"
            "Subject: =?utf-7?Q?Die_Hasen_und_die_Fr+APY-sche?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-7\"\r\n"
            "Content-Transfer-Encoding: 7bit\r\n\r\n"
            "J+APw-rgen M+APw-ller, SSN %s, +ZeVnLIqe-\r\n" % SSN_UTF7).encode()


SSN_ENTITY = "418-09-5566"      # entity.txt, attachment of a bare MIME entity


def bare_entity():
    """A MIME entity saved on its own, with nothing but its Content-Type
    (decrypted S/MIME content; mime4j's test messages): still mail."""
    return ("Content-Type: multipart/mixed; boundary=\"en_1\"\r\n\r\n"
            "--en_1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            "--en_1\r\nContent-Type: application/octet-stream; name=\"staff.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%s"
            "--en_1--\r\n" % b64_lines(("SSN %s\n" % SSN_ENTITY).encode())).encode()


def space_separator_eml():
    """The empty line after the headers holds a space (Mutt; mime4j's
    hdr-fakeout.msg): the body after it is text, not header junk."""
    return (b"From: a@corp-mail.test\r\nTo: b@corp-mail.test\r\nSubject: spaced\r\n"
            b"Content-Type: text/plain; charset=us-ascii\r\n \r\n"
            b"The header is not properly terminated.\r\n\r\nSecond paragraph.\r\n")


SSN_EMLX = "419-10-6677"        # 1234.emlx, base64 attachment of an Apple Mail message


def emlx():
    """Apple Mail's .emlx: the message's byte count on the first line, the
    message, then an XML property list (flags) that is not part of it."""
    msg = ("From: Jane Roe <jane.roe@corp-mail.test>\nTo: b@corp-mail.test\nSubject: apple\n"
           "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"ap_1\"\n\n"
           "--ap_1\nContent-Type: text/plain\n\nsee attached\n"
           "--ap_1\nContent-Type: application/octet-stream; name=\"staff.bin\"\n"
           "Content-Transfer-Encoding: base64\n\n%s"
           "--ap_1--\n" % b64_lines(("SSN %s\n" % SSN_EMLX).encode()).replace("\r\n", "\n")).encode()
    plist = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"'
             b' "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
             b'\t<key>date-received</key>\n\t<integer>1700000000</integer>\n\t<key>flags</key>\n'
             b'\t<integer>8590195713</integer>\n</dict>\n</plist>\n')
    return b"%d\n" % len(msg) + msg + plist


def decoy_txt():
    return ("Meeting notes\n\nSomeone wrote:\nFrom: not a header here\n"
            "Subject: still just text\n").encode()


def corrupt_pst():
    # "!BDN", CRC, client magic "SM", version 23 (Unicode), then garbage.
    head = b"!BDN" + b"\0\0\0\0" + b"SM" + struct.pack("<H", 23) + struct.pack("<H", 19)
    return head + bytes((i * 37 + 11) & 0xFF for i in range(4096))


def ms_crc(data):
    """[MS-PST] 5.3 CRC: CRC-32 table, initial value 0, no final inversion."""
    import zlib
    return (~zlib.crc32(data, 0xFFFFFFFF)) & 0xFFFFFFFF


def header_only_pst():
    """A Unicode PST header ([MS-PST] 2.2.2.6) with valid CRCs whose node and
    block B-trees point at zeroed pages: libpff opens it, the walk fails."""
    size = 0x6000
    h = bytearray(564)
    h[0:4] = b"!BDN"
    struct.pack_into("<2sHHBB", h, 8, b"SM", 23, 19, 1, 1)
    struct.pack_into("<QI", h, 36, 4, 1)                    # bidNextP, dwUnique
    root = 180
    struct.pack_into("<IQQQQ", h, root, 0, size, 0x4400, 0, 0)
    struct.pack_into("<QQ", h, root + 36, 0x21, 0x4600)     # BREFNBT
    struct.pack_into("<QQ", h, root + 52, 0x23, 0x4400)     # BREFBBT
    h[root + 68] = 1                                        # fAMapValid
    h[512] = 0x80                                           # bSentinel
    struct.pack_into("<Q", h, 516, 8)                       # bidNextB
    struct.pack_into("<I", h, 4, ms_crc(bytes(h[8:8 + 471])))
    struct.pack_into("<I", h, 524, ms_crc(bytes(h[8:8 + 516])))
    return bytes(h) + bytes(size - len(h))


def truncated_pst():
    return b"!BDN\x11\x22\x33\x44SM\x0e\x00"


def generate(out):
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "plain.eml"), plain_eml())
    write(os.path.join(out, "alt.eml"), alt_eml())
    write(os.path.join(out, "qp.eml"), qp_eml())
    write(os.path.join(out, "nested.eml"), nested_eml())
    write(os.path.join(out, "winmail.eml"), winmail_eml())
    write(os.path.join(out, "winmail.dat"), winmail_dat())
    write(os.path.join(out, "specrtf.dat"), spec_rtf_dat())
    mboxo(os.path.join(out, "mboxo.mbox"))
    write(os.path.join(out, "mboxrd.mbox"), mboxrd())
    write(os.path.join(out, "netscape.mbox"), netscape_mbox())
    write(os.path.join(out, "malformed.eml"), malformed_eml())
    write(os.path.join(out, "noheaders.eml"), noheaders_eml())
    write(os.path.join(out, "uu.eml"), uu_eml())
    write(os.path.join(out, "intl.eml"), intl_eml())
    write(os.path.join(out, "deep.eml"), deep_eml())
    write(os.path.join(out, "truncated.eml"), truncated_eml())
    write(os.path.join(out, "bigheader.eml"), bigheader_eml())
    write(os.path.join(out, "headeronly.eml"), header_only_eml())
    write(os.path.join(out, "report.eml"), delivery_report_eml())
    write(os.path.join(out, "emptymulti.eml"), header_only_multipart_eml())
    write(os.path.join(out, "onedash.eml"), one_dash_close_eml())
    write(os.path.join(out, "xunknown.eml"), unknown_charset_utf8_eml())
    write(os.path.join(out, "noclose.eml"), no_close_eml())
    write(os.path.join(out, "slipnames.eml"), slip_names_eml())
    write(os.path.join(out, "noclose_cut.eml"), no_close_eml(cut_at_line=True))
    write(os.path.join(out, "bigattach.eml"), big_attachment_eml())
    write(os.path.join(out, "reopen.eml"), reopened_boundary_eml())
    write(os.path.join(out, "leadws.eml"), leading_blank_eml())
    write(os.path.join(out, "utf7.eml"), utf7_eml())
    write(os.path.join(out, "entity.txt"), bare_entity())
    write(os.path.join(out, "spacesep.eml"), space_separator_eml())
    write(os.path.join(out, "1234.emlx"), emlx())
    write(os.path.join(out, "notes.txt"), decoy_txt())
    write(os.path.join(out, "corrupt.pst"), corrupt_pst())
    write(os.path.join(out, "truncated.pst"), truncated_pst())
    write(os.path.join(out, "emptytree.pst"), header_only_pst())


def corpus(fuzzdir):
    seeds = {
        "mime": {"plain.eml": plain_eml(), "alt.eml": alt_eml(), "qp.eml": qp_eml(),
                 "nested.eml": nested_eml(), "winmail.eml": winmail_eml(),
                 "malformed.eml": malformed_eml(), "truncated.eml": truncated_eml(),
                 "headeronly.eml": header_only_eml(), "intl.eml": intl_eml(),
                 "deep.eml": deep_eml(), "uu.eml": uu_eml(),
                 "report.eml": delivery_report_eml(), "onedash.eml": one_dash_close_eml(),
                 "reopen.eml": reopened_boundary_eml(), "leadws.eml": leading_blank_eml(),
                 "utf7.eml": utf7_eml(), "entity.txt": bare_entity(),
                 "spacesep.eml": space_separator_eml(), "1234.emlx": emlx()},
        "mbox": {"mboxrd.mbox": mboxrd(), "netscape.mbox": netscape_mbox()},
        "tnef": {"winmail.dat": winmail_dat(), "specrtf.dat": spec_rtf_dat()},
        "pst": {"corrupt.pst": corrupt_pst(), "truncated.pst": truncated_pst(),
                "emptytree.pst": header_only_pst()},
    }
    for name, files in seeds.items():
        d = os.path.join(fuzzdir, "corpus", name)
        os.makedirs(d, exist_ok=True)
        for fn, data in files.items():
            write(os.path.join(d, fn), data)
    mboxo(os.path.join(fuzzdir, "corpus", "mbox", "mboxo.mbox"))


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
    elif len(argv) == 2:
        generate(argv[1])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
