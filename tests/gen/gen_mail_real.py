#!/usr/bin/env python3
"""Small mail files for the text-loss classes found by comparing leaksift
with independent readers on real mail (docs/formats.md, Mail section,
"Recall against references"). Stdlib only.

    python3 tests/gen/gen_mail_real.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mail_real.py --corpus DIR    # fuzz seeds (mime)

Files (all PII fake):
  html_utf8_stray.eml   text/html declared UTF-8 (quoted-printable) with one
                        byte that is not UTF-8 in the middle: the HTML
                        converter read all of it as windows-1252 (spamscope
                        mail_test_6: a Russian newsletter as mojibake)
  gb2312_is_utf8.eml    text/plain labelled gb2312 whose bytes are UTF-8
                        (spamscope mail_test_12), and an iso-8859-1 one
  dated.msg             an Outlook message with PidTagClientSubmitTime and
                        an embedded message with only
                        PidTagMessageDeliveryTime (PT_SYSTIME in
                        __properties_version1.0): no date was read
                        (msgreader gives one for every real .msg)
  dated.pst             gen_pst.py's smallest store: its message has
                        submit and delivery times (readpst writes Date:)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
import gen_pst  # noqa: E402

HTML_RU = "Профессионалы ведущая деловая сеть России"
HTML_TAIL = "Контакты сотрудника Иванов"
CN_TEXT = "你好！我公司可代开各类增值税发票，电话：13662615434张经理"
DE_TEXT = "Jürgen Schmürgen überweist die Gehälter"


def qp(data):
    out, line = [], ""
    for b in data:
        c = chr(b)
        tok = c if (33 <= b <= 126 and c != "=") or c == " " else "=%02X" % b
        if len(line) + len(tok) > 72:
            out.append(line + "=")
            line = ""
        line += tok
    out.append(line)
    return "\r\n".join(out).encode("ascii")


def head(subject, ctype, cte):
    return ("From: Nadia Petrova <nadia.petrova@example.com>\r\n"
            "To: hr@example.com\r\nSubject: %s\r\n"
            "Date: Sat, 15 Jul 2017 12:18:41 +0300\r\nMIME-Version: 1.0\r\n"
            "Content-Type: %s\r\nContent-Transfer-Encoding: %s\r\n\r\n" % (subject, ctype, cte)).encode("ascii")


def html_utf8_stray():
    body = ("<html><body><p>%s</p><p>broken \xd1 here</p><p>%s: nadia.petrova@example.com</p></body></html>"
            % (HTML_RU, HTML_TAIL))
    raw = body.encode("utf-8").replace("\xd1 here".encode("utf-8"), b"\xd1 here")
    return head("newsletter", "text/html; charset=UTF-8", "quoted-printable") + qp(raw) + b"\r\n"


def gb2312_is_utf8():
    return (b"From: sales@example.com\r\nTo: a@example.com\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            b"Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + CN_TEXT.encode("utf-8") + b"\r\n--b1\r\n"
            b"Content-Type: text/plain; charset=\"iso-8859-1\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + DE_TEXT.encode("utf-8") + b"\r\n--b1--\r\n")


SUBMIT_DATE = "Tue, 14 Feb 2017 23:50:57 +0000"
DELIVERY_DATE = "Wed, 01 Mar 2017 08:05:09 +0000"
PST_DATE = "Mon, 02 Mar 2026 10:00:00 +0000"  # gen_pst.FILETIME


def filetime(unix):
    return (unix + 11644473600) * 10000000


def msg_props(w, prefix, strings, times, header_len):
    fixed = b""
    for pid, val in strings.items():
        data = val.encode("utf-16-le") + b"\0\0"
        w.add_stream("%s__substg1.0_%04X001F" % (prefix, pid), data)
        fixed += struct.pack("<IIQ", (pid << 16) | 0x001F, 6, len(data))
    for pid, unix in times.items():
        fixed += struct.pack("<IIQ", (pid << 16) | 0x0040, 6, filetime(unix))
    w.add_stream(prefix + "__properties_version1.0", b"\0" * header_len + fixed)


def dated_msg():
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    msg_props(w, "", {0x001A: "IPM.Note", 0x0037: "Quarterly payroll", 0x1000: "See the attached."},
              {0x0039: 1487116257, 0x0E06: 1487116300, 0x3007: 1000000000}, 32)
    p = "__attach_version1.0_#00000000/"
    msg_props(w, p, {0x3001: "Forwarded"}, {}, 8)
    w.add_storage(p + "__substg1.0_3701000D")
    msg_props(w, p + "__substg1.0_3701000D/", {0x001A: "IPM.Note", 0x0037: "Forwarded", 0x1000: "inner"},
              {0x0E06: 1488355509}, 24)
    return w.build()[0]


def dated_pst():
    return gen_pst.build_bytes(gen_pst.mini_spec())


FILES = {
    "html_utf8_stray.eml": html_utf8_stray,
    "gb2312_is_utf8.eml": gb2312_is_utf8,
    "dated.msg": dated_msg,
    "dated.pst": dated_pst,
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
