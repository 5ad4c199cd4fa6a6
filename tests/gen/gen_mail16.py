#!/usr/bin/env python3
"""Small mail files reproducing the mail cases the fifteenth session's sweep
left (docs/formats.md, Mail section) and what the sixteenth session's sweep
found. Each file is written here from scratch in the real file's structure;
none is copied. Stdlib only; all personal data is fake.

    python3 tests/gen/gen_mail16.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mail16.py --corpus DIR    # fuzz seeds (mime, mbox)

Files:
  batch.bsmtp        a batch SMTP file (HELO, MAIL FROM, RCPT TO, DATA, the
                     message dot-stuffed, ".", a second transaction, QUIT;
                     SpamAssassin's t/data/spam/bsmtp has the first): it was
                     read as HTML, the message's encoded Subject and
                     quoted-printable body raw; each message is a msg-N now
  cut.bsmtp          the same batch cut inside its message (no "." line):
                     the message is read and marked truncated
  headers_only.eml   a multipart with a message/rfc822 part that is only a
                     header block of X- fields, one holding an encoded word
                     (a bounce's returned headers): the part was text/plain
                     to libmagic and read as text, the encoded word raw
  part_headers.mime  a MIME entity saved on its own that is only its header
                     block: Content-Type, Content-Disposition, Content-ID
                     (enmime's parts/header-only.raw): read as text before
  no_boundary.eml    multipart/mixed whose declared boundary never appears
                     and whose body is one line of prose (rspamd's
                     freemailcc.eml, Stalwart's malformed_002): a careful
                     reader shows the body as the one text part; it was
                     partial (parse_error); still partial when the body
                     shows part headers (lost_parts.eml)
  lost_parts.eml     the same with part headers in the body under an
                     unknown delimiter: parse_error as before
  plain_pgp.asc      an armored OpenPGP message whose session key packet
                     names cipher 0, "plaintext" (Delta Chat's plaintext
                     Autocrypt Setup Message test): the literal data inside
                     is in the clear; it was "could not be decoded"
                     (unsupported) and its text never read
  plain_pgp.gpg      the same message unarmored: no handler took it (the
                     pgp handler now does)
  patch.mbox         an mboxo mailbox whose first message attaches a patch
                     made by git format-patch, its "From <sha1> Mon Sep 17
                     00:00:00 2001" line unquoted after an empty line
                     (notmuch's insert/mbox-attachment.eml): the message was
                     cut there (truncated, the patch's rest a message of its
                     own); it ends after its closing delimiter now
  gnus.mbox          two messages with Gnus's fixed boundary "=-=-=", the
                     first without its closing delimiter: the second closes
                     its own multipart, and the first does not run on into
                     it (a guard for the patch.mbox rule)
  cut_utf8.eml       raw UTF-8 with its last character cut in half: an
                     attachment name (Yahoo Mail cut a Cyrillic name at a
                     byte count: flanker's russian-attachment-yahoo.eml)
                     and a body without a charset; both were read as
                     windows-1252 (mojibake); a Latin-1 part beside them
                     stays Latin-1
"""
import base64
import os
import struct
import sys

SSN_BSMTP = "536-22-4418"
SSN_BSMTP2 = "536-22-4502"
SSN_HDR = "536-22-6139"
SSN_NOB = "536-22-7721"
SSN_PGP = "536-22-8854"


def qp_line(s):
    return s.replace("=", "=3D")


def bsmtp(cut=False):
    body = ("Anna, the payroll correction for Jane Roe (SSN %s=\r\n"
            "%s) is attached below.\r\n"
            ".. this line starts with one dot once unstuffed\r\n"
            "\r\n"
            "Regards, Pat\r\n" % (SSN_BSMTP[:7], SSN_BSMTP[7:]))
    msg1 = ("From pat.doe@corp-mail.test  Fri Aug 31 13:39:16 2001\r\n"
            "Return-Path: <pat.doe@corp-mail.test>\r\n"
            "From: Pat Doe <pat.doe@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: =?UTF-8?Q?Gehaltskorrektur_f=C3=BCr_M=C3=A4rz?=\r\n"
            "Date: Wed, 29 Aug 2001 04:20:43 -0800\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n" + body)
    msg2 = ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: second transaction\r\n"
            "\r\n"
            "The second message of the batch: SSN %s for Sam Poe.\r\n" % SSN_BSMTP2)
    out = ("HELO relay.corp-mail.test\r\n"
           "MAIL FROM:<pat.doe@corp-mail.test>\r\n"
           "RCPT TO:<anna.berg@corp-mail.test>\r\n"
           "DATA\r\n" + msg1)
    if cut:
        return out.encode()[:-30]
    out += (".\r\n"
            "RSET\r\n"
            "MAIL FROM:<lee.chan@corp-mail.test>\r\n"
            "RCPT TO:<anna.berg@corp-mail.test>\r\n"
            "DATA\r\n" + msg2 + ".\r\n"
            "QUIT\r\n")
    return out.encode()


def headers_only():
    return ("From: MAILER-DAEMON@mx.corp-mail.test\r\n"
            "To: pat.doe@corp-mail.test\r\n"
            "Subject: Undelivered Mail Returned to Sender\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"rt-7Hq2\"\r\n"
            "\r\n"
            "--rt-7Hq2\r\n"
            "Content-Type: text/plain\r\n"
            "\r\n"
            "The message below could not be delivered; its header follows.\r\n"
            "--rt-7Hq2\r\n"
            "Content-Type: message/rfc822\r\n"
            "Content-Disposition: inline\r\n"
            "\r\n"
            "X-Case-Ref: =?UTF-8?B?%s?=\r\n"
            "X-Queue-Id: 4QxLk21Gz9\r\n"
            "--rt-7Hq2--\r\n" % base64.b64encode(
                ("Überprüfung SSN %s" % SSN_HDR).encode()).decode()).encode()


def part_headers():
    return (b"Content-Type: text/html; name=file.html; charset=\"utf-8\"\n"
            b"Content-Disposition: inline\n"
            b"Content-ID: <part-0815@corp-mail.test>\n"
            b"\n")


def no_boundary():
    return ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: the figures\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"----=_Part_00_never\"\r\n"
            "\r\n"
            "Anna, Sam Poe's SSN is %s; the rest follows tomorrow.\r\n" % SSN_NOB).encode()


def lost_parts():
    return ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: the figures, again\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"declared\"\r\n"
            "\r\n"
            "Content-Type: text/csv; name=figures.csv\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "bmFtZSxhbW91bnQKU2FtIFBvZSwxMjAwCg==\r\n").encode()


def crc24(data):
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def packet(tag, body):
    """A new-format packet header (lengths up to 8383) and its body."""
    n = len(body)
    if n < 192:
        head = bytes([0xC0 | tag, n])
    else:
        n -= 192
        head = bytes([0xC0 | tag, 192 + (n >> 8), n & 0xFF])
    return head + body


def plain_pgp_binary():
    """The OpenPGP message of plain_pgp.asc, unarmored."""
    text = ("Autocrypt backup for pat.doe@corp-mail.test\n"
            "Recovery contact: Jane Roe, SSN %s\n" % SSN_PGP).encode()
    literal = packet(11, b"b" + b"\x00" + struct.pack(">I", 1700000000) + text)
    # SKESK v4: cipher 0 (plaintext), S2K 3 (iterated and salted), SHA-256
    skesk = packet(3, bytes([4, 0, 3, 8]) + bytes(range(0x40, 0x48)) + bytes([0xE0]))
    # SEIPD v1: a two-byte prefix (no block size), the packets, an MDC
    seipd = packet(18, b"\x01" + b"\x5a\x5a" + literal + packet(19, bytes(20)))
    return skesk + seipd


def plain_pgp():
    msg = plain_pgp_binary()
    b64 = base64.b64encode(msg).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    crc = base64.b64encode(struct.pack(">I", crc24(msg))[1:]).decode()
    return ("-----BEGIN PGP MESSAGE-----\n"
            "Passphrase-Format: numeric9x4\n"
            "\n" + "\n".join(lines) + "\n=" + crc + "\n"
            "-----END PGP MESSAGE-----\n").encode()


SSN_CUT8 = "536-22-3385"
CUT_NAME = "Картинка с очень длинным именем таким что"


def cut_utf8():
    name = CUT_NAME.encode()[:-1]  # the last letter cut in half
    body = ("Jürgen Müller, SSN %s, Größe 42 — Ende " % SSN_CUT8).encode() + "ё".encode()[:1]
    return (b"From: =?UTF-8?Q?J=C3=BCrgen?= <j.mueller@corp-mail.test>\r\n"
            b"To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            b"Subject: cut names\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"cut8\"\r\n\r\n"
            b"--cut8\r\n"
            b"Content-Type: text/plain\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body + b"\r\n"
            b"--cut8\r\n"
            b"Content-Type: text/plain\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n"
            b"Caf\xe9 au lait, Latin-1 with no charset\r\n"
            b"--cut8\r\n"
            b"Content-Type: image/png; name=\"" + name + b"\"\r\n"
            b"Content-Disposition: attachment; filename=\"" + name + b"\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            b"iVBORw0KGgo=\r\n"
            b"--cut8--\r\n")


SSN_PATCH = "536-22-9317"


def patch_mbox():
    patch = ("From 3f2a9c41d7e0b58a6c1e2d9f4b7a0c3e5d8f1a26 Mon Sep 17 00:00:00 2001\n"
             "From: Lee Chan <lee.chan@corp-mail.test>\n"
             "Date: Fri, 4 Feb 2022 10:12:01 -0400\n"
             "Subject: [PATCH] payroll: fix the export of Sam Poe's record\n"
             "\n"
             "---\n"
             " export.csv | 2 +-\n"
             "\n"
             "--- a/export.csv\n"
             "+++ b/export.csv\n"
             "@@ -1 +1 @@\n"
             "-Sam Poe,000-00-0000\n"
             "+Sam Poe,SSN %s\n"
             "-- \n"
             "2.30.2\n" % SSN_PATCH)
    m1 = ("From lee.chan@corp-mail.test  Sat Feb  5 09:19:10 2022\n"
          "From: Lee Chan <lee.chan@corp-mail.test>\n"
          "To: Anna Berg <anna.berg@corp-mail.test>\n"
          "Subject: the fix, attached\n"
          "Date: Sat, 05 Feb 2022 09:19:10 -0400\n"
          "MIME-Version: 1.0\n"
          "Content-Type: multipart/mixed; boundary=\"=-=-=\"\n"
          "\n"
          "--=-=-=\n"
          "Content-Type: text/plain\n"
          "\n"
          "Anna, the patch is attached.\n"
          "\n"
          "--=-=-=\n"
          "Content-Type: text/x-diff\n"
          "Content-Disposition: attachment; filename=0001-payroll-fix.patch\n"
          "\n" + patch + "\n"
          "--=-=-=--\n")
    m2 = ("From anna.berg@corp-mail.test  Sat Feb  5 10:02:44 2022\n"
          "From: Anna Berg <anna.berg@corp-mail.test>\n"
          "To: Lee Chan <lee.chan@corp-mail.test>\n"
          "Subject: Re: the fix, attached\n"
          "\n"
          "Thanks, applied.\n")
    return (m1 + "\n" + m2).encode()


SSN_GNUS = "536-22-6604"


def gnus_mbox():
    """Two Gnus messages with its fixed boundary "=-=-=": the first has
    lost its closing delimiter, the second closes its own."""
    def msg(n, when, text, close):
        return ("From lee.chan@corp-mail.test  Sat Feb  5 %s 2022\n"
                "From: Lee Chan <lee.chan@corp-mail.test>\n"
                "To: Anna Berg <anna.berg@corp-mail.test>\n"
                "Subject: note %d\n"
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=\"=-=-=\"\n"
                "\n"
                "--=-=-=\n"
                "Content-Type: text/plain\n"
                "\n"
                "%s\n"
                "\n" % (when, n, text) + ("--=-=-=--\n" if close else ""))
    return (msg(1, "09:19:10", "The first note; its closing delimiter was lost.", False) + "\n" +
            msg(2, "10:02:44", "Sam Poe's SSN is %s." % SSN_GNUS, True)).encode()


def files():
    return {
        "batch.bsmtp": bsmtp(),
        "cut.bsmtp": bsmtp(cut=True),
        "headers_only.eml": headers_only(),
        "part_headers.mime": part_headers(),
        "no_boundary.eml": no_boundary(),
        "lost_parts.eml": lost_parts(),
        "plain_pgp.asc": plain_pgp(),
        "plain_pgp.gpg": plain_pgp_binary(),
        "patch.mbox": patch_mbox(),
        "cut_utf8.eml": cut_utf8(),
        "gnus.mbox": gnus_mbox(),
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


def corpus(outdir):
    """Fuzz seeds: the mail files for mime and mbox, the PGP one for text."""
    for sub, names in (("mime", ("headers_only.eml", "part_headers.mime", "no_boundary.eml",
                                 "lost_parts.eml", "cut_utf8.eml")),
                       ("mbox", ("batch.bsmtp", "cut.bsmtp", "patch.mbox", "gnus.mbox"))):
        d = os.path.join(outdir, sub)
        os.makedirs(d, exist_ok=True)
        for n in names:
            with open(os.path.join(d, "mail16_" + n), "wb") as f:
                f.write(files()[n])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        generate(sys.argv[1] if len(sys.argv) > 1 else ".")
