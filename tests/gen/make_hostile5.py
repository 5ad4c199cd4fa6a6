#!/usr/bin/env python3
"""Sixth hostile dump with an answer key (tests/e2e/test_hostile5.py).

make_hostile5.py OUT -> OUT/dump/... and OUT/key.json

Same key format and checker as make_hostile3.py (its docstring lists the
expect fields; make_hostile3.check is what the test runs). Aimed at what
the earlier red teams (gen_hostile.py, gen_redteam.py, gen_hostile2.py,
gen_rarcab.py, make_maildump.py, make_hostile3.py, make_hostile4.py) do not
plant, the way a company's file shares and mailboxes end up archived:

- mail stores: a Maildir tree in a .tar.gz (names with ":2,S" flags), a
  Maildir message stored gzip'd (Dovecot zlib), an mboxcl2 mailbox framed
  by Content-Length whose body holds an unquoted "From " line, lengths
  that lie, an mboxrd mailbox with quoted ">From " lines, a gzip'd mbox
  named inbox.gz, an MMDF mailbox (^A^A^A^A delimiters), a Thunderbird
  profile (mbox files without extension,
  Mork .msf summaries);
- MIME: multipart/signed around a forwarded message/rfc822 that carries a
  zip, a winmail.dat (TNEF) carrying a workbook inside a zip of .eml files,
  a uuencoded body whose name climbs, a yEnc body with an absolute name,
  RFC 2231 and RFC 2047 file names that climb once decoded, two
  attachments of the same name, a quoted-printable CSV attachment, a
  nested multipart that never closes while the outer one does, an
  attachment named only by Content-Type, a PGP-encrypted zip attachment,
  a boundary in RFC 2231 continuations, an inner boundary that starts
  with the outer one, a boundary with a space in it, BinHex 4.0
  attachments (whole and cut), an S/MIME enveloped message forwarded;
- zip: a streamed zip (data descriptors on stored and deflated members), a
  zip64 member, twin member names, Zstandard (93) and implode (6) methods,
  a declared size of 4 GB over a few bytes of data, a split zip
  (`zip -s`), the PK00 spanning marker of a one-part split, a zip cut
  inside its second member and one cut inside a zip inside a zip;
- empty folders named after a person with an SSN (zip and tar): the name
  is all there is;
- other containers: a .tar.Z and a cut .Z, .lzma (lzma_alone), .tar.lz,
  legacy-frame lz4, a cut .tar.lz, a .deb whose parts are zstd tars, an
  odc cpio (and one cut), an ISO 9660 image with Joliet names, a zip
  inside and a file hidden from its directory tree (xorriso -hide), one
  with Rock Ridge, an El Torito boot image and a path ten directories deep
  (nothing hidden), a cut ISO, a xar with a climbing name, an LHA level-0 archive with a
  backslash climb, a 7z with a newline in a member name, a cut 7z, a tar
  whose regular-file entry is named like a directory and carries data;
- archives of formats libarchive does not read (ARJ, StuffIt): not
  silently "full";
- one chain six containers deep across formats: zip › 7z › tar.xz › mbox ›
  message › zip › csv.

Every case plants its own PII (an SSN in a valid range, an e-mail
address): the key demands the planted value's fingerprint in the record
that must hold it. "arguable" and "gap" as in make_hostile3.py.
"""
import base64, binascii, bz2, gzip, io, lzma, os, struct, subprocess, sys, tarfile, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402  (raw zip/tar writers, the checker)
import hostile_common as hc  # noqa: E402
import make_maildump as mm  # noqa: E402  (docx, xlsx, MIME, TNEF writers)
import gen_xar  # noqa: E402
import gen_rarcab  # noqa: E402  (RAR 5 and cabinet writers)

FP_KEY = b"hostile5 fingerprint key, test only"
CLEAN = h3.CLEAN
entry, zipit, tarb, tadd, tar_header, blk, zf, noise = (h3.entry, h3.zipit, h3.tarb, h3.tadd, h3.tar_header,
                                                         h3.blk, h3.zf, h3.noise)
check = h3.check
D = hc.Dump(FP_KEY, stamp=False)
key, put, run, tmpd, sevenz = D.key, D.put, D.run, D.tmpd, D.sevenz
rd, have = hc.rd, hc.have
CRLF = "\r\n"


def pii():
    """A fresh PII block: (text str, planted dict); one value per case.
    SSN areas 611 up (valid, never 666)."""
    D.n += 1
    n = D.n
    area = 610 + n + (610 + n >= 666)  # never 666
    ssn = "%03d-%02d-%04d" % (area, 11 + n % 80, 1000 + 43 * n)
    return hc.record("Personnel", n, "Mary Major", ssn, "clerk%03d@example.com" % n)


def pb():
    t, pl = pii()
    return t.encode(), pl


def files_in(d, members):
    for n, data in members:
        p = os.path.join(d, n)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)


def rows_of(pl):
    ssn = pl["ssn"][0]
    return [["Name", "SSN", "E-mail"], ["Mary Major", "%s-%s-%s" % (ssn[:3], ssn[3:5], ssn[5:]), pl["email"][0]]]


def csv_of(pl):
    r = rows_of(pl)
    return ("\r\n".join(",".join(x) for x in r) + "\r\n").encode()


def headers(subject, extra=()):
    h = ["From: Amy Pascal <apascal@studio.test>", "To: Doug Belgrad <dbelgrad@studio.test>",
         "Subject: " + subject, "Date: Tue, 25 Nov 2014 09:%02d:00 -0800" % (len(D.cases) % 60),
         "Message-ID: <%d.h5@studio.test>" % len(D.cases), "MIME-Version: 1.0"]
    h.extend(extra)
    return CRLF.join(h) + CRLF


def msg(subject, ctype_body, extra=()):
    """A message (bytes): headers, the Content-Type line, the body (str)."""
    ctype, body = ctype_body
    return (headers(subject, extra) + ctype + CRLF + CRLF + body).encode("latin-1")


part, multipart, attach, text_plain, b64 = mm.part, mm.multipart, mm.attach, mm.text_plain, mm.b64


HQX = b'!"#$%&\'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr'


def binhex(name, data):
    """BinHex 4.0 (RFC 1741) of a data fork: header, CRCs (CRC-CCITT, as
    binascii.crc_hqx), 0x90 escaped, 6-bit text in 64-column lines."""
    hdr = bytes([len(name)]) + name + b"\0" + b"TEXT" + b"ttxt" + b"\0\0" + struct.pack(">II", len(data), 0)
    body = (hdr + struct.pack(">H", binascii.crc_hqx(hdr, 0)) + data + struct.pack(">H", binascii.crc_hqx(data, 0)) +
            struct.pack(">H", binascii.crc_hqx(b"", 0)))
    out, bits, n = bytearray(), 0, 0
    for b in body.replace(b"\x90", b"\x90\x00"):
        bits, n = (bits << 8) | b, n + 8
        while n >= 6:
            n -= 6
            out.append(HQX[(bits >> n) & 63])
    if n:
        out.append(HQX[(bits << (6 - n)) & 63])
    return (b"(This file must be converted with BinHex 4.0)\r\n:" +
            b"\r\n".join(bytes(out[i:i + 64]) for i in range(0, len(out), 64)) + b":\r\n")


def as_mbox_lines(m):
    return m.replace(b"\r\n", b"\n")


# ---------------------------------------------------------------- mail stores
def store_cases():
    # A Maildir tree in a .tar.gz: cur/ new/ and a .Sent folder; the flags
    # after ":2," are part of every name (no drive letter, no stream).
    t1, pl1 = pii()
    t2, pl2 = pii()
    t3, pl3 = pii()
    m1 = msg("benefits", multipart("mixed", "=_md1", [
        text_plain("see the roster\n"),
        attach("roster.xlsx", mm.xlsx(rows_of(pl1)),
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]))
    m2 = msg("new hire", ("Content-Type: text/plain; charset=us-ascii", t2.replace("\n", CRLF)))
    m3 = msg("Re: offer", ("Content-Type: text/plain; charset=us-ascii", t3.replace("\n", CRLF)))
    n1 = "Maildir/cur/1416906000.M101P2345.mx1.studio.test,S=%d,W=%d:2,S" % (len(m1), len(m1))
    n2 = "Maildir/new/1416906060.M202P2345.mx1.studio.test,S=%d" % len(m2)
    n3 = "Maildir/.Sent/cur/1416906120.M303P2345.mx1.studio.test:2,RS"

    def build(tf):
        tadd(tf, n1, m1)
        tadd(tf, n2, m2)
        tadd(tf, n3, m3)
        tadd(tf, "Maildir/dovecot-uidlist", b"3 V1416900000 N4\n1 1416906000.M101P2345.mx1.studio.test\n")
    p = put("mail/apascal_maildir.tar.gz", gzip.compress(tarb(build, tarfile.PAX_FORMAT), mtime=0))
    key("maildir_cur_att", p, [n1, "roster.xlsx"], planted=pl1, coverage="full")
    key("maildir_cur_names", p, [n1], alerts_none=["absolute_path", "bad_name", "path_traversal"],
        coverage="full")
    key("maildir_new", p, [n2], planted=pl2, coverage="full")
    key("maildir_sent", p, [n3], planted=pl3, alerts_none=["absolute_path", "bad_name"])
    key("maildir_root", p, [], verdict="sensitive", coverage="full")

    # mboxcl2: messages framed by Content-Length, bodies not quoted; the
    # first body holds a paragraph that starts "From " with a date, then
    # PII: the Content-Length says it is all one message.
    t4, pl4 = pii()
    t5, pl5 = pii()
    body1 = ("Forwarding the old note below.\n\nFrom jdoe@studio.test Mon Nov 24 08:00:00 2014\n"
             "Subject: note\n\n" + t4).encode()
    body2 = t5.encode()
    box = b""
    for i, body in enumerate((body1, body2)):
        box += (b"From apascal@studio.test Tue Nov 25 10:0%d:00 2014\n" % i +
                b"From: Amy Pascal <apascal@studio.test>\nSubject: cl %d\nContent-Type: text/plain\n" % i +
                b"Content-Length: %d\n\n" % len(body) + body + b"\n")
    p = put("mail/Mail/archive.mboxcl2", box)
    key("mboxcl_msg1", p, ["msg-1"], planted=pl4, coverage="full")
    key("mboxcl_msg2", p, ["msg-2"], planted=pl5, coverage="full")
    key("mboxcl_no_msg3", p, ["msg-3"], absent=True)

    # Content-Length that lies (past the end; into the middle of a line):
    # the separators decide
    t8, pl8 = pii()
    t9, pl9 = pii()
    box = (b"From a@studio.test Tue Nov 25 10:10:00 2014\nFrom: a@studio.test\nSubject: lie1\n"
           b"Content-Length: 999999\n\n" + t8.encode() + b"\n" +
           b"From a@studio.test Tue Nov 25 10:11:00 2014\nFrom: a@studio.test\nSubject: lie2\n"
           b"Content-Length: 7\n\n" + t9.encode() + b"\n")
    p = put("mail/Mail/lying_length.mbox", box)
    key("mboxcl_lie_msg1", p, ["msg-1"], planted=pl8, coverage="full")
    key("mboxcl_lie_msg2", p, ["msg-2"], planted=pl9, coverage="full")
    key("mboxcl_lie_no_msg3", p, ["msg-3"], absent=True)

    # a Thunderbird profile: mbox files without extension, Mork summaries
    t10, pl10 = pb()
    t11, pl11 = pii()
    m = msg("roster", multipart("mixed", "=_tb5", [text_plain("csv attached\n"),
                                                  attach("roster.csv", csv_of(pl10), "text/csv")]))
    inbox = b"From - Tue Nov 25 12:30:00 2014\nX-Mozilla-Status: 0001\n" + as_mbox_lines(m) + b"\n"
    msf = ("// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)> // (f=iso-8859-1)\n  (B8=subject)(B9=sender)>\n"
           "<(80=roster)(81=%s)>\n{1:^80 {(k^BE:c)(s=9)} [1(^B8^80)(^B9^81)]}\n" % pl11["email"][0]).encode()

    def tb(tf):
        tadd(tf, "Profiles/x1y2.default/Mail/Local Folders/Inbox", inbox)
        tadd(tf, "Profiles/x1y2.default/Mail/Local Folders/Inbox.msf", msf)
        tadd(tf, "Profiles/x1y2.default/Mail/Local Folders/Trash", b"")
    p = put("mail/thunderbird.tar.bz2", bz2.compress(tarb(tb)))
    base = "Profiles/x1y2.default/Mail/Local Folders/"
    key("tb_inbox_att", p, [base + "Inbox", "msg-1", "roster.csv"], planted=pl10, coverage="full")
    key("tb_msf", p, [base + "Inbox.msf"], planted={"email": pl11["email"]})
    key("tb_trash", p, [base + "Trash"], verdict="clean", coverage="full")

    # a Maildir message stored gzip'd (Dovecot's zlib plugin: the name has
    # a Z flag, no suffix)
    t12, pl12 = pii()
    mz = msg("zipped store", ("Content-Type: text/plain", t12.replace("\n", CRLF)))
    p = put("mail/dovecot_zlib.tar", tarb(lambda tf: tadd(
        tf, "Maildir/cur/1416906300.M505P2345.mx1:2,SZ", gzip.compress(mz, mtime=0))))
    key("maildir_gz_tree", p, None, planted_under=pl12, verdict="sensitive")

    # MMDF: each message between lines of four ^A; one with a zip of a CSV
    t13, pl13 = pb()
    t14, pl14 = pii()
    m1 = msg("export", multipart("mixed", "=_mm5", [text_plain("zip attached\n"), attach(
        "export.zip", zf([("export/people.csv", csv_of(pl13))]), "application/zip")]))
    m2 = msg("note", ("Content-Type: text/plain", t14.replace("\n", CRLF)))
    box = b"".join(b"\1\1\1\1\n" + as_mbox_lines(m) + b"\1\1\1\1\n" for m in (m1, m2))
    p = put("mail/Mail/mmdf.box", box)
    key("mmdf_zip_csv", p, ["msg-1", "export.zip", "export/people.csv"], planted=pl13, coverage="full")
    key("mmdf_msg2", p, ["msg-2"], planted=pl14, coverage="full")
    key("mmdf_count", p, ["msg-3"], absent=True)
    key("mmdf_root", p, [], coverage="full", verdict="sensitive")

    # mboxrd: ">From " and ">>From " lines in a body are quoted From lines
    t6, pl6 = pii()
    body = (">From the HR desk: new numbers below.\n>>From our files:\n\n>From the record\n" + t6).encode()
    box = (b"From hr@studio.test Tue Nov 25 11:00:00 2014\nFrom: hr@studio.test\nSubject: rd\n\n" + body + b"\n" +
           b"From hr@studio.test Tue Nov 25 11:01:00 2014\nFrom: hr@studio.test\nSubject: rd2\n\n" +
           CLEAN + b"\n")
    p = put("mail/Mail/hr.mboxrd", box)
    key("mboxrd_msg1", p, ["msg-1"], planted=pl6, coverage="full")
    key("mboxrd_msg2", p, ["msg-2"], coverage="full")  # its From: is an address: not clean
    key("mboxrd_count", p, ["msg-3"], absent=True)

    # a gzip'd mailbox named inbox.gz (logrotate style): inbox › msg-1 › csv
    t7, pl7 = pb()
    m = msg("roster", multipart("mixed", "=_gz", [text_plain("csv attached\n"),
                                                  attach("roster.csv", csv_of(pl7), "text/csv")]))
    mbox = b"From hr@studio.test Tue Nov 25 12:00:00 2014\n" + as_mbox_lines(m) + b"\n"
    p = put("mail/Mail/inbox.gz", gzip.compress(mbox, mtime=0))
    key("mbox_gz_att", p, ["inbox", "msg-1", "roster.csv"], planted=pl7, coverage="full")
    key("mbox_gz_root", p, [], verdict="sensitive", coverage="full")


# ---------------------------------------------------------------- MIME quirks
def mime_cases():
    # multipart/signed around multipart/mixed with a forwarded message that
    # carries a zip of a CSV; the signature is a .p7s part
    t1, pl1 = pii()
    t2, pl2 = pb()
    inner = msg("budget", multipart("mixed", "=_in5", [
        text_plain(t1), attach("budget.zip", zf([("budget/staff.csv", csv_of(pl2))]), "application/zip")]))
    mixed = multipart("mixed", "=_mx5", [
        text_plain("FYI, forwarded.\n"),
        part("message/rfc822; name=\"FW budget.eml\"", inner.decode("latin-1"), None,
             "attachment; filename=\"FW budget.eml\"")])
    signed_part = mixed[0] + CRLF + CRLF + mixed[1]
    sig = part("application/pkcs7-signature; name=\"smime.p7s\"", b64(noise(600, 5)), "base64",
               "attachment; filename=\"smime.p7s\"")
    sg = multipart("signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256", "=_sg5",
                   [signed_part, sig])
    p = put("mail/eml/signed_forward.eml", msg("FW: budget", sg))
    key("signed_fwd_body", p, ["FW budget.eml"], planted=pl1, coverage="full")
    key("signed_fwd_zip_csv", p, ["FW budget.eml", "budget.zip", "budget/staff.csv"], planted=pl2,
        coverage="full")
    key("signed_fwd_p7s", p, ["smime.p7s"], alerts_none=["encrypted"])
    key("signed_fwd_root", p, [], verdict="sensitive", coverage="full")

    # winmail.dat carrying a workbook, in an .eml, in a zip of exported mail
    t3, pl3 = pb()
    t4, pl4 = pii()
    wm = mm.winmail("Benefits, see the attached sheet.", [("Benefits 2015.xlsx", mm.xlsx(rows_of(pl3)))])
    e = msg("Benefits", multipart("mixed", "=_tn5", [
        text_plain(t4), attach("winmail.dat", wm, "application/ms-tnef")]))
    p = put("mail/export/outlook_export.zip", zf([("Inbox/Benefits.eml", e)]))
    key("tnef_xlsx", p, ["Inbox/Benefits.eml", "winmail.dat", "Benefits 2015.xlsx"], planted=pl3, coverage="full")
    key("tnef_body", p, ["Inbox/Benefits.eml"], planted=pl4)
    key("tnef_root", p, [], verdict="sensitive", coverage="full")

    # uuencode whose name climbs; yEnc whose name is absolute
    t5, pl5 = pb()
    uu = "begin 644 ../../etc/cron.d/payroll.txt\n"
    for i in range(0, len(t5), 45):
        uu += binascii.b2a_uu(t5[i:i + 45]).decode()
    uu += "`\nend\n"
    p = put("mail/eml/uuencoded.eml", msg("uu", ("Content-Type: text/plain", "Here it is:\r\n\r\n" + uu)))
    key("uu_slip", p, ["../../etc/cron.d/payroll.txt"], planted=pl5, alerts_all=["path_traversal"])
    key("uu_slip_root", p, [], verdict="hostile")
    t6, pl6 = pb()
    y = bytearray()
    for b in t6:
        c = (b + 42) & 0xFF
        if c in (0, 10, 13, 0x3D):
            y += b"=" + bytes([(c + 64) & 0xFF])
        else:
            y.append(c)
    ybody = (b"=ybegin line=128 size=%d name=/etc/shadow\r\n" % len(t6) + bytes(y) + b"\r\n" +
             b"=yend size=%d crc32=%08x\r\n" % (len(t6), zlib.crc32(t6)))
    p = put("mail/eml/yenc.eml", msg("y", ("Content-Type: text/plain", "see below\r\n\r\n" + ybody.decode("latin-1"))))
    key("yenc_abs", p, ["/etc/shadow"], planted=pl6, alerts_all=["absolute_path"])

    # RFC 2231 and RFC 2047 names that climb once decoded
    t7, pl7 = pb()
    t8, pl8 = pb()
    a1 = part("text/csv", b64(csv_of(pl7)), "base64",
              "attachment; filename*=UTF-8''..%2F..%2FStartup%2Froster.csv")
    ew = "=?UTF-8?B?" + base64.b64encode(b"..\\..\\Startup\\people.csv").decode() + "?="
    a2 = part("text/csv; name=\"%s\"" % ew, b64(csv_of(pl8)), "base64", "attachment; filename=\"%s\"" % ew)
    p = put("mail/eml/climbing_names.eml", msg("names", multipart("mixed", "=_nm5", [text_plain("two files\n"),
                                                                                      a1, a2])))
    key("rfc2231_slip", p, ["../../Startup/roster.csv"], planted=pl7, alerts_all=["path_traversal"])
    key("rfc2047_slip", p, ["..\\..\\Startup\\people.csv"], planted=pl8, alerts_all=["path_traversal"])
    key("climbing_names_root", p, [], verdict="hostile")

    # two attachments of one name: both read, in order
    t9, pl9 = pb()
    p = put("mail/eml/same_name.eml", msg("reports", multipart("mixed", "=_sn5", [
        text_plain("old and new\n"), attach("report.csv", CLEAN, "text/csv"),
        attach("report.csv", csv_of(pl9), "text/csv")])))
    key("same_name_first", p, ["report.csv"], count=2, nth=0, verdict="clean")
    key("same_name_second", p, ["report.csv"], count=2, nth=1, planted=pl9, coverage="full")
    key("same_name_dup_alert", p, ["report.csv"], count=2, nth=1, alerts_all=["duplicate_name"], arguable=True)

    # quoted-printable CSV attachment with soft breaks through the values
    t10, pl10 = pb()
    q = mm.qp(csv_of(pl10).decode(), width=20)
    p = put("mail/eml/qp_attachment.eml", msg("qp", multipart("mixed", "=_qp5", [
        text_plain("csv\n"), part("text/csv; name=\"staff.csv\"", q, "quoted-printable",
                                  "attachment; filename=\"staff.csv\"")])))
    key("qp_csv", p, ["staff.csv"], planted=pl10, coverage="full")

    # an inner multipart that never closes; the outer one closes and an
    # attachment of the outer one follows the inner's last part
    t11, pl11 = pb()
    inner = multipart("alternative", "=_alt5", [text_plain("plain text\n"),
                                                 part("text/html", "<p>html text</p>\r\n")], close=False)
    outer = multipart("mixed", "=_out5", [inner[0] + CRLF + CRLF + inner[1],
                                          attach("contacts.csv", csv_of(pl11), "text/csv")])
    p = put("mail/eml/unclosed_inner.eml", msg("unclosed", outer))
    key("unclosed_inner_att", p, ["contacts.csv"], planted=pl11, coverage="full")

    # the boundary parameter in RFC 2231 continuations (boundary*0, *1)
    t14, pl14 = pb()
    body = multipart("mixed", "=_Part_77_1416906400", [text_plain("see csv\n"),
                                                       attach("staff.csv", csv_of(pl14), "text/csv")])[1]
    p = put("mail/eml/boundary_2231.eml", msg("continued", (
        "Content-Type: multipart/mixed;\r\n boundary*0=\"=_Part_77\";\r\n boundary*1=\"_1416906400\"", body)))
    key("boundary_2231_att", p, ["staff.csv"], planted=pl14, coverage="full")

    # an inner boundary that starts with the outer one ("=_b" and "=_b2"):
    # "--=_b2" is no delimiter of the outer multipart (RFC 2046 5.1.1); and
    # the RFC's own example boundary with a space in it
    t15, pl15 = pb()
    t16, pl16 = pb()
    inner = multipart("mixed", "=_b2", [text_plain("inner\n"), attach("inner.csv", csv_of(pl15), "text/csv")])
    outer = multipart("mixed", "=_b", [text_plain("outer\n"), inner[0] + CRLF + CRLF + inner[1],
                                       attach("outer.csv", csv_of(pl16), "text/csv")])
    p = put("mail/eml/prefix_boundary.eml", msg("prefix", outer))
    key("prefix_boundary_inner", p, ["inner.csv"], planted=pl15, coverage="full")
    key("prefix_boundary_outer", p, ["outer.csv"], planted=pl16, coverage="full")
    key("prefix_boundary_root", p, [], coverage="full")
    t17, pl17 = pb()
    sp = multipart("mixed", "simple boundary", [text_plain("spaced\n"), attach("s.csv", csv_of(pl17), "text/csv")])
    p = put("mail/eml/space_boundary.eml", msg("space", sp))
    key("space_boundary_att", p, ["s.csv"], planted=pl17, coverage="full")

    # named only by Content-Type (no Content-Disposition), base64 xlsx
    t12, pl12 = pb()
    a = part("application/vnd.ms-excel; name=\"staff.xlsx\"", b64(mm.xlsx(rows_of(pl12))), "base64")
    p = put("mail/eml/ctype_name.eml", msg("sheet", multipart("mixed", "=_cn5", [text_plain("sheet\n"), a])))
    key("ctype_name_xlsx", p, ["staff.xlsx"], planted=pl12, coverage="full")

    # BinHex 4.0 attachments from a Mac (Eudora, Mac OS Mail), in a zip of
    # exported mail: the decoded file under its BinHex name; one cut short
    t19, pl19 = pb()
    hq = binhex(b"Payroll FY14.txt", t19 + b"\x90" * 3 + b"=" * 300)

    def mac(body):
        return msg("from the Mac", multipart("mixed", "=_hq5", [text_plain("see attached\n"), part(
            "application/mac-binhex40; name=\"Payroll FY14.txt.hqx\"", body.decode("latin-1"), None,
            "attachment; filename=\"Payroll FY14.txt.hqx\"")]))
    p = put("mail/export/mac_mail.zip", zf([("Mail/payroll.eml", mac(hq)),
                                            ("Mail/payroll_cut.eml", mac(hq[:hq.index(b":") + 150]))]))
    key("binhex_att", p, ["Mail/payroll.eml", "Payroll FY14.txt"], planted=pl19, coverage="full")
    key("binhex_cut", p, ["Mail/payroll_cut.eml", "Payroll FY14.txt"], coverage="partial",
        reasons_all=["truncated"])

    # an S/MIME enveloped (encrypted) message forwarded as an attachment
    if have("openssl"):
        d = tmpd("smime")
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
             "-days", "1", "-subj", "/CN=apascal"], cwd=d)
        t18, _ = pii()
        with open(os.path.join(d, "m.txt"), "wb") as f:
            f.write(("Content-Type: text/plain\r\n\r\n" + t18).encode())
        run(["openssl", "smime", "-encrypt", "-aes256", "-in", "m.txt", "-out", "e.eml", "c.pem"], cwd=d)
        enc = (headers("secret") + "").encode() + rd(os.path.join(d, "e.eml"))
        p = put("mail/eml/fwd_smime.eml", msg("FW: secret", multipart("mixed", "=_sm5", [
            text_plain("forwarding the encrypted one\n"),
            part("message/rfc822; name=\"secret.eml\"", enc.decode("latin-1"), None,
                 "attachment; filename=\"secret.eml\"")])))
        key("smime_fwd_p7m", p, ["secret.eml", "smime.p7m"], coverage="none", reasons_all=["encrypted"],
            alerts_all=["encrypted"])
        key("smime_fwd_tree", p, None, alerts_under=["encrypted"])

    # a PGP-encrypted zip attached (gpg -c): encrypted, said so
    if have("gpg"):
        d = tmpd("gpg")
        t13, pl13 = pb()
        src = os.path.join(d, "payroll.zip")
        with open(src, "wb") as f:
            f.write(zf([("payroll.csv", csv_of(pl13))]))
        run(["gpg", "--batch", "--yes", "--homedir", d, "--passphrase", "sony2014", "--pinentry-mode",
             "loopback", "-c", "-o", src + ".gpg", src], cwd=d)
        if have("gpgconf"):  # the agent gpg started for this home
            subprocess.run(["gpgconf", "--homedir", d, "--kill", "gpg-agent"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        p = put("mail/eml/pgp_zip.eml", msg("payroll", multipart("mixed", "=_pg5", [
            text_plain("password by phone\n"), attach("payroll.zip.gpg", rd(src + ".gpg"))])))
        key("pgp_zip_att", p, ["payroll.zip.gpg"], coverage="none", reasons_all=["encrypted"],
            alerts_all=["encrypted"])
        key("pgp_zip_root", p, [], coverage="full", verdict="sensitive")  # addresses in its header


# ---------------------------------------------------------------- zip quirks
class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream: zipfile then writes data descriptors."""

    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


def zip_cases():
    t1, pl1 = pb()
    t2, pl2 = pb()
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w") as z:
        z.writestr(zipfile.ZipInfo("stored/staff.txt"), t1 + b"PK\x03\x04 not a header PK\x07\x08\n",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("deflated/people.txt", t2 * 20, compress_type=zipfile.ZIP_DEFLATED)
    p = put("zip/streamed.zip", bytes(pipe.buf))
    key("dd_stored", p, ["stored/staff.txt"], planted=pl1, coverage="full")
    key("dd_deflated", p, ["deflated/people.txt"], planted=pl2, coverage="full")
    key("dd_root", p, [], verdict="sensitive", coverage="full")

    t3, pl3 = pb()
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("export/big.txt", "w", force_zip64=True) as f:
            f.write(t3)
        z.writestr("readme.txt", CLEAN)
    p = put("zip/zip64_member.zip", b.getvalue())
    key("zip64_member", p, ["export/big.txt"], planted=pl3, coverage="full")
    key("zip64_other", p, ["readme.txt"], verdict="clean", coverage="full")

    # twin names in one zip: the second is what unzip leaves on disk
    t4, pl4 = pb()
    p = put("zip/twins.zip", zipit([entry(b"export/staff.csv", CLEAN, 8), entry(b"export/staff.csv", t4, 8)]))
    key("zip_twin_first", p, ["export/staff.csv"], count=2, nth=0, verdict="clean")
    key("zip_twin_second", p, ["export/staff.csv"], count=2, nth=1, planted=pl4, alerts_all=["duplicate_name"])
    key("zip_twin_root", p, [], verdict="hostile")

    # Zstandard (method 93, APPNOTE 6.3.7; 7-Zip ZS, WinZip 24) beside deflate
    if have("zstd"):
        t5, pl5 = pb()
        comp = run(["zstd", "-q", "-c", "-19"], inp=t5)
        p = put("zip/zstd_method.zip", zipit([entry(b"staff.txt", t5, 93, comp=comp),
                                              entry(b"ok.txt", CLEAN, 8)]))
        key("zip_zstd_member", p, ["staff.txt"], planted=pl5, coverage="full")  # libarchive 3.6 reads it
        key("zip_zstd_not_silent", p, ["staff.txt"], verdict_in=["sensitive", "incomplete"])
        key("zip_zstd_ok", p, ["ok.txt"], verdict="clean", coverage="full")
    # implode (PKZIP 1.x, method 6): libarchive cannot; must be said
    p = put("zip/imploded.zip", zipit([entry(b"PAYROLL.TXT", noise(900, 11), 6, comp=noise(500, 12)),
                                       entry(b"README.TXT", CLEAN, 0)]))
    key("zip_implode_member", p, ["PAYROLL.TXT"], coverage_not="full", reasons_all=["unsupported"])
    key("zip_implode_root", p, [], coverage="partial", reasons_all=["unsupported"], verdict="incomplete")
    key("zip_implode_other", p, ["README.TXT"], verdict="clean", coverage="full")

    # a stored member whose header claims 4 GB of data (no zip64): the few
    # real bytes are read, no bomb
    t6, pl6 = pb()
    loc, cd = entry(b"staff.txt", t6, 8)
    loc = bytearray(loc)
    struct.pack_into("<I", loc, 22, 0xFFFFFF00)

    def cd2(off, cd=cd):
        c = bytearray(cd(off))
        struct.pack_into("<I", c, 24, 0xFFFFFF00)
        return bytes(c)
    p = put("zip/huge_declared.zip", zipit([(bytes(loc), cd2), entry(b"ok.txt", CLEAN, 8)]))
    key("huge_declared_member", p, ["staff.txt"], planted=pl6)
    key("huge_declared_no_bomb", p, ["staff.txt"], alerts_none=["zip_bomb"])
    key("huge_declared_ok", p, ["ok.txt"], verdict="clean")

    # zip -s: a split archive in three parts
    if have("zip"):
        d = tmpd("split")
        t7, pl7 = pb()
        t8, pl8 = pb()
        files_in(d, [("a_staff.txt", t7), ("b_noise.bin", noise(150000, 21)), ("c_staff.txt", t8)])
        run(["zip", "-q", "-s", "64k", "-0", "split.zip", "a_staff.txt", "b_noise.bin", "c_staff.txt"], cwd=d)
        parts = sorted(f for f in os.listdir(d) if f.startswith("split."))
        for f in parts:
            put("zip/split/" + f, rd(os.path.join(d, f)))
        # side by side, the parts are read joined under split.zip
        # (docs/unpacking.md, "Split archives"); the .zNN parts are full by
        # reference, with split.zip's verdict
        key("split_first_member", "zip/split/split.zip", ["a_staff.txt"], planted=pl7, coverage="full")
        key("split_first_root", "zip/split/split.z01", [], coverage="full", verdict="sensitive")
        key("split_last_root", "zip/split/split.zip", [], coverage="full")
        key("split_last_tree", "zip/split/split.zip", None, planted_under=pl8)
        for f in parts[1:-1]:
            key("split_middle_" + f[-3:], "zip/split/" + f, [], coverage="full", verdict="sensitive")

    # an empty folder named after an employee (HR makes one per person):
    # the name is all there is to read
    t12, pl12 = pii()
    ssn = pl12["ssn"][0]
    dname = "HR/Employees/Mary Major %s-%s-%s/" % (ssn[:3], ssn[3:5], ssn[5:])
    p = put("zip/empty_person_dir.zip", zf([(dname, b""), ("HR/readme.txt", CLEAN)]))
    key("empty_dir_tree", p, None, planted_under={"ssn": pl12["ssn"]}, verdict="sensitive")
    t13, pl13 = pii()
    ssn = pl13["ssn"][0]
    dname = "HR/Employees/Mary Major %s-%s-%s" % (ssn[:3], ssn[3:5], ssn[5:])
    p = put("tar/empty_person_dir.tar", tarb(lambda tf: (tadd(tf, dname, type=tarfile.DIRTYPE, mode=0o755),
                                                       tadd(tf, "HR/readme.txt", CLEAN))))
    key("empty_dir_tar_tree", p, None, planted_under={"ssn": pl13["ssn"]}, verdict="sensitive")

    # a single-segment archive with the spanning marker PK00 in front
    # (PKZIP/WinZip when a split was asked for and one part was enough);
    # its offsets count the marker
    t11, pl11 = pb()
    z = zipit([entry(b"staff.txt", t11, 8), entry(b"ok.txt", CLEAN, 8)])
    eocd = z.rindex(b"PK\x05\x06")
    cdo = struct.unpack_from("<I", z, eocd + 16)[0]
    z = bytearray(z)
    struct.pack_into("<I", z, eocd + 16, cdo + 4)
    i = cdo
    while z[i:i + 4] == b"PK\x01\x02":
        struct.pack_into("<I", z, i + 42, struct.unpack_from("<I", z, i + 42)[0] + 4)
        i += 46 + sum(struct.unpack_from("<HHH", z, i + 28))
    p = put("zip/pk00_marker.zip", b"PK00" + bytes(z))
    key("pk00_member", p, ["staff.txt"], planted=pl11, coverage="full")
    key("pk00_ok", p, ["ok.txt"], verdict="clean")
    key("pk00_no_prefix", p, ["hidden_prefix"], absent=True)  # the marker is the format's
    key("pk00_root", p, [], coverage="full", verdict="sensitive")

    # cut inside its second member (no directory): the first member whole
    t9, pl9 = pb()
    z = zf([("a_staff.txt", t9), ("b_noise.bin", noise(20000, 31)), ("c.txt", CLEAN)], zipfile.ZIP_STORED)
    cut = z.index(b"b_noise.bin") + 5000
    p = put("zip/cut_member.zip", z[:cut])
    key("zip_cut_first", p, ["a_staff.txt"], planted=pl9, coverage="full")
    key("zip_cut_second", p, ["b_noise.bin"], coverage="partial", reasons_all=["truncated"])
    key("zip_cut_root", p, [], coverage="partial", reasons_all=["truncated"], verdict="sensitive")
    # a zip inside a zip, the inner one cut: the outer is whole
    t10, pl10 = pb()
    inner = zf([("x_staff.txt", t10), ("y_noise.bin", noise(20000, 41))], zipfile.ZIP_STORED)
    inner = inner[:inner.index(b"y_noise.bin") + 3000]
    p = put("zip/outer_inner_cut.zip", zf([("inner.zip", inner), ("ok.txt", CLEAN)]))
    key("inner_cut_member", p, ["inner.zip", "x_staff.txt"], planted=pl10, coverage="full")
    key("inner_cut_inner", p, ["inner.zip"], coverage="partial", reasons_all=["truncated"])
    key("inner_cut_root", p, [], coverage="full", verdict="sensitive")


# ---------------------------------------------------------------- other containers
def lzh0(name, data):
    """An LHA level-0 header, stored (-lh0-)."""
    body = (b"-lh0-" + struct.pack("<IIIBB", len(data), len(data), 0x456B0000, 0x20, 0) +
            bytes([len(name)]) + name + struct.pack("<H", _crc16(data)))
    return bytes([len(body), sum(body) & 0xFF]) + body + data


def _crc16(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def arj_file(name, data, method, stored_as=None):
    """One ARJ local header (ARJ 2.x format) and its data."""
    payload = data if stored_as is None else stored_as
    fixed = struct.pack("<BBBBBBBBIIIIHHH", 30, 11, 1, 2, 0, method, 0, 0, 0x456B0000,
                        len(payload), len(data), zlib.crc32(data), 0, 0o644, 0)
    basic = fixed + name + b"\0" + b"\0"
    return b"\x60\xea" + struct.pack("<H", len(basic)) + basic + struct.pack("<I", zlib.crc32(basic)) + \
        b"\0\0" + payload


def arj(members):
    main = struct.pack("<BBBBBBBBIIIIHHH", 30, 11, 1, 2, 0x10, 0, 2, 0, 0x456B0000, 0, 0, 0, 0, 0, 0)
    basic = main + b"BACKUP.ARJ\0\0"
    out = b"\x60\xea" + struct.pack("<H", len(basic)) + basic + struct.pack("<I", zlib.crc32(basic)) + b"\0\0"
    for m in members:
        out += arj_file(*m)
    return out + b"\x60\xea\0\0"


def container_cases():
    # .tar.Z (compress) and a .Z cut in half
    if have("compress"):
        t1, pl1 = pb()
        tb = tarb(lambda tf: (tadd(tf, "payroll/staff.txt", t1), tadd(tf, "payroll/ok.txt", CLEAN)))
        p = put("old/payroll.tar.Z", run(["compress", "-c"], inp=tb))
        key("tar_z_member", p, ["payroll/staff.txt"], planted=pl1, coverage="full")
        key("tar_z_root", p, [], verdict="sensitive", coverage="full")
        t2, pl2 = pb()
        z = run(["compress", "-c"], inp=t2 + noise(60000, 51).hex().encode())
        p = put("old/notes.txt.Z", z[:len(z) // 2])
        key("cut_z_member", p, ["notes.txt"], planted=pl2)
        # compress (.Z) has no end marker, length or check value: a stream
        # cut between codes is a whole stream (`uncompress` says nothing);
        # docs/unpacking.md, "Damage"
        key("cut_z_said", p, ["notes.txt"], coverage="partial", reasons_all=["truncated"], arguable=True)
    # .lzma (lzma_alone), .tar.lz (lzip), lz4 legacy frame
    t3, pl3 = pb()
    p = put("old/staff.csv.lzma", lzma.compress(t3, format=lzma.FORMAT_ALONE))
    key("lzma_alone_member", p, ["staff.csv"], planted=pl3, coverage="full")
    if have("lzip"):
        t4, pl4 = pb()
        tb = tarb(lambda tf: (tadd(tf, "hr/staff.txt", t4), tadd(tf, "hr/noise.bin", noise(200000, 61))))
        lz = run(["lzip", "-c"], inp=tb)
        p = put("old/hr.tar.lz", lz)
        key("tar_lz_member", p, ["hr/staff.txt"], planted=pl4, coverage="full")
        p = put("old/hr_cut.tar.lz", lz[:len(lz) * 2 // 3])
        key("tar_lz_cut_member", p, ["hr/staff.txt"], planted=pl4, coverage="full")
        key("tar_lz_cut_root", p, [], coverage="partial", reasons_all=["truncated"], verdict="sensitive")
    if have("lz4"):
        t5, pl5 = pb()
        p = put("old/staff.txt.lz4", run(["lz4", "-l", "-q", "-c"], inp=t5))
        key("lz4_legacy_member", p, ["staff.txt"], planted=pl5, coverage="full")
    # a .deb whose control and data tars are zstd-compressed (dpkg >= 1.21.18)
    if have("zstd"):
        t6, pl6 = pb()
        ctl = run(["zstd", "-q", "-c"], inp=tarb(lambda tf: tadd(tf, "./control", b"Package: hrtool\nVersion: 1\n")))
        dat = run(["zstd", "-q", "-c"], inp=tarb(lambda tf: tadd(tf, "./etc/hrtool/seed.conf", t6)))

        def arm(name, data):
            h = b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (name, 1700000000, 0, 0, b"100644", len(data))
            return h + data + (b"\n" if len(data) % 2 else b"")
        p = put("pkg/hrtool_1_amd64.deb", b"!<arch>\n" + arm(b"debian-binary", b"2.0\n") +
                arm(b"control.tar.zst", ctl) + arm(b"data.tar.zst", dat))
        key("deb_zst_member", p, ["data.tar.zst", "./etc/hrtool/seed.conf"], planted=pl6, coverage="full")
        key("deb_zst_root", p, [], verdict="sensitive", coverage="full")
    # odc cpio (and one cut inside its second member)
    if have("cpio"):
        d = tmpd("cpio")
        t7, pl7 = pb()
        files_in(d, [("a_staff.txt", t7), ("b_noise.bin", noise(30000, 71)), ("c.txt", CLEAN)])
        c = run(["cpio", "-o", "-H", "odc", "--quiet"], cwd=d, inp=b"a_staff.txt\nb_noise.bin\nc.txt\n")
        p = put("old/backup.cpio", c)
        key("odc_member", p, ["a_staff.txt"], planted=pl7, coverage="full")
        key("odc_other", p, ["c.txt"], verdict="clean")
        p = put("old/backup_cut.cpio", c[:c.index(b"b_noise.bin") + 9000])
        key("odc_cut_first", p, ["a_staff.txt"], planted=pl7, coverage="full")
        key("odc_cut_second", p, ["b_noise.bin"], coverage="partial", reasons_all=["truncated"])
        key("odc_cut_root", p, [], coverage="partial", reasons_all=["truncated"])
    # ISO 9660 with Joliet names, a zip inside, a file hidden from the tree
    if have("xorriso"):
        d = tmpd("iso")
        t8, pl8 = pb()
        t9, pl9 = pb()
        t10, pl10 = pb()
        files_in(os.path.join(d, "src"), [
            ("Finance Department/Payroll Records 2014 (final).txt", t8),
            ("Finance Department/archive.zip", zf([("q3/people.txt", t9)])),
            ("Finance Department/hidden.txt", t10),
            ("Finance Department/filler.bin", noise(40000, 81))])
        run(["xorriso", "-abort_on", "FATAL", "-outdev", os.path.join(d, "a.iso"), "-joliet", "on",
             "-rockridge", "off", "-map", os.path.join(d, "src"), "/",
             "-hide", "on", "/Finance Department/hidden.txt", "--"], cwd=d)
        img = rd(os.path.join(d, "a.iso"))
        p = put("media/finance.iso", img)
        key("iso_joliet_member", p, ["Finance Department/Payroll Records 2014 (final).txt"], planted=pl8,
            coverage="full")
        key("iso_zip_member", p, ["Finance Department/archive.zip", "q3/people.txt"], planted=pl9,
            coverage="full")
        key("iso_hidden_tree", p, None, planted_under=pl10, verdict="sensitive")
        key("iso_hidden_data", p, ["hidden_data"], planted=pl10)
        key("iso_hidden_not_member", p, ["Finance Department/hidden.txt"], absent=True)
        # nothing hidden: Rock Ridge (continuation areas), an El Torito
        # boot image, Joliet; no hidden_data
        t17, pl17 = pb()
        t18, pl18 = pb()
        deep = "/".join("d%d" % i for i in range(1, 11)) + "/deep.txt"  # past ECMA-119's 8 levels
        files_in(os.path.join(d, "src2"), [("boot/boot.img", noise(4096, 83)), ("docs/" + "n" * 200 + ".txt", t17),
                                           ("docs/readme.txt", CLEAN), (deep, t18)])
        run(["xorriso", "-abort_on", "FATAL", "-outdev", os.path.join(d, "b.iso"), "-joliet", "on",
             "-map", os.path.join(d, "src2"), "/", "-boot_image", "any", "bin_path=/boot/boot.img",
             "-boot_image", "any", "emul_type=no_emulation", "--"], cwd=d)
        p2 = put("media/boot_rr.iso", rd(os.path.join(d, "b.iso")))
        key("iso_boot_member", p2, ["docs/" + "n" * 200 + ".txt"], planted=pl17, coverage="full")
        key("iso_boot_nothing_hidden", p2, ["hidden_data"], absent=True)
        key("iso_deep_member", p2, [deep], planted=pl18, coverage="full")
        key("iso_boot_root", p2, [], coverage="full", verdict="sensitive")
        vol = struct.unpack_from("<I", img, 32768 + 80)[0] * 2048  # xorriso pads the file past it
        p = put("media/finance_cut.iso", img[:vol * 3 // 4])
        key("iso_cut_root", p, [], coverage_not="full", verdict_in=["sensitive", "incomplete"])
    # xar with a climbing name
    t11, pl11 = pb()
    x = gen_xar.xar([gen_xar._file_xml(1, "../../Library/LaunchAgents/staff.txt", 20, t11),
                     gen_xar._file_xml(2, "readme.txt", 20 + len(t11), CLEAN)], t11 + CLEAN)
    p = put("mac/installer.xar", x)
    key("xar_slip", p, ["../../Library/LaunchAgents/staff.txt"], planted=pl11, alerts_all=["path_traversal"])
    key("xar_root", p, [], verdict="hostile")
    # LHA level 0, stored, with a backslash climb
    t12, pl12 = pb()
    lz = lzh0(b"..\\..\\AUTOEXEC.TXT", t12) + lzh0(b"README.TXT", CLEAN) + b"\0"
    p = put("old/tools.lzh", lz)
    key("lzh_slip", p, ["../../AUTOEXEC.TXT"], planted=pl12, alerts_all=["path_traversal"])
    key("lzh_ok", p, ["README.TXT"], verdict="clean")
    # 7z with a newline in a member name; a 7z cut before its header
    if have("7z"):
        t13, pl13 = pb()
        a = sevenz([("report\nfinal.txt", t13), ("ok.txt", CLEAN)])
        p = put("7z/newline_name.7z", a)
        key("7z_newline_name", p, ["report\nfinal.txt"], planted=pl13, alerts_all=["bad_name"])
        t14, _ = pb()
        a = sevenz([("staff.txt", t14), ("noise.bin", noise(30000, 91))], ["-mx=0"])
        p = put("7z/cut.7z", a[:len(a) - 200])
        key("7z_cut_root", p, [], coverage_not="full", reasons_any=["truncated", "parse_error"],
            verdict_in=["incomplete", "sensitive"])
    # a tar regular-file entry named like a directory, with data
    t15, pl15 = pb()
    tb = blk(tar_header(b"notes/", len(t15), b"0") + t15) + blk(tar_header(b"ok.txt", len(CLEAN), b"0") + CLEAN)
    p = put("tar/file_named_dir.tar", tb + b"\0" * 1024)
    key("tar_slash_tree", p, None, planted_under=pl15, verdict="sensitive")
    key("tar_slash_ok", p, ["ok.txt"], verdict="clean", coverage="full")
    # a cabinet whose member name climbs with backslashes; RAR 5 with a
    # climbing name, an encrypted member and a clear one
    t19, pl19 = pb()
    cab = gen_rarcab.cab_archive([(0, [(b"..\\..\\Windows\\Tasks\\payroll.txt", t19, 0x20),
                                       (b"readme.txt", CLEAN, 0x20)])])
    p = put("win/update.cab", cab)
    key("cab_slip", p, ["../../Windows/Tasks/payroll.txt"], planted=pl19, alerts_all=["path_traversal"])
    key("cab_ok", p, ["readme.txt"], verdict="clean")
    t20, pl20 = pb()
    t21, pl21 = pb()
    r5 = gen_rarcab.rar5_archive([gen_rarcab.rar5_file(b"../../.ssh/staff.txt", t20),
                                  gen_rarcab.rar5_file(b"hr/vault.txt", noise(300, 121), encrypted=True),
                                  gen_rarcab.rar5_file(b"hr/clear.txt", t21)])
    p = put("win/backup.rar", r5)
    key("rar5_slip", p, ["../../.ssh/staff.txt"], planted=pl20, alerts_all=["path_traversal"])
    key("rar5_enc", p, ["hr/vault.txt"], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
    key("rar5_clear", p, ["hr/clear.txt"], planted=pl21, coverage="full")
    key("rar5_root", p, [], coverage="partial", reasons_all=["encrypted"], verdict="hostile")
    # a zip name with a NUL in it ("payroll.txt\0.exe": shown one way,
    # extracted another)
    t22, pl22 = pb()
    p = put("zip/nul_name.zip", zipit([entry(b"payroll.txt\0.exe", t22, 8), entry(b"ok.txt", CLEAN, 8)]))
    key("zip_nul_member", p, ["payroll.txt\0.exe"], planted=pl22, alerts_all=["bad_name"])
    key("zip_nul_root", p, [], alerts_all=["bad_name"], verdict="hostile")

    # archives of formats libarchive does not read: not silently full
    t16, pl16 = pb()
    p = put("old/BACKUP.ARJ", arj([(b"STAFF.TXT", t16, 0), (b"PAYROLL.DBF", noise(4000, 101), 1,
                                                              noise(2500, 102))]))
    key("arj_root", p, [], coverage_not="full", reasons_any=["unsupported"], verdict_in=["sensitive", "incomplete"])
    key("arj_stored_tree", p, None, planted_under=pl16)
    sit = b"StuffIt (c)1997-2002 Aladdin Systems, Inc., http://www.aladdinsys.com/StuffIt/\r\n\x1a\x00" + \
        noise(3000, 111)
    p = put("mac/Payroll.sit", sit)
    key("sit_root", p, [], coverage_not="full", reasons_any=["unsupported"], verdict="incomplete")


# ---------------------------------------------------------------- six deep
def deep_cases():
    if not have("7z"):
        return
    t1, pl1 = pb()
    m = msg("staff", multipart("mixed", "=_dp5", [text_plain("zip attached\n"),
                                                  attach("staff.zip", zf([("staff.csv", csv_of(pl1))]),
                                                         "application/zip")]))
    mbox = b"From hr@studio.test Tue Nov 25 13:00:00 2014\n" + as_mbox_lines(m) + b"\n"
    txz = lzma.compress(tarb(lambda tf: tadd(tf, "mail/inbox.mbox", mbox)), format=lzma.FORMAT_XZ)
    s7 = sevenz([("backup/mail.tar.xz", txz)])
    p = put("deep/hr_backup.zip", zf([("hr_backup.7z", s7)]))
    key("deep_csv", p, ["hr_backup.7z", "backup/mail.tar.xz", "mail/inbox.mbox", "msg-1", "staff.zip",
                        "staff.csv"], planted=pl1, coverage="full")
    key("deep_tree", p, None, planted_under=pl1, verdict="sensitive", max_depth=6)


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (store_cases, mime_cases, zip_cases, container_cases, deep_cases))


CORPUS = {"mail/apascal_maildir.tar.gz": ("archive", "h5_maildir.tar.gz"),
          "zip/streamed.zip": ("archive", "h5_streamed.zip"), "zip/imploded.zip": ("archive", "h5_implode.zip"),
          "old/tools.lzh": ("archive", "h5_lzh0.lzh"), "zip/pk00_marker.zip": ("archive", "h5_pk00.zip"), "old/BACKUP.ARJ": ("archive", "h5_arj.arj"),
          "mac/installer.xar": ("archive", "h5_slip.xar"),
          "mail/Mail/archive.mboxcl2": ("mbox", "h5_mboxcl2.mbox"), "mail/Mail/mmdf.box": ("mbox", "h5_mmdf.box"),
          "mail/eml/signed_forward.eml": ("mime", "h5_signed_fwd.eml"),
          "mail/eml/climbing_names.eml": ("mime", "h5_climb_names.eml"),
          "mail/eml/yenc.eml": ("mime", "h5_yenc_letters.eml")}


def small_iso():
    """A 27-block ISO 9660 image built by hand (tests/unit/test_isomap.c's
    layout): descriptors, an El Torito catalog and boot image, path tables,
    a root listing one file with a Rock Ridge continuation area, and a
    block nobody lists holding PII: the isomap seed."""
    bs = 2048
    img = bytearray(27 * bs)

    def rec(lba, size, flags, name, su=b""):
        nl = len(name)
        r = bytearray(33 + nl + (nl % 2 == 0)) + su
        r[0] = len(r)
        struct.pack_into("<I", r, 2, lba)
        struct.pack_into(">I", r, 6, lba)
        struct.pack_into("<I", r, 10, size)
        struct.pack_into(">I", r, 14, size)
        r[25] = flags
        r[32] = nl
        r[33:33 + nl] = name
        return bytes(r)
    pvd = bytearray(bs)
    pvd[0:7] = b"\x01CD001\x01"
    struct.pack_into("<I", pvd, 80, 27)
    struct.pack_into("<H", pvd, 128, bs)
    struct.pack_into("<I", pvd, 132, 10)
    struct.pack_into("<I", pvd, 140, 19)
    struct.pack_into(">I", pvd, 148, 20)
    pvd[156:156 + 34] = rec(21, bs, 2, b"\0")
    img[16 * bs:17 * bs] = pvd
    br = bytearray(bs)
    br[0:30] = b"\x00CD001\x01EL TORITO SPECIFICATION"
    struct.pack_into("<I", br, 0x47, 23)
    img[17 * bs:18 * bs] = br
    img[18 * bs:18 * bs + 7] = b"\xffCD001\x01"
    img[19 * bs:19 * bs + 10] = b"\x01\x00\x15\x00\x00\x00\x01\x00\x00\x00"
    img[20 * bs:20 * bs + 10] = b"\x01\x00\x00\x00\x00\x15\x00\x01\x00\x00"
    ce = bytearray(28)
    ce[0:4] = b"CE\x1c\x01"
    struct.pack_into("<I", ce, 4, 25)
    struct.pack_into("<I", ce, 20, 100)
    d = rec(21, bs, 2, b"\0") + rec(21, bs, 2, b"\1") + rec(22, 6, 0, b"A.TXT;1", bytes(ce))
    img[21 * bs:21 * bs + len(d)] = d
    img[22 * bs:22 * bs + 6] = b"hello\n"
    img[23 * bs] = 1
    img[23 * bs + 32] = 0x88
    img[23 * bs + 38] = 4
    struct.pack_into("<I", img, 23 * bs + 40, 24)
    img[24 * bs:25 * bs] = b"\xeb" * bs
    img[25 * bs:25 * bs + 100] = b"R" * 100
    img[26 * bs + 10:26 * bs + 26] = b"SSN 612-12-1043\n"
    return bytes(img)


def corpus(outdir):
    """Fuzz seeds: OUTDIR/<harness>/h5_* (fuzz/corpus)."""
    hc.corpus_copy(generate, hc.by_harness(CORPUS), outdir, optional=True)  # tool-made ones need the tool
    hq = binhex(b"notes.txt", b"SSN 612-12-1043\n" + b"\x90" * 4)
    with open(os.path.join(outdir, "mime", "h5_binhex.eml"), "wb") as f:
        f.write(msg("mac", multipart("mixed", "=_hq", [text_plain("x\n"), part(
            "application/mac-binhex40; name=\"notes.hqx\"", hq.decode("latin-1"))])))
    os.makedirs(os.path.join(outdir, "isomap"), exist_ok=True)
    with open(os.path.join(outdir, "isomap", "h5_hidden.iso"), "wb") as f:
        f.write(small_iso())


if __name__ == "__main__":
    hc.main(generate, corpus)
