#!/usr/bin/env python3
"""Seventh hostile dump with an answer key (tests/e2e/test_hostile6.py).

make_hostile6.py OUT -> OUT/dump/... and OUT/key.json

Same key format and checker as make_hostile3.py (its docstring lists the
expect fields; make_hostile3.check is what the test runs). Aimed at what
the earlier red teams (gen_hostile.py, gen_redteam.py, gen_hostile2.py,
make_maildump.py, make_hostile3.py, make_hostile4.py, make_hostile5.py) do
not plant, as a studio's mailboxes and file shares end up in a dump:

- MIME structure: a multipart/appledouble (RFC 1740) from a Mac mailer; a
  zip sent with Content-Transfer-Encoding: binary; a Subject in a UTF-16
  encoded word; an Outlook .msg attached to a message; a multipart/digest whose parts carry no Content-Type
  (RFC 2046 5.1.5: each is then message/rfc822, and its attachment must be
  decoded); a forwarded message whose multipart reuses the outer boundary
  (the inner close line ends the outer multipart: the outer's last
  attachment lands in what a strict parser calls the epilogue); parameter
  and value names in upper case (BOUNDARY=, BASE64, FILENAME=); multiparts
  nested 3,000 deep (a parser that recurses per level must not crash); an
  empty boundary; a 2,000-byte boundary; a 6,000-byte RFC 2231 file name
  (bad_name, as for archive members); a message saved on classic Mac OS
  (CR line ends);
- headers: 4,000 Received: lines (a 400 KB header block), and a single
  300 KB References: line, before the body and its attachment;
- bodies: a plain-text part that says base64 and is not (the value is in
  the clear in the file); quoted-printable soft breaks followed by the
  blanks transports add (RFC 2045 6.7 (3)) in the middle of an SSN; a
  base64 attachment made of two encodings run together (padding in the
  middle: arguable);
- mailboxes: a classic Mac Eudora mailbox (CR line ends, "From ???@???"
  separators) whose second message carries a base64 attachment;
- exports: an Outlook for Mac archive (.olm: a zip of XML messages and
  attachment files); a folder of Outlook .msg files (no PST); an .eml in a
  zip in a tar.gz in an ISO 9660 image;
- zip: an end record that says 0 entries over a directory of two; an end
  record whose comment length runs past the file; a streamed (bit 3)
  member whose data descriptor's sizes lie; a stored member whose data
  holds a fake data descriptor (a streaming reader ends the member there;
  the PII is after it); a zip64 end record whose directory is not the one
  the 32-bit end record names (both directories' members must be read); a
  directory entry whose name runs past the file; a zip64 locator pointing
  past the file;
- other containers: a 7z in volumes (`7z -v`) with the middle volume
  missing; a GNU multi-volume tar (both volumes: the second starts with
  the rest of a file, an 'M' header); a GNU long-name header that
  declares 1 GiB; 300 long-name
  headers in a row before one file; a tar hard link to itself; "a.txt"
  then "./a.txt" (one file once extracted: duplicate_name); "./link/x" and
  "link//x" through a symlink to /etc; a pax record whose length lies; a
  newc cpio whose name size runs past the file; an ar member cut short and
  a GNU ar long-name reference past its table.

Every case plants its own PII (an SSN in a valid range, an e-mail address):
the key demands the planted value's fingerprint in the record (or under the
root) that must hold it. "arguable" and "gap" as in make_hostile3.py.
"""
import base64, io, os, struct, sys, tarfile, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402  (raw zip/tar writers, the checker)
import hostile_common as hc  # noqa: E402
import make_maildump as mm  # noqa: E402  (docx, xlsx, MIME, Outlook .msg writers)

FP_KEY = b"hostile6 fingerprint key, test only"
CLEAN = h3.CLEAN
entry, zipit, tar_header, blk, zf = h3.entry, h3.zipit, h3.tar_header, h3.blk, h3.zf
check = h3.check
D = hc.Dump(FP_KEY, stamp=False)
key, put, run, tmpd = D.key, D.put, D.run, D.tmpd
rd, have = hc.rd, hc.have
CRLF = "\r\n"
part, multipart, attach, text_plain, b64 = mm.part, mm.multipart, mm.attach, mm.text_plain, mm.b64


def pii():
    """A fresh PII block: (text str, planted dict); one value per case.
    SSN areas 701 up (valid: below 900, never 666)."""
    D.n += 1
    n = D.n
    ssn = "%03d-%02d-%04d" % (700 + n, 12 + n % 80, 2000 + 41 * n)
    return hc.record("Staff", n, "Rita Roe", ssn, "assistant%03d@example.net" % n)


def pb():
    t, pl = pii()
    return t.encode(), pl


def dashed(pl):
    s = pl["ssn"][0]
    return "%s-%s-%s" % (s[:3], s[3:5], s[5:])


def csv_of(pl):
    return ("Name,SSN,E-mail\r\nRita Roe,%s,%s\r\n" % (dashed(pl), pl["email"][0])).encode()


def headers(subject, extra=(), mid=None):
    h = ["From: Amy Pascal <apascal@studio.test>", "To: Doug Belgrad <dbelgrad@studio.test>",
         "Subject: " + subject, "Date: Wed, 26 Nov 2014 10:%02d:00 -0800" % (len(D.cases) % 60),
         "Message-ID: <%s.h6@studio.test>" % (mid or len(D.cases)), "MIME-Version: 1.0"]
    h.extend(extra)
    return CRLF.join(h) + CRLF


def msg(subject, ctype_body, extra=(), mid=None):
    ctype, body = ctype_body
    return (headers(subject, extra, mid) + ctype + CRLF + CRLF + body).encode("latin-1")


# ---------------------------------------------------------------- MIME structure
def mime_cases():
    # multipart/digest: parts without a Content-Type are message/rfc822
    # (RFC 2046 5.1.5), as mailing-list digests send them; the second
    # digested message carries a zip of a CSV
    t1, pl1 = pii()
    t2, pl2 = pii()
    d1 = (headers("minutes", mid="dg1") + "Content-Type: text/plain" + CRLF + CRLF + t1.replace("\n", CRLF))
    inner = msg("roster", multipart("mixed", "=_dg_in", [
        text_plain("roster attached\r\n"),
        attach("roster.zip", zf([("roster/staff.csv", csv_of(pl2))]), "application/zip")]), mid="dg2")
    body = ("This is a digest." + CRLF + CRLF + "--=_dg" + CRLF + CRLF + d1 + CRLF + "--=_dg" + CRLF + CRLF +
            inner.decode("latin-1") + CRLF + "--=_dg--" + CRLF)
    p = put("mail/lists/hr-digest-v12.eml",
            (headers("HR list digest, Vol 12") + 'Content-Type: multipart/digest; boundary="=_dg"' + CRLF + CRLF +
             body).encode("latin-1"))
    key("digest_text_msg", p, None, planted_under=pl1, verdict="sensitive")
    key("digest_zip_csv", p, None, planted_under=pl2)
    key("digest_root", p, [], coverage="full", alerts_none=["path_traversal", "bad_name"])

    # a forward whose inner multipart reuses the outer boundary: the inner
    # close line ends the outer multipart as a parser reads it; the outer's
    # own attachment follows (in the "epilogue") and must still be read
    t3, pl3 = pii()
    t4, pl4 = pii()
    fwd = msg("payroll", multipart("mixed", "=_same", [
        text_plain("payroll attached\r\n"), attach("payroll.csv", csv_of(pl3), "text/csv")]), mid="same_in")
    outer_parts = [text_plain("see below\r\n"),
                   part("message/rfc822", fwd.decode("latin-1"), disp='attachment; filename="FW payroll.eml"'),
                   attach("bonus.csv", csv_of(pl4), "text/csv")]
    p = put("mail/eml/reused_boundary.eml", msg("FW: payroll", multipart("mixed", "=_same", outer_parts)))
    key("reused_boundary_inner", p, None, planted_under=pl3)
    key("reused_boundary_outer_att", p, None, planted_under=pl4)

    # parameter names, values and encodings in upper case
    t5, pl5 = pii()
    att = ('Content-Type: APPLICATION/ZIP; NAME="Staff.zip"' + CRLF + "Content-Transfer-Encoding: BASE64" + CRLF +
           'Content-Disposition: ATTACHMENT; FILENAME="Staff.zip"' + CRLF + CRLF +
           b64(zf([("staff.csv", csv_of(pl5))])))
    body = "--=_UP" + CRLF + text_plain("attached\r\n") + CRLF + "--=_UP" + CRLF + att + "--=_UP--" + CRLF
    p = put("mail/eml/upper_case.eml", (headers("staff") + 'Content-Type: MULTIPART/MIXED; BOUNDARY="=_UP"' +
                                         CRLF + CRLF + body).encode())
    key("upper_case_zip_csv", p, ["Staff.zip", "staff.csv"], planted=pl5, coverage="full")

    # multiparts nested 3,000 deep, the CSV at the bottom: never a crash
    t6, pl6 = pii()
    depth = 3000
    leaf = attach("deep.csv", csv_of(pl6), "text/csv")
    body = leaf
    for i in range(depth, 0, -1):
        b = "=_n%d" % i
        body = ('Content-Type: multipart/mixed; boundary="%s"' % b + CRLF + CRLF + "--" + b + CRLF + body +
                "--" + b + "--" + CRLF)
    p = put("mail/eml/nested_3000.eml", (headers("deep") + body).encode())
    # a nesting cap may stop it, but then says so (and never a crash)
    key("nested_3000_tree", p, None, planted_under=pl6, arguable=True)
    key("nested_3000_root", p, [], coverage="partial", reasons_all=["limit:depth"],
        alerts_none=["path_traversal"])

    # an empty boundary parameter (every "--" line a delimiter): no loop,
    # no crash, and the value in the clear is found
    t7, pl7 = pii()
    body = ("--" + CRLF + "Content-Type: text/plain" + CRLF + CRLF + t7.replace("\n", CRLF) + "----" + CRLF)
    p = put("mail/eml/empty_boundary.eml", (headers("empty") + 'Content-Type: multipart/mixed; boundary=""' + CRLF +
                                            CRLF + body).encode())
    key("empty_boundary_tree", p, None, planted_under=pl7)

    # a 2,000-character boundary (RFC 2046 allows 70): no fixed buffer
    t8, pl8 = pii()
    bnd = "=_" + "Q" * 1998
    p = put("mail/eml/long_boundary.eml", msg("long", multipart("mixed", bnd, [
        text_plain("see\r\n"), attach("long.csv", csv_of(pl8), "text/csv")])))
    key("long_boundary_att", p, ["long.csv"], planted=pl8, coverage="full")

    # a file name of 6,000 characters in 100 RFC 2231 continuations: no file
    # system takes it (a component over 255 bytes), as in an archive; the
    # chain shows its first 1,024 bytes (mime's cap on child names)
    t9, pl9 = pii()
    long_name = "Payroll_" + "x" * 5988 + ".csv"
    segs = [long_name[i:i + 60] for i in range(0, len(long_name), 60)]
    disp = "attachment;" + ";".join('%s filename*%d="%s"' % (CRLF, i, sg) for i, sg in enumerate(segs))
    p = put("mail/eml/long_filename.eml", msg("long name", multipart("mixed", "=_ln", [
        text_plain("see\r\n"), part("text/csv", b64(csv_of(pl9)), "base64", disp)])))
    key("long_filename_att", p, [long_name[:1024]], planted=pl9, alerts_all=["bad_name"])
    key("long_filename_root", p, [], verdict="hostile")

    # a message saved on classic Mac OS: CR line ends, a base64 attachment
    t10, pl10 = pii()
    m = msg("mac", multipart("mixed", "=_mac", [text_plain("see\r\n"), attach("mac.csv", csv_of(pl10), "text/csv")]))
    p = put("mail/eml/mac_cr.eml", m.replace(b"\r\n", b"\r"))
    key("mac_cr_att", p, ["mac.csv"], planted=pl10, coverage="full")


def more_mime_cases():
    # multipart/appledouble (RFC 1740) from a Mac mailer: an AppleDouble
    # header part (application/applefile: the real name, Finder info), then
    # the data fork, a zip of a CSV
    t1, pl1 = pii()
    real = b"Staff list.zip"
    finder = b"ZIP " + b"SITx" + b"\0" * 24
    entries = [(3, real), (9, finder)]
    off = 26 + 12 * len(entries)
    hdr, blob = struct.pack(">IIQQH", 0x00051607, 0x00020000, 0, 0, len(entries)), b""
    for eid, data in entries:
        hdr += struct.pack(">III", eid, off + len(blob), len(data))
        blob += data
    ad = multipart("appledouble", "=_ad", [
        part('application/applefile; name="Staff list.zip"', b64(hdr + blob), "base64"),
        attach("Staff list.zip", zf([("staff.csv", csv_of(pl1))]), "application/zip")])
    p = put("mail/eml/appledouble.eml", msg("staff (Mac)", multipart("mixed", "=_adm", [
        text_plain("from my Mac\r\n"), ad[0] + CRLF + CRLF + ad[1]])))
    key("appledouble_csv", p, ["Staff list.zip", "staff.csv"], planted=pl1, coverage="full")
    key("appledouble_root", p, [], coverage="full", verdict="sensitive")

    # a zip sent with Content-Transfer-Encoding: binary (BINARYMIME, as
    # Exchange exports keep it): the raw bytes are the attachment
    t2, pl2 = pii()
    z = zf([("people.csv", csv_of(pl2))], comp=zipfile.ZIP_STORED)
    head = (headers("binary") + 'Content-Type: multipart/mixed; boundary="=_bin"' + CRLF + CRLF + "--=_bin" + CRLF +
            text_plain("raw\r\n") + CRLF + "--=_bin" + CRLF +
            'Content-Type: application/zip; name="people.zip"' + CRLF + "Content-Transfer-Encoding: binary" + CRLF +
            'Content-Disposition: attachment; filename="people.zip"' + CRLF + CRLF).encode()
    p = put("mail/eml/binary_cte.eml", head + z + (CRLF + "--=_bin--" + CRLF).encode())
    key("binary_cte_csv", p, ["people.zip", "people.csv"], planted=pl2, coverage="full")

    # a Subject in a UTF-16 encoded word (an IANA charset; Python and
    # Thunderbird decode it); the raw bytes hold only base64
    t3, pl3 = pii()
    subj = ("Rita Roe SSN %s %s" % (dashed(pl3), pl3["email"][0])).encode("utf-16")
    m = msg("=?UTF-16?B?%s?=" % base64.b64encode(subj).decode(), ("Content-Type: text/plain", "hello\r\n"))
    p = put("mail/eml/utf16_subject.eml", m)
    key("utf16_subject", p, [], planted=pl3)

    # an Outlook item dragged into a message: an .msg attachment whose own
    # attachment is a CSV
    t4, pl4 = pii()
    t5, pl5 = pii()
    inner = mm.outlook_msg("Offer (Rita Roe)", t4, [("offer.csv", csv_of(pl5))])
    p = put("mail/eml/msg_attached.eml", msg("FW: offer", multipart("mixed", "=_om", [
        text_plain("fyi\r\n"), attach("Offer (Rita Roe).msg", inner, "application/vnd.ms-outlook")])))
    key("msg_attached_body", p, ["Offer (Rita Roe).msg"], planted=pl4)
    key("msg_attached_csv", p, None, planted_under=pl5)


def param_cases():
    # blanks around "=" and the value on a continuation line (Thunderbird
    # and Python take it)
    t1, pl1 = pii()
    body = multipart("mixed", "=_sp", [text_plain("see\r\n"), attach("sp.csv", csv_of(pl1), "text/csv")])[1]
    p = put("mail/eml/boundary_blanks.eml", (headers("blanks") + "Content-Type: multipart/mixed;" + CRLF +
                                              '\tboundary =' + CRLF + ' "=_sp"' + CRLF + CRLF + body).encode())
    key("boundary_blanks_att", p, ["sp.csv"], planted=pl1, coverage="full")

    # two boundary parameters; the body uses the second: its delimiter
    # lines are plain to see, so the attachment must be decoded
    t2, pl2 = pii()
    body = multipart("mixed", "=_real", [text_plain("see\r\n"), attach("two.csv", csv_of(pl2), "text/csv")])[1]
    p = put("mail/eml/two_boundaries.eml", (headers("two") + 'Content-Type: multipart/mixed; boundary="=_decoy"; '
                                             'boundary="=_real"' + CRLF + CRLF + body).encode())
    key("two_boundaries_att", p, ["two.csv"], planted=pl2)
    key("two_boundaries_root", p, [], coverage="partial", reasons_all=["parse_error"], arguable=True)

    # a multipart sent base64-encoded (RFC 2045 6.4 forbids it; a gateway
    # did it): clients differ, the PII is in the file
    t3, pl3 = pii()
    inner = multipart("mixed", "=_in64", [text_plain("see\r\n"), attach("in64.csv", csv_of(pl3), "text/csv")])
    p = put("mail/eml/multipart_base64.eml", msg("b64 multipart", (inner[0] + CRLF + "Content-Transfer-Encoding: base64",
                                                                   b64(inner[1].encode()))))
    key("multipart_base64_tree", p, None, planted_under=pl3, arguable=True)

    # Thunderbird keeps deleted messages in the mbox until it is compacted
    # (X-Mozilla-Status 0x0008 "expunged"): they are in the file
    t4, pl4 = pii()
    t5, pl5 = pii()
    m1 = msg("kept", ("Content-Type: text/plain", t4.replace("\n", CRLF)), extra=["X-Mozilla-Status: 0001"],
             mid="tb1")
    m2 = msg("deleted", multipart("mixed", "=_del", [text_plain("old\r\n"), attach("old.csv", csv_of(pl5), "text/csv")]),
             extra=["X-Mozilla-Status: 0009", "X-Mozilla-Status2: 00000000"], mid="tb2")
    box = b""
    for m in (m1, m2):
        box += b"From - Wed Nov 26 10:00:00 2014\n" + m.replace(b"\r\n", b"\n") + b"\n"
    p = put("mail/Thunderbird/Local Folders/Inbox", box)
    key("tb_deleted_kept", p, ["msg-1"], planted=pl4)
    key("tb_deleted_att", p, ["msg-2", "old.csv"], planted=pl5, coverage="full")


# ---------------------------------------------------------------- headers and bodies
def header_body_cases():
    # 4,000 Received: lines (a list message relayed through a loop), then
    # the attachment
    t1, pl1 = pii()
    rec = ["Received: from relay%d.studio.test (relay%d.studio.test [10.0.%d.%d]) by mx.studio.test "
           "with ESMTP id %08X; Wed, 26 Nov 2014 10:00:%02d -0800" % (i, i, i // 250, i % 250, i * 7919, i % 60)
           for i in range(4000)]
    m = msg("many hops", multipart("mixed", "=_hops", [
        text_plain("see the file\r\n"), attach("hops.csv", csv_of(pl1), "text/csv")]), extra=rec)
    p = put("mail/eml/received_4000.eml", m)
    key("received_4000_att", p, ["hops.csv"], planted=pl1, coverage="full")

    # one References: line of 300 KB (a long thread, never folded), the
    # Subject after it holds an SSN, then the attachment
    t2, pl2 = pii()
    t3, pl3 = pii()
    refs = "References: " + " ".join("<%d.thread@studio.test>" % i for i in range(14000))
    m = msg("Re: thread", multipart("mixed", "=_refs", [
        text_plain("again\r\n"), attach("refs.csv", csv_of(pl3), "text/csv")]),
        extra=[refs, "X-Employee: Rita Roe SSN %s %s" % (dashed(pl2), pl2["email"][0])])
    p = put("mail/eml/references_300k.eml", m)
    # the 14,000 message ids are no e-mail addresses (they had filled the
    # record's 10,000 evidence entries before the planted address): the
    # References field is known for the whole line (src/scan/engine.c)
    key("references_header_ssn", p, [], planted={"ssn": pl2["ssn"]})
    key("references_header_email", p, [], planted={"email": pl2["email"]})
    key("references_att", p, ["refs.csv"], planted=pl3, coverage="full")

    # a plain-text part that says base64 and is not: the value is in the
    # clear in the file
    t4, pl4 = pii()
    m = msg("benefits", multipart("mixed", "=_lie", [
        part("text/plain; charset=us-ascii", t4.replace("\n", CRLF), "base64"),
        text_plain("thanks\r\n")]))
    p = put("mail/eml/says_base64.eml", m)
    key("says_base64_tree", p, None, planted_under=pl4)

    # quoted-printable soft breaks followed by blanks (RFC 2045 6.7 (3):
    # transports add them, decoders drop them) inside the SSN and the address
    t5, pl5 = pii()
    s, e = dashed(pl5), pl5["email"][0]
    qp = ("Staff record=20" + CRLF.join(["", ""]) + "SSN " + s[:5] + "= \t" + CRLF + s[5:] + CRLF +
          "E-mail: " + e[:6] + "=  " + CRLF + e[6:] + CRLF)
    m = msg("qp", multipart("mixed", "=_qpws", [
        part("text/plain; charset=us-ascii", qp, "quoted-printable"),
        part('text/plain; charset=us-ascii; name="note.txt"', qp, "quoted-printable",
             'attachment; filename="note.txt"')]))
    p = put("mail/eml/qp_blank_softbreak.eml", m)
    key("qp_blank_att", p, ["note.txt"], planted=pl5, coverage="full")
    key("qp_blank_tree", p, None, planted_under=pl5)

    # two base64 encodings run together (padding in the middle): what a
    # gateway that appends a disclaimer to an encoded part makes.
    # Decoders differ (strict ones stop at the first pad).
    t6, pl6 = pii()
    first = b"Name,Dept\r\nA. Pascal,Exec\r\nD. Belgrad,Prod\r\n\r\n"  # 46 bytes: "==" ends it
    second = csv_of(pl6)
    body = (base64.b64encode(first) + base64.b64encode(second)).decode()
    body = CRLF.join(body[i:i + 76] for i in range(0, len(body), 76)) + CRLF
    m = msg("two encodings", multipart("mixed", "=_pad", [
        text_plain("list\r\n"),
        part('text/csv; name="list.csv"', body, "base64", 'attachment; filename="list.csv"')]))
    p = put("mail/eml/mid_padding.eml", m)
    key("mid_padding_att", p, ["list.csv"], planted=pl6)


# ---------------------------------------------------------------- mailboxes
def mailbox_cases():
    # a Mac Eudora mailbox: CR line ends, "From ???@???" separators
    t1, pl1 = pii()
    t2, pl2 = pii()
    m1 = msg("note", ("Content-Type: text/plain; charset=us-ascii", t1.replace("\n", CRLF)), mid="eu1")
    m2 = msg("roster", multipart("mixed", "=_eu", [
        text_plain("roster\r\n"), attach("roster.csv", csv_of(pl2), "text/csv")]), mid="eu2")
    box = b""
    for m in (m1, m2):
        box += b"From ???@??? Wed Nov 26 10:00:00 2014\r" + m.replace(b"\r\n", b"\r") + b"\r"
    p = put("mail/Eudora/In", box)
    key("eudora_cr_msg1", p, ["msg-1"], planted=pl1, coverage="full")
    key("eudora_cr_att", p, ["msg-2", "roster.csv"], planted=pl2, coverage="full")
    key("eudora_cr_count", p, ["msg-3"], absent=True)
    key("eudora_cr_root", p, [], coverage="full", verdict="sensitive")


# ---------------------------------------------------------------- exports
def export_cases():
    # Outlook for Mac archive (.olm): a zip of XML messages and attachment files
    t1, pl1 = pii()
    t2, pl2 = pii()
    acct = "Accounts/apascal@studio.test/"
    body_html = "&lt;html&gt;&lt;body&gt;&lt;p&gt;%s&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;" % (
        t1.replace("\n", "&lt;br&gt;"))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<emails><email>'
           '<OPFMessageCopySubject xml:space="preserve">staff</OPFMessageCopySubject>'
           '<OPFMessageCopyHTMLBody xml:space="preserve">%s</OPFMessageCopyHTMLBody>'
           '<OPFMessageCopyAttachmentList><messageAttachment OPFAttachmentName="staff.xlsx" '
           'OPFAttachmentURL="com.microsoft.__Attachments/staff_1.xlsx"/></OPFMessageCopyAttachmentList>'
           '</email></emails>\n' % body_html).encode()
    rows = [["Name", "SSN", "E-mail"], ["Rita Roe", dashed(pl2), pl2["email"][0]]]
    olm = zf([(acct + "com.microsoft.__Messages/Inbox/message_00000.xml", xml),
              (acct + "com.microsoft.__Attachments/staff_1.xlsx", mm.xlsx(rows)),
              ("Categories.xml", b'<?xml version="1.0"?><categories/>\n')])
    p = put("exports/Outlook for Mac Archive.olm", olm)
    # member names are written with the address redacted (docs/manifest.md)
    racct = "Accounts/a***@studio.test/"
    key("olm_message", p, [racct + "com.microsoft.__Messages/Inbox/message_00000.xml"], planted=pl1,
        coverage="full")
    key("olm_attachment", p, [racct + "com.microsoft.__Attachments/staff_1.xlsx"], planted=pl2, coverage="full")

    # a folder of Outlook .msg files (File > Save As, no PST)
    t3, pl3 = pii()
    t4, pl4 = pii()
    m = mm.outlook_msg("Offer letter", t3, [("offer.csv", csv_of(pl4))])
    p = put("exports/Saved Items/Inbox/Offer letter.msg", m)
    key("msg_body", p, [], planted=pl3)
    key("msg_att", p, None, planted_under=pl4, verdict="sensitive")

    # an .eml in a zip in a tar.gz in an ISO 9660 image (a backup disc)
    if have("xorriso") or have("genisoimage") or have("mkisofs"):
        t5, pl5 = pii()
        eml = msg("FW: roster", multipart("mixed", "=_iso", [
            text_plain("fyi\r\n"), attach("roster.csv", csv_of(pl5), "text/csv")]))
        z = zf([("Inbox/FW roster.eml", eml)])
        tb = io.BytesIO()
        with tarfile.open(fileobj=tb, mode="w:gz") as t:
            ti = tarfile.TarInfo("home/apascal/mail_backup.zip")
            ti.size, ti.mtime = len(z), 1417000000
            t.addfile(ti, io.BytesIO(z))
        d = tmpd("iso")
        os.makedirs(os.path.join(d, "src", "BACKUP"))
        with open(os.path.join(d, "src", "BACKUP", "home.tgz"), "wb") as f:
            f.write(tb.getvalue())
        if have("xorriso"):
            run(["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", "../disc.iso", "."],
                cwd=os.path.join(d, "src"))
        else:
            tool = "genisoimage" if have("genisoimage") else "mkisofs"
            run([tool, "-quiet", "-R", "-J", "-o", "../disc.iso", "."], cwd=os.path.join(d, "src"))
        p = put("exports/backup_disc_2014.iso", rd(os.path.join(d, "disc.iso")))
        key("iso_chain_csv", p, ["BACKUP/home.tgz", "home/apascal/mail_backup.zip", "Inbox/FW roster.eml",
                                 "roster.csv"], planted=pl5, coverage="full")
        key("iso_chain_root", p, [], coverage="full", verdict="sensitive")


# ---------------------------------------------------------------- zip
def zip_cases():
    # an end record that says 0 entries over a directory of two (readers
    # that walk the directory's bytes see both; Info-ZIP warns)
    t1, pl1 = pb()
    z = bytearray(zipit([entry(b"readme.txt", CLEAN, 8), entry(b"hr/staff.txt", t1, 8)]))
    eocd = z.rfind(b"PK\x05\x06")
    z[eocd + 8:eocd + 12] = struct.pack("<HH", 0, 0)
    p = put("zip/count_zero.zip", bytes(z))
    key("count_zero_member", p, ["hr/staff.txt"], planted=pl1, coverage="full")
    key("count_zero_other", p, ["readme.txt"], verdict="clean")

    # the end record's comment length runs past the file (cut comment)
    t2, pl2 = pb()
    z = bytearray(zipit([entry(b"hr/people.txt", t2, 8)], comment=b"Backup of HR share"))
    eocd = z.rfind(b"PK\x05\x06")
    z[eocd + 20:eocd + 22] = struct.pack("<H", 4000)
    p = put("zip/comment_overrun.zip", bytes(z))
    key("comment_overrun_member", p, ["hr/people.txt"], planted=pl2)
    key("comment_overrun_root", p, [], coverage_not="full")

    # a streamed (bit 3) deflated member whose data descriptor's sizes lie;
    # the directory is right, deflate ends itself
    t3, pl3 = pb()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(t3) + c.flush()
    crc = zlib.crc32(t3)
    name = b"hr/streamed.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 8, 8, 0, 0x21, 0, 0, 0, len(name), 0) + name + comp
    local += struct.pack("<IIII", 0x08074B50, crc, 3, 5)  # sizes lie

    def cd(off, name=name, comp=comp, crc=crc, n=len(t3)):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 8, 8, 0, 0x21, crc, len(comp), n,
                           len(name), 0, 0, 0, 0, 0, off) + name
    p = put("zip/descriptor_lies.zip", zipit([(local, cd)]))
    key("descriptor_lies_member", p, ["hr/streamed.txt"], planted=pl3)

    # a stored member whose data holds a data descriptor that fits the
    # bytes before it (CRC and sizes): a streaming reader ends the member
    # there and never reads the PII after it
    t4, pl4 = pb()
    a = b"Quarterly numbers follow.\n" * 3
    fake = struct.pack("<IIII", 0x08074B50, zlib.crc32(a), len(a), len(a))
    data = a + fake + b"\n" + t4
    name = b"finance/q3.txt"
    crc = zlib.crc32(data)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 10, 8, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name + data
    local += struct.pack("<IIII", 0x08074B50, crc, len(data), len(data))

    def cd2(off, name=name, data=data, crc=crc):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 10, 8, 0, 0, 0x21, crc, len(data), len(data),
                           len(name), 0, 0, 0, 0, 0, off) + name
    z = zipit([(local, cd2)])
    p = put("zip/fake_descriptor.zip", z)
    key("fake_descriptor_member", p, ["finance/q3.txt"], planted=pl4, coverage="full")
    # the same cut before its directory (zip to a pipe, transfer broken):
    # only a streaming reader can read it, and it ends the member at the
    # fake descriptor; the bytes after it must still be scanned
    p = put("zip/fake_descriptor_cut.zip", z[:z.find(b"PK\x01\x02")])
    key("fake_descriptor_cut_root", p, [], planted=pl4, coverage="partial", reasons_all=["truncated"])

    # a zip64 end record and locator whose directory is another one than the
    # 32-bit end record names: readers that honour zip64 (Python, 7-Zip) see
    # only readme.txt, the others only the PII member. Both views must be read.
    t5, pl5 = pb()
    e1 = entry(b"readme.txt", CLEAN, 8)
    e2 = entry(b"hr/hidden.txt", t5, 8)
    out = bytearray()
    off1 = len(out)
    out += e1[0]
    off2 = len(out)
    out += e2[0]
    cd_a = e1[1](off1)  # the zip64 view
    cd_b = e2[1](off2)  # the 32-bit view
    cda_off = len(out)
    out += cd_a
    cdb_off = len(out)
    out += cd_b
    z64 = len(out)
    out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(cd_a), cda_off)
    out += struct.pack("<IIQI", 0x07064B50, 0, z64, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(cd_b), cdb_off, 0)
    p = put("zip/two_views_zip64.zip", bytes(out))
    key("two_views_hidden", p, ["hr/hidden.txt"], planted=pl5, coverage="full")
    key("two_views_readme", p, ["readme.txt"], verdict="clean")


# ---------------------------------------------------------------- other containers
def container_cases():
    # a 7z in volumes, the middle one missing (a transfer that lost a part)
    if have("7z"):
        t1, pl1 = pb()
        d = tmpd("vol")
        os.makedirs(os.path.join(d, "src"))
        filler = h3.noise(40000, 6)
        with open(os.path.join(d, "src", "export.bin"), "wb") as f:
            f.write(t1 + filler + t1)
        run(["7z", "a", "-bd", "-y", "-mx0", "-v16k", "../vol.7z", "."], cwd=os.path.join(d, "src"))
        vols = sorted(x for x in os.listdir(d) if x.startswith("vol.7z."))
        p1 = put("transfer/export.7z.001", rd(os.path.join(d, vols[0])))
        pl = put("transfer/export.7z.%03d" % len(vols), rd(os.path.join(d, vols[-1])))
        key("vol_first", p1, [], coverage="partial", reasons_any=["truncated", "unsupported"])
        key("vol_first_raw", p1, [], planted=pl1)  # stored bytes of a part nobody can open: scanned raw
        key("vol_last", pl, [], verdict_in=["incomplete", "clean", "sensitive"])

    # a GNU multi-volume tar (tar -M, tape-sized volumes): volume 1 ends
    # inside the file, volume 2 starts with an 'M' header, the rest of it
    if run(["tar", "--version"]).startswith(b"tar (GNU tar)"):
        t8, pl8 = pb()
        t9, pl9 = pb()
        d = tmpd("mvol")
        os.makedirs(os.path.join(d, "src"))
        with open(os.path.join(d, "src", "export.bin"), "wb") as f:
            f.write(t8 + h3.noise(30000, 9) + t9)
        run(["tar", "-c", "-M", "-L", "20", "-f", "../v1.tar", "-f", "../v2.tar", "export.bin"],
            cwd=os.path.join(d, "src"))
        p1 = put("transfer/tape/export-vol1.tar", rd(os.path.join(d, "v1.tar")))
        p2 = put("transfer/tape/export-vol2.tar", rd(os.path.join(d, "v2.tar")))
        key("multivol_v1_member", p1, ["export.bin"], planted=pl8, coverage="partial", reasons_all=["truncated"])
        key("multivol_v2_member", p2, ["export.bin"], planted=pl9, coverage="partial", reasons_all=["truncated"])
        key("multivol_v2_root", p2, [], coverage="partial")

    # a GNU long-name header that declares 1 GiB, after a whole member
    t2, pl2 = pb()
    tar = blk(tar_header(b"first.txt", len(t2), b"0") + blk(t2))
    tar += tar_header(b"././@LongLink", 1 << 30, b"L") + blk(b"x" * 600)
    p = put("tar/longname_1g.tar", tar)
    key("longname_1g_first", p, ["first.txt"], planted=pl2, coverage="full")
    key("longname_1g_root", p, [], coverage="partial", reasons_any=["truncated", "parse_error"])

    # 300 long-name headers in a row, then the file: the last name wins
    t3, pl3 = pb()
    tar = b""
    for i in range(300):
        nm = ("dir%03d/" % i) * 20 + "name.txt"
        tar += blk(tar_header(b"././@LongLink", len(nm) + 1, b"L") + nm.encode() + b"\0")
    last = "../../../../home/apascal/.profile.d/staff.txt"
    tar += blk(tar_header(b"././@LongLink", len(last) + 1, b"L") + last.encode() + b"\0")
    tar += blk(tar_header(b"short.txt", len(t3), b"0") + blk(t3))
    tar += b"\0" * 1024
    p = put("tar/longname_run.tar", tar)
    key("longname_run_file", p, [last], planted=pl3, alerts_all=["path_traversal"])
    key("longname_run_root", p, [], verdict="hostile")

    # a hard link to itself, then a plain member
    t4, pl4 = pb()
    tar = blk(tar_header(b"loop.txt", 0, b"1", b"loop.txt")) + blk(tar_header(b"ok.txt", len(t4), b"0") +
                                                                      blk(t4)) + b"\0" * 1024
    p = put("tar/self_link.tar", tar)
    key("self_link", p, ["loop.txt"], alerts_all=["hardlink"], coverage="none")
    key("self_link_next", p, ["ok.txt"], planted=pl4, coverage="full")

    # a newc cpio: one whole member, then a header whose name size runs
    # past the file
    t5, pl5 = pb()

    def newc(name, data, namesize=None):
        ns = len(name) + 1 if namesize is None else namesize
        h = b"070701" + b"".join(b"%08X" % v for v in (1, 0o100644, 0, 0, 1, 1417000000, len(data), 0, 0, 0, 0,
                                                       ns, 0))
        hn = h + name + b"\0"
        hn += b"\0" * (-len(hn) % 4)
        return hn + data + b"\0" * (-len(data) % 4)
    cp = newc(b"people.txt", t5) + newc(b"x", b"", namesize=0x7FFFFFF0)[:200]
    p = put("cpio/name_overrun.cpio", cp)
    key("cpio_overrun_first", p, ["people.txt"], planted=pl5, coverage="full")
    key("cpio_overrun_root", p, [], coverage="partial", reasons_any=["truncated", "parse_error"])

    # an ar archive whose second member is cut short
    t6, pl6 = pb()

    def arm(name, data, size=None):
        return (b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (name, 1417000000, 0, 0, b"100644",
                                                    len(data) if size is None else size) + data +
                (b"\n" if len(data) % 2 else b""))
    ar = b"!<arch>\n" + arm(b"staff.txt/", t6) + arm(b"rest.txt/", CLEAN, size=5000)[:60 + 40]
    p = put("ar/cut.a", ar)
    key("ar_cut_first", p, ["staff.txt"], planted=pl6, coverage="full")
    key("ar_cut_root", p, [], coverage="partial", reasons_any=["truncated", "parse_error"])


def more_container_cases():
    # "a.txt" and "./a.txt": one file once extracted (the second overwrites
    # the first), two names byte for byte
    t1, pl1 = pb()
    tar = (blk(tar_header(b"a.txt", len(CLEAN), b"0") + blk(CLEAN)) +
           blk(tar_header(b"./a.txt", len(t1), b"0") + blk(t1)) + b"\0" * 1024)
    p = put("tar/dot_slash_twin.tar", tar)
    key("dot_slash_twin_pii", p, ["./a.txt"], planted=pl1, coverage="full")
    key("dot_slash_twin_dup", p, ["./a.txt"], alerts_all=["duplicate_name"])
    key("dot_slash_twin_first", p, ["a.txt"], alerts_none=["duplicate_name"], verdict="clean")

    # a symlink to /etc, then "./etc_link/cron.d/x" and "etc_link//passwd":
    # both are written through the link by tar
    t6, pl6 = pb()
    tar = (blk(tar_header(b"etc_link", 0, b"2", b"/etc")) +
           blk(tar_header(b"./etc_link/cron.d/payroll", len(t6), b"0") + blk(t6)) +
           blk(tar_header(b"etc_link//passwd", len(CLEAN), b"0") + blk(CLEAN)) + b"\0" * 1024)
    p = put("tar/dot_through_link.tar", tar)
    key("dot_through_link", p, ["./etc_link/cron.d/payroll"], planted=pl6, alerts_all=["path_traversal"])
    key("slashes_through_link", p, ["etc_link//passwd"], alerts_all=["path_traversal"])

    # a pax record whose length lies (runs past the header's data), then
    # a plain member
    t2, pl2 = pb()
    rec = b"9999 path=hr/evil.txt\n"
    tar = blk(tar_header(b"PaxHeader/x", len(rec), b"x") + blk(rec))
    tar += blk(tar_header(b"hr/x.txt", len(t2), b"0") + blk(t2)) + b"\0" * 1024
    p = put("tar/pax_bad_length.tar", tar)
    # libarchive warns and ignores the record: the member it belonged to
    # keeps the ustar name and says so (docs/unpacking.md, ARCHIVE_WARN)
    key("pax_bad_length_member", p, ["hr/x.txt"], planted=pl2, coverage="partial", reasons_all=["parse_error"])

    # a central directory whose last entry's name runs past the directory
    # and the file (the end record is right about the directory's start)
    t3, pl3 = pb()
    z = bytearray(zipit([entry(b"hr/ok.txt", t3, 8), entry(b"zz.txt", CLEAN, 8)]))
    eocd = z.rfind(b"PK\x05\x06")
    cd_off = struct.unpack("<I", z[eocd + 16:eocd + 20])[0]
    second = z.find(b"PK\x01\x02", cd_off + 4)
    z[second + 28:second + 30] = struct.pack("<H", 0xFFF0)
    p = put("zip/cd_name_overrun.zip", bytes(z))
    key("cd_name_overrun_tree", p, None, planted_under=pl3)
    key("cd_name_overrun_root", p, [], coverage="partial")

    # a zip64 end-record locator that points past the file, before a sound
    # 32-bit end record (no field says 0xFFFF: nothing needs zip64)
    t4, pl4 = pb()
    z = bytearray(zipit([entry(b"hr/z64.txt", t4, 8)]))
    eocd = z.rfind(b"PK\x05\x06")
    z[eocd:eocd] = struct.pack("<IIQI", 0x07064B50, 0, 1 << 40, 1)
    p = put("zip/zip64_locator_past_end.zip", bytes(z))
    key("z64_locator_member", p, ["hr/z64.txt"], planted=pl4)

    # a local header whose extra-field length runs far past its data (the
    # directory's is 0): readers that trust the local header read nothing;
    # the member after it is sound
    t7, pl7 = pb()
    bad_local, bad_cd = entry(b"hr/lost.txt", CLEAN * 4, 8)
    bad_local = bad_local[:28] + struct.pack("<H", 0xFFF0) + bad_local[30:]
    p = put("zip/local_extra_overrun.zip", zipit([(bad_local, bad_cd), entry(b"hr/next.txt", t7, 8)]))
    # libarchive's seekable reader stops at the broken entry; unzip, 7-Zip
    # and Python read hr/next.txt (before, the broken header made the whole
    # zip an overlap bomb, then nothing after it was read)
    key("local_extra_next", p, ["hr/next.txt"], planted=pl7, coverage="full")
    key("local_extra_root", p, [], coverage="partial", reasons_all=["truncated"], alerts_none=["zip_bomb"])

    # the same broken header between two sound members
    t8, pl8 = pb()
    t9, pl9 = pb()
    bad_local, bad_cd = entry(b"hr/lost2.txt", CLEAN * 4, 8)
    bad_local = bad_local[:28] + struct.pack("<H", 0xFFF0) + bad_local[30:]
    p = put("zip/local_extra_middle.zip", zipit([entry(b"hr/before.txt", t8, 8), (bad_local, bad_cd),
                                                 entry(b"hr/after.txt", t9, 8)]))
    key("local_extra_mid_before", p, ["hr/before.txt"], planted=pl8, coverage="full")
    key("local_extra_mid_after", p, ["hr/after.txt"], planted=pl9, coverage="full")
    key("local_extra_mid_root", p, [], coverage="partial", reasons_all=["truncated"], alerts_none=["zip_bomb"])

    # an ar whose GNU long-name reference points past its name table
    t5, pl5 = pb()

    def arm(name, data):
        return (b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (name, 1417000000, 0, 0, b"100644", len(data)) + data +
                (b"\n" if len(data) % 2 else b""))
    names = b"a_rather_long_member_name.txt/\n"
    ar = b"!<arch>\n" + arm(b"//", names) + arm(b"first.txt/", t5) + arm(b"/9999", CLEAN)
    p = put("ar/longname_ref_past.a", ar)
    key("ar_ref_past_first", p, ["first.txt"], planted=pl5, coverage="full")
    key("ar_ref_past_root", p, [], coverage="partial", reasons_any=["parse_error", "truncated"])


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (mime_cases, more_mime_cases, param_cases, header_body_cases, mailbox_cases,
                            export_cases, zip_cases, container_cases, more_container_cases))


CORPUS = {"mail/Eudora/In": ("mbox", "h6_eudora_cr.mbox"),
          "mail/eml/mac_cr.eml": ("mime", "h6_mac_cr.eml"),
          "mail/lists/hr-digest-v12.eml": ("mime", "h6_digest.eml"),
          "mail/eml/empty_boundary.eml": ("mime", "h6_empty_boundary.eml"),
          "zip/fake_descriptor.zip": ("archive", "h6_fake_descriptor.zip"),
          "zip/two_views_zip64.zip": ("zipcd", "h6_two_views_zip64.zip"),
          "tar/longname_1g.tar": ("archive", "h6_longname_1g.tar"),
          "cpio/name_overrun.cpio": ("archive", "h6_cpio_name_overrun.cpio"),
          "zip/local_extra_overrun.zip": ("zipcd", "h6_local_extra_overrun.zip"),
          "zip/local_extra_middle.zip": ("archive", "h6_local_extra_middle.zip"),
          "mail/eml/two_boundaries.eml": ("mime", "h6_two_boundaries.eml"),
          "tar/dot_through_link.tar": ("archive", "h6_dot_through_link.tar")}


def corpus(fuzzdir):
    """Fuzz seeds: FUZZDIR/corpus/<handler>/h6_*."""
    hc.corpus_copy(generate, hc.by_harness(CORPUS, "corpus"), fuzzdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
