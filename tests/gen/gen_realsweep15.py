#!/usr/bin/env python3
"""Small mail files reproducing what the fifteenth session's sweep of other
projects' real test mail found wrong (docs/formats.md, Mail section,
"Recall against references", third sweep: enmime, GMime, SpamAssassin,
rspamd, mailpit, staktrace/mailparse, verdammelt/tnef, msg_parser). Each
file is written here from scratch in the real file's structure; none is
copied. Stdlib only; all personal data is fake.

    python3 tests/gen/gen_realsweep15.py OUTDIR          # all fixtures
    python3 tests/gen/gen_realsweep15.py --corpus DIR    # fuzz seeds (mime, mimedec)

Files:
  no_separator.eml   a Thunderbird multipart whose empty line after the
                     header block was lost: "This is a multi-part message
                     in MIME format." right under Content-Type, and a
                     part whose text follows its Content-Type line (enmime's
                     qp-utf8-header-no-break.raw). The probe saw a header
                     line that is no field, the file was read as HTML:
                     header encoded words raw, the base64 CSV attachment
                     (an SSN in it) never decoded. A broken fold of an
                     Exchange anti-spam field (a field follows it) stays in
                     the header
  utf16_nobom.eml    Outlook Express spam labelled charset=utf-16 with
                     little-endian text and no byte-order mark (SpamAssassin's
                     t/data/spam/utf16.eml): the Subject's encoded word and the
                     base64 body were read big-endian, CJK noise in place of
                     the words (an SSN in the body lost); a BOM-less
                     big-endian part beside it stays big-endian
  prose_base64.eml   a text part labelled base64 whose lines are words
                     (enmime's mime-bad-content-transfer-encoding.raw): it
                     was "decoded" into 3 KB of binary noise; a real base64
                     part beside it is decoded as before, and so is one
                     whose line ends in a word of junk (Stalwart's
                     thirdparty/002: white space inside, but it decodes to
                     text)
  folded_colon.eml   "From" alone on a line, its colon folded onto the next
                     (" : <...>": rspamd's phish_sender tests): the From field
                     was dropped from the text
  eword_2231_names.eml  RFC 2047 encoded words inside RFC 2231 parameter
                     sections that give no charset (Delta Chat's test mail
                     from real clients): filename*0="=?utf-8?Q?...?=";
                     filename*1="=?utf-8?Q?...?=" and a lone
                     filename*="=?utf-8?Q?...?=": the children were named
                     by the raw encoded words
"""
import base64
import os
import sys

SSN_NOSEP = "536-22-3047"
SSN_U16 = "536-22-7580"
SSN_PROSE = "536-22-1196"
PHONE_PROSE = "(415) 555-0173"
U16_SUBJECT = "Quarterly payroll adjustments"
BE_TEXT = "Big endian part reads right"


def b64lines(data, nl=b"\r\n"):
    return base64.encodebytes(data).replace(b"\n", nl)


def no_separator():
    csv = ("name,ssn,dept\r\nJane Roe,%s,Finance\r\n" % SSN_NOSEP).encode("ascii")
    return (b"Message-ID: <5081A889.3020108@mail.corp-mail.test>\r\n"
            b"Date: Fri, 19 Oct 2012 12:22:49 -0700\r\n"
            b"From: Jane Roe <jane.roe@corp-mail.test>, =?ISO-8859-1?Q?Andr=E9?= Martin"
            b" <andre.martin@corp-mail.test>\r\n"
            b"User-Agent: Mozilla/5.0 (Windows NT 6.1; WOW64; rv:16.0) Gecko/20121010 Thunderbird/16.0.1\r\n"
            b"X-MS-Exchange-AntiSpam-MessageData: q8wBHJ5o0uZJbTHRd2pQK1sKx0Yy7mRz4c3V\r\n"
            b"Lf9TgWbN2aPe6Xo1vQ==\r\n"
            b"MIME-Version: 1.0\r\n"
            b"To: =?UTF-8?Q?Miros=C5=82aw_Nowak?= <m.nowak@corp-mail.test>\r\n"
            b"Subject: =?utf-8?q?Payroll_export_=c2=a2?= for review\r\n"
            b"Content-Type: multipart/mixed;\r\n"
            b" boundary=\"------------020203040006070307010003\"\r\n"
            b"This is a multi-part message in MIME format.\r\n"
            b"--------------020203040006070307010003\r\n"
            b"Content-Type: text/plain; charset=ISO-8859-1\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n"
            b"\r\n"
            b"Andr=E9, the export is attached; please check the Finance rows before =\r\n"
            b"Friday.\r\n"
            b"--------------020203040006070307010003\r\n"
            b"Content-Type: text/plain; charset=us-ascii\r\n"
            b"The second note sits right under its Content-Type line.\r\n"
            b"--------------020203040006070307010003\r\n"
            b"Content-Type: text/csv; name=\"export.csv\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n"
            b"Content-Disposition: attachment; filename=\"export.csv\"\r\n"
            b"\r\n" + b64lines(csv) +
            b"--------------020203040006070307010003--\r\n")


def utf16_nobom():
    subj = base64.b64encode(U16_SUBJECT.encode("utf-16-le")).decode()
    body = ("\r\nDear partner,\r\nThe adjusted record for Jane Roe (SSN %s) is below.\r\n" % SSN_U16)
    return (("Message-ID: <214E0E71FF854E5E82EA205D48BF41DE@corp-mail.test>\r\n"
             "From: Powstar <sales@corp-mail.test>\r\n"
             "Subject: =?utf-16?B?%s?=\r\n"
             "Date: Thu, 08 Oct 2015 23:27:23 +0800 (CST)\r\n"
             "MIME-Version: 1.0\r\n"
             "X-Mailer: Microsoft Outlook Express 6.00.3790.4548\r\n"
             "Content-Type: multipart/alternative;\r\n"
             "\tboundary=\"----=_NextPart_000_0003_3D3227F9.133740DF\"\r\n\r\n"
             "This is a multi-part message in MIME format.\r\n\r\n"
             "------=_NextPart_000_0003_3D3227F9.133740DF\r\n"
             "Content-Type: text/plain; charset=utf-16\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" % subj).encode("ascii") +
            b64lines(body.encode("utf-16-le")) +
            b"\r\n------=_NextPart_000_0003_3D3227F9.133740DF\r\n"
            b"Content-Type: text/plain; charset=utf-16\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" +
            b64lines(BE_TEXT.encode("utf-16-be")) +
            b"\r\n------=_NextPart_000_0003_3D3227F9.133740DF--\r\n")


PROSE = ["Jane Roe asked about the payroll correction again today",
         "her SSN on file is %s and the phone is %s" % (SSN_PROSE, PHONE_PROSE),
         "please settle it before the quarter closes on Friday",
         "the remaining rows of the report are unchanged from March"]


def prose_base64():
    prose = "".join(line + "\r\n" for line in PROSE).encode("ascii")
    real = b64lines("The real base64 part: decoded as before.\r\n".encode("ascii"))
    return (b"Received: from mx1.corp-mail.test (192.0.2.50) by mx2.corp-mail.test with SMTP;\r\n"
            b" Sun, 20 Jan 2019 14:33:43 -0600\r\n"
            b"Message-ID: <rgrbhlkyhowz-zughjdb-v@corp-mail.test>\r\n"
            b"Content-Type: multipart/alternative; boundary=\"ABOUNDARY.075224149159994985\"\r\n"
            b"Subject: alert\r\n"
            b"Date: Sun, 20 Jan 2019 23:33:39 +0300\r\n"
            b"From: Payroll <payroll@corp-mail.test>\r\n"
            b"To: Jane Roe <jane.roe@corp-mail.test>\r\n"
            b"MIME-Version: 1.0\r\n\r\n"
            b"--ABOUNDARY.075224149159994985\r\n"
            b"Content-Type: text/plain; format=flowed; charset=\"UTF-8\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + prose +
            b"\r\n--ABOUNDARY.075224149159994985\r\n"
            b"Content-Type: text/plain; charset=\"utf-8\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + real +
            b"\r\n--ABOUNDARY.075224149159994985\r\n"
            b"Content-Type: text/plain; charset=\"utf-8\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" +
            base64.b64encode("Third part: base64, then junk.\n".encode("ascii")) + b" ignored\r\n"
            b"--ABOUNDARY.075224149159994985--\r\n")


def folded_colon():
    return (b"Received: by mail-lf1-f54.mail.test with SMTP id j14so14439709lfg.9\r\n"
            b"        for <sam.poe@corp-mail.test>; Mon, 27 Apr 2020 09:54:21 -0700 (PDT)\r\n"
            b"From\r\n"
            b" : Jane Roe <jane.roe@corp-mail.test>\r\n"
            b"Sender: <admin@corp-mail.test>\r\n"
            b"Date: Mon, 27 Apr 2020 19:54:10 +0300\r\n"
            b"Message-ID: <CA+1S=h4aGimA6vSBJF=t1F+5z@mail.corp-mail.test>\r\n"
            b"Subject: Fwd: invoice\r\n"
            b"To: <sam.poe@corp-mail.test>\r\n"
            b"Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n"
            b"See the forwarded invoice.\r\n")


NAME_CONT = "Gehaltsliste M\u00e4rz 2024.csv"
NAME_EXT = "Bewerber\u00fcbersicht.csv"
SSN_NAMES = "536-22-8815"


def eword_2231_names():
    csv = ("name,ssn\r\nJane Roe,%s\r\n" % SSN_NAMES).encode("ascii")
    return (b"From: Jane Roe <jane.roe@corp-mail.test>\r\n"
            b"To: hr@corp-mail.test\r\n"
            b"Subject: Test encoded-words filenames\r\n"
            b"Date: Sat, 07 Dec 2019 19:00:27 +0000\r\n"
            b"Message-ID: <Mr.XA6y3og8-az.WGbH9@corp-mail.test>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"NwkNRwaJw1M5n2xc\"\r\n\r\n"
            b"--NwkNRwaJw1M5n2xc\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
            b"Two lists attached.\r\n"
            b"--NwkNRwaJw1M5n2xc\r\n"
            b"Content-Type: text/csv\r\n"
            b"Content-Disposition: attachment; filename*0=\"=?utf-8?Q?Gehaltsliste_M=C3=A4rz?=\";\r\n"
            b"  filename*1=\"=?utf-8?Q?_2024=2Ecsv?=\";\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + b64lines(csv) +
            b"--NwkNRwaJw1M5n2xc\r\n"
            b"Content-Type: text/csv\r\n"
            b"Content-Disposition: attachment;\r\n"
            b" filename*=\"=?utf-8?Q?Bewerber=C3=BCbersicht=2Ecsv?=\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + b64lines(csv) +
            b"--NwkNRwaJw1M5n2xc--\r\n")


def files():
    return {
        "no_separator.eml": no_separator(),
        "utf16_nobom.eml": utf16_nobom(),
        "prose_base64.eml": prose_base64(),
        "folded_colon.eml": folded_colon(),
        "eword_2231_names.eml": eword_2231_names(),
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


def corpus(outdir):
    """Fuzz seeds: every file for mime and for mimedec."""
    for sub in ("mime", "mimedec"):
        d = os.path.join(outdir, sub)
        os.makedirs(d, exist_ok=True)
        for n, data in files().items():
            with open(os.path.join(d, "realsweep15_" + n), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        generate(sys.argv[1] if len(sys.argv) > 1 else ".")
