#!/usr/bin/env python3
"""Mail fixtures for what the twentieth session's sweep of real mail found
(docs/formats.md, Mail section, "Recall against references"). Stdlib only.

    python3 tests/gen/gen_mail20.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mail20.py --corpus DIR    # fuzz seeds (pst, msg)

Files (all PII fake):
  dlist.pst    a contacts folder with a distribution list (IPM.DistList)
               whose members are one-off entry ids in multi-valued binary
               properties (PidLidDistributionListOneOffMembers, a Unicode
               and an 8-bit one), and a contact with multi-valued strings
               (PT_MV_UNICODE categories): java-libpst's dist-list.pst had
               its members' names and addresses read by no one
  dlist.msg    the same list saved as an Outlook .msg (one stream per value:
               "__substg1.0_IIIITTTT-NNNNNNNN"), with a multi-valued 8-bit
               string; MSGReader's EmailWith2Attachments.msg and
               EmailWithSpecialCharsInSubject.msg carry such values
  dlist.tnef   the list as a winmail.dat: the members in a named
               PT_MV_BINARY of attMAPIProps (multi-valued strings were
               read already, binaries not)
  bare_from    a mailbox (no extension) whose separators are bare "From "
               lines, no sender and no date, as Thunderbird's test folders
               and jsmime's saved messages have them; a body line "From "
               followed by prose does not split it. It was read as text
               (or HTML), its base64 attachment undecoded
"""
import base64
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
import gen_mail_real  # noqa: E402  (its .msg property writer)
import gen_pst  # noqa: E402
import gen_realmail  # noqa: E402  (its TNEF attribute writer)

ONEOFF_UID = bytes.fromhex("812B1FA4BEA310199D6E00DD010F5402")
MEMBERS = [("Jane Roe", "jane.roe@corp-mail.test", True),
           ("Jürgen Müller", "j.mueller@corp-mail.test", False)]
SSN_CAT = "536-22-1874"   # in a multi-valued string (a category)
CATEGORIES = ["Payroll", "Vendor SSN %s" % SSN_CAT]
KEYWORD8 = "Gehälter Q3"  # a multi-valued 8-bit string (windows-1252)
PID_ONEOFF = 0x8054       # PidLidDistributionListOneOffMembers, as mapped in dist-list.pst
PID_CATS = 0x8101         # a named PT_MV_UNICODE


def oneoff(name, addr, unicode):
    """A one-off entry id ([MS-OXCDATA] 2.2.5.1): MAPI_ONE_OFF_UNICODE is
    0x8000 of the flags word (little-endian), 0x0001 no rich info."""
    flags = 0x8001 if unicode else 0x0001
    enc = (lambda s: s.encode("utf-16-le") + b"\0\0") if unicode else (lambda s: s.encode("cp1252") + b"\0")
    return b"\0\0\0\0" + ONEOFF_UID + struct.pack("<HH", 0, flags) + enc(name) + enc("SMTP") + enc(addr)


def dlist_pst():
    members = [oneoff(n, a, u) for n, a, u in MEMBERS]
    dl = {"subject": "Payroll team", "class": "IPM.DistList",
          "raw": [(PID_ONEOFF, 0x1102, gen_pst.mv_value(members))]}
    contact = {"subject": "Roe, Jane", "class": "IPM.Contact",
               "strings": {0x3001: "Jane Roe"},
               "raw": [(PID_CATS, 0x101F, gen_pst.mv_value([c.encode("utf-16-le") for c in CATEGORIES]))]}
    spec = {"folders": [{"name": "Contacts", "class": "IPF.Contact", "messages": [dl, contact]}]}
    return gen_pst.build_bytes(spec, "permute")


def mv_streams(w, pid, ptype, values):
    """[MS-OXMSG] 2.1.4.2.2: a length stream (8 bytes per value; for strings
    the length with its terminator) and one stream per value."""
    w.add_stream("__substg1.0_%04X%04X" % (pid, ptype),
                 b"".join(struct.pack("<II", len(v), 0) for v in values))
    for i, v in enumerate(values):
        w.add_stream("__substg1.0_%04X%04X-%08X" % (pid, ptype, i), v)


def dlist_msg():
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    gen_mail_real.msg_props(w, "", {0x001A: "IPM.DistList", 0x0037: "Payroll team"}, {}, 32)
    mv_streams(w, PID_ONEOFF, 0x1102, [oneoff(n, a, u) for n, a, u in MEMBERS])
    mv_streams(w, PID_CATS, 0x101F, [c.encode("utf-16-le") + b"\0\0" for c in CATEGORIES])
    mv_streams(w, 0x8102, 0x101E, [KEYWORD8.encode("cp1252") + b"\0"])  # no code page: windows-1252
    return w.build()[0]


PSETID_ADDRESS = bytes.fromhex("0420060000000000C000000000000046")


def dlist_tnef():
    r = gen_realmail
    members = [oneoff(n, a, u) for n, a, u in MEMBERS]
    mv = struct.pack("<HH", 0x1102, PID_ONEOFF) + PSETID_ADDRESS + struct.pack("<II", 0, PID_ONEOFF)
    mv += struct.pack("<I", len(members))
    for m in members:
        mv += struct.pack("<I", len(m)) + m + b"\0" * (-len(m) % 4)
    plist = r.props([(r.PT_UNICODE, 0x1000, r.utf16z("Members below."))])
    plist = struct.pack("<I", 2) + plist[4:] + mv
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += r.attr(1, 0x00089006, struct.pack("<I", 0x00010000))
    out += r.attr(1, 0x00078008, b"IPM.DistList\0")
    out += r.attr(1, 0x00018004, b"Payroll team\0")
    out += r.attr(1, 0x00069003, plist)
    return out


SSN_ATT = "212-09-7903"   # in bare_from's base64 attachment
BARE_BODY = "Earlier versions did not quote this:"


def bare_from():
    att = base64.encodebytes(("name,ssn\nJohn Roe,%s\n" % SSN_ATT).encode()).decode()
    one = ("From \nFrom: Author <author@corp-mail.test>\nTo: Payroll <payroll@corp-mail.test>\n"
           "Subject: Staff list\nDate: Wed, 22 Aug 2005 17:20:08 +0000\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n"
           "%s\nFrom \nThis could cause problems, if a reader splits here.\n\n--b1\n"
           "Content-Type: text/csv; name=\"staff.csv\"\nContent-Transfer-Encoding: base64\n"
           "Content-Disposition: attachment; filename=\"staff.csv\"\n\n%s--b1--\n\n" % (BARE_BODY, att))
    two = ("From \nFrom: Author <author@corp-mail.test>\nTo: Recipient <recipient@corp-mail.test>\n"
           "Subject: Second\nDate: Thu, 23 Aug 2005 11:17:43 +0000\n\nThis is the second body.\n")
    return (one + two).encode()


FILES = {
    "bare_from": bare_from,
    "dlist.pst": dlist_pst,
    "dlist.msg": dlist_msg,
    "dlist.tnef": dlist_tnef,
}


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, fn in FILES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(fn())
    return sorted(FILES)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        generate(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
