#!/usr/bin/env python3
"""Mail saved one message per file. Apple Mail .emlx fixtures, the way
Mail.app stores a message: the
message's length in bytes on the first line (padded with spaces to ten
columns), the RFC 5322 message built by Python's email package, then
Mail.app's XML property list (flags, date-sent, remote id). Also a
message saved with its mbox "From " line (saved.eml) and the same bytes
as a mailbox (cut.mbox).

    python3 gen_emlx.py OUTDIR      # writes the files of CASES below

Planted values (fake): SSN_BODY in a base64 body, CARD_ATTACH in a base64
text attachment, SSN_CUT in a message whose file is cut short.
"""
import email.message
import email.policy
import os
import plistlib
import sys

SSN_BODY = "536-22-1874"
CARD_ATTACH = "4556 7375 8689 9855"
SSN_CUT = "523-44-6712"
SSN_TAIL = "401-55-2870"


FROM_SAVED = (b"From - Mon Jan  5 10:00:00 2015\nFrom: Alice Example <alice@corp.example>\n"
              b"To: bob@corp.example\nSubject: saved\n\n")


def message(body, attachment=None, crlf=False):
    m = email.message.EmailMessage(policy=email.policy.SMTP if crlf else email.policy.default)
    m["From"] = "Alice Example <alice@corp.example>"
    m["To"] = "Bob Example <bob@corp.example>"
    m["Subject"] = "payroll"
    m["Date"] = "Mon, 05 Jan 2015 10:00:00 +0000"
    m["Message-ID"] = "<1234.5678@corp.example>"
    m.set_content(body, cte="base64")
    if attachment:
        name, data = attachment
        m.add_attachment(data, maintype="text", subtype="plain", filename=name)
    return m.as_bytes()


def plist(flags=8590195713):
    return plistlib.dumps({"date-sent": 1420452000.0, "flags": flags, "remote-id": "4711"},
                          fmt=plistlib.FMT_XML)


def emlx(msg, tail=None, count=None):
    n = len(msg) if count is None else count
    return ("%-10d\n" % n).encode() + msg + (plist() if tail is None else tail)


def cases():
    body = "Hello Bob,\nthe new hire's SSN is %s.\n" % SSN_BODY
    full = message(body)
    return {
        # a message whose text is only in base64: read through its MIME
        "1001.emlx": emlx(full),
        # an attachment: a grandchild
        "1002.emlx": emlx(message("see attached", ("cards.txt", ("card %s\n" % CARD_ATTACH).encode()))),
        # CRLF line breaks (a message as the server sent it)
        "1003.emlx": emlx(message(body, crlf=True)),
        # the name lost (recovered from unallocated space): the content says emlx
        "recovered-0004": emlx(full),
        # cut short: the first line promises more than the file holds
        "1005.partial.emlx": emlx(message("cut here, SSN %s\n" % SSN_CUT + "x" * 400))[:-600],
        # something other than a property list after the message
        "1006.emlx": emlx(full, tail=("\nnot a plist, SSN %s\n" % SSN_TAIL).encode()),
        # a message saved with its "From " line (mutt, Thunderbird) whose
        # last line has no line break: whole as an .eml, cut as a mailbox
        "saved.eml": FROM_SAVED + ("SSN %s end" % SSN_BODY).encode(),
        "cut.mbox": FROM_SAVED + ("SSN %s end" % SSN_BODY).encode(),
        # a text that opens with a number and a field is not an emlx
        "notes.txt": b"42\nAgenda: budget review\nSSN %s is in the HR file.\n" % SSN_BODY.encode(),
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_emlx.py OUTDIR\n")
        return 2
    os.makedirs(argv[1], exist_ok=True)
    for name, data in cases().items():
        with open(os.path.join(argv[1], name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
