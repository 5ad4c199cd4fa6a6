#!/usr/bin/env python3
"""Small PDF and mail files for the eighteenth session's PDF and mail work
(docs/formats.md, Mail and PDF sections). Each file is written here from
scratch in the real file's structure; none is copied. Stdlib only (and the
other generators here); all personal data is fake.

    python3 tests/gen/gen_mailpdf18.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mailpdf18.py --corpus DIR    # fuzz seeds (mime, pst, pdf)

Files:
  cjk_japan1.pdf   a Type0 font over Adobe-Japan1 CIDs (Identity-H, not
                   embedded, no ToUnicode: Distiller's Ryumin-Light): kanji
                   and kana, an SSN in CIDs 1-95 (ASCII) and an address in
                   the collection's half-width Latin CIDs (231-325). Only
                   CIDs 1-95 were read (the rest U+FFFD, unsupported); now
                   through poppler-data's CID-to-Unicode table
  cjk_gb1.pdf      the same over Adobe-GB1 (Identity-V: vertical writing)
  cjk_korea1.pdf   the same over Adobe-Korea1, its address in the
                   collection's full-width Latin CIDs (8094-8188)
  cjk_utf8.pdf     a Type0 font with the predefined UniJIS-UTF8-H CMap and
                   no ToUnicode: its codes are UTF-8 (one to four bytes);
                   they were split into 2-byte CIDs (U+FFFD, unsupported,
                   the ASCII shifted: "SSN" read as "sS")
  cjk_utf32.pdf    the same with UniGB-UTF32-H: 4-byte UTF-32BE codes
  cut_header.eml   a message cut inside a header field: its last line, with
                   no line end, leaves the boundary's quoted string open;
                   it read `full`
  header_only.eml  the same header block, no body (RFC 5322 3.5: a body is
                   optional), its last field whole without a line end (as
                   rspamd's rcvd7.eml is saved): `full`
  cut_b64.eml      a single-part message whose base64 body (a CSV) ends
                   inside a 4-character group: the rest of the file is
                   missing; it read `full`
  padded_b64.eml   the same body whole (a last group with '=' padding):
                   `full`
  fwd_headers.eml  a multipart whose message/rfc822 part is a header block
                   alone, its last field's line end the delimiter's
                   (RFC 2046 5.1.1): `full`, not cut
  cut_store.pst    a PST (tests/gen/gen_pst.py) cut short of the end its
                   header's ibFileEof names ([MS-PST] 2.2.2.5): libpff
                   reads every folder and message still there and said
                   nothing of the rest (`full`, every member too)
The CIDs below are those of the Adobe character collections (Adobe
Technical Notes #5078, #5079, #5093) for the few characters used.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import base64  # noqa: E402
import gen_pdf as g  # noqa: E402
import gen_pst  # noqa: E402

SSN_JP = "536-22-3197"
SSN_GB = "536-22-3208"
SSN_KR = "536-22-3219"
SSN_HDR = "536-22-3231"
SSN_B64 = "536-22-3242"
SSN_FWD = "536-22-3253"
EMAIL_JP = "taro.yamada@example.jp"
EMAIL_GB = "zhang.wei@example.cn"
EMAIL_KR = "minjun.kim@example.kr"

# Adobe-Japan1 CIDs
JAPAN1 = {"社": 2302, "員": 1211, "情": 2520, "報": 3651, "氏": 2223, "名": 3786, "山": 2177, "田": 3134,
          "太": 2848, "郎": 4064, "メ": 989, "ー": 660, "ル": 999, "東": 3174, "京": 1688, "都": 3150,
          "港": 2003, "区": 1760}
# Adobe-GB1 CIDs
GB1 = {"个": 1777, "人": 3238, "信": 3984, "息": 3855, "姓": 4000, "名": 2816, "张": 4454, "伟": 3775,
       "电": 1480, "话": 1989, "工": 1789, "资": 4647, "账": 4460, "号": 1916}
# Adobe-Korea1 CIDs
KOREA1 = {"개": 1104, "인": 2635, "정": 2687, "보": 2049, "이": 2633, "름": 1844, "김": 1251, "민": 1977,
          "준": 2739}

JP_WORDS = ["社員情報", "氏名", "山田太郎", "東京都港区", "メール"]
GB_WORDS = ["个人信息", "姓名", "张伟", "工资账号", "电话"]
KR_WORDS = ["개인정보", "이름", "김민준"]


def _cids(table, s, latin_base=0):
    """CIDs of s: table's for CJK characters; ASCII at CID ch - 31, or at
    latin_base + ch - 31 (the half- or full-width Latin forms)."""
    out = []
    for ch in s:
        if ch in table:
            out.append(table[ch])
        else:
            assert 0x20 <= ord(ch) <= 0x7e, ch
            out.append(latin_base + ord(ch) - 31)
    return b"".join(struct.pack(">H", c) for c in out)


def _write(w, path, content, fonts):
    t = g.simple_doc(w, [content], font=next(iter(fonts.values())))
    for v in w.objs.values():
        if isinstance(v, dict) and v.get("Type") == g.Name("Page"):
            v["Resources"] = {"Font": dict(fonts)}
    with open(path, "wb") as f:
        f.write(w.classic(t))


def _cjk_pdf(path, base, ordering, cmap, table, words, ssn, email, latin_base):
    w = g.Writer()
    helv = g.helvetica(w)
    desc = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType0"), "BaseFont": g.Name(base),
                  "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": ordering.encode(), "Supplement": 2},
                  "DW": 1000})
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name(base + "-" + cmap),
                  "Encoding": g.Name(cmap), "DescendantFonts": [desc]})
    lines = [" ".join(words[:2]), " ".join(words[2:]), "SSN %s" % ssn]
    c = b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
    y = 720
    for ln in lines:
        c += b"BT /J1 11 Tf 72 %d Td <%s> Tj ET\n" % (y, _cids(table, ln).hex().encode())
        y -= 20
    c += b"BT /J1 11 Tf 72 %d Td <%s> Tj ET\n" % (y, _cids(table, email, latin_base).hex().encode())
    _write(w, path, c, {"F1": helv, "J1": font})


def cjk_japan1(path):
    _cjk_pdf(path, "Ryumin-Light", "Japan1", "Identity-H", JAPAN1, JP_WORDS, SSN_JP, EMAIL_JP, 230)


def cjk_gb1(path):
    _cjk_pdf(path, "STSong-Light", "GB1", "Identity-V", GB1, GB_WORDS, SSN_GB, EMAIL_GB, 0)


def cjk_korea1(path):
    _cjk_pdf(path, "HYSMyeongJo-Medium", "Korea1", "Identity-H", KOREA1, KR_WORDS, SSN_KR, EMAIL_KR, 8093)


SSN_UTF8 = "536-22-3264"
SSN_UTF32 = "536-22-3275"
UTF8_TEXT = "社員情報 山田太郎 SSN %s taro.yamada@example.jp" % SSN_UTF8
UTF32_TEXT = "个人信息 张伟 SSN %s zhang.wei@example.cn" % SSN_UTF32


def _uni_pdf(path, base, ordering, cmap, data):
    w = g.Writer()
    helv = g.helvetica(w)
    desc = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType0"), "BaseFont": g.Name(base),
                  "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": ordering.encode(), "Supplement": 4},
                  "DW": 1000})
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name(base + "-" + cmap),
                  "Encoding": g.Name(cmap), "DescendantFonts": [desc]})
    c = (b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
         b"BT /U1 11 Tf 72 720 Td <" + data.hex().encode() + b"> Tj ET\n")
    _write(w, path, c, {"F1": helv, "U1": font})


def cjk_utf8(path):
    _uni_pdf(path, "KozMinPr6N-Regular", "Japan1", "UniJIS-UTF8-H", UTF8_TEXT.encode("utf-8"))


def cjk_utf32(path):
    _uni_pdf(path, "AdobeSongStd-Light", "GB1", "UniGB-UTF32-H", UTF32_TEXT.encode("utf-32-be"))


PDFS = (("cjk_japan1.pdf", cjk_japan1), ("cjk_gb1.pdf", cjk_gb1), ("cjk_korea1.pdf", cjk_korea1),
        ("cjk_utf8.pdf", cjk_utf8), ("cjk_utf32.pdf", cjk_utf32))


HEADER = ("From: Payroll <payroll@example.com>\r\nTo: Jane Roe <jane.roe@example.com>\r\n"
          "Subject: Your record, SSN %s\r\nDate: Mon, 4 Mar 2024 09:00:00 +0000\r\n"
          "MIME-Version: 1.0\r\n" % SSN_HDR)


def cut_header():
    return (HEADER + "Content-Type: multipart/mixed; boundary=\"=_Part_4_19").encode()


def header_only():
    return (HEADER + "X-Mailer: Microsoft Outlook 16.0").encode()


def _b64_mail():
    rows = "name,ssn,email\r\n" + "".join("Employee %d,536-22-%04d,emp%d@example.com\r\n" % (i, 3300 + i, i)
                                           for i in range(40))
    rows += "Jane Roe,%s,jane.roe@example.com\r\n" % SSN_B64
    b = base64.encodebytes(rows.encode()).decode().replace("\n", "\r\n")
    head = ("From: hr@example.com\r\nTo: audit@example.com\r\nSubject: staff list\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/csv; name=\"staff.csv\"\r\nContent-Disposition: attachment; filename=\"staff.csv\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n")
    return head, b


def cut_b64():
    head, b = _b64_mail()
    lines = b.split("\r\n")
    cut = "\r\n".join(lines[:6]) + "\r\n" + lines[6][:30]  # 6 x 76 + 30: inside a group
    return (head + cut).encode()


def padded_b64():
    head, b = _b64_mail()
    assert b.rstrip().endswith("=")
    return (head + b).encode()


def fwd_headers():
    fwd = ("Received: from mx.example.com by mail.example.com; Mon, 4 Mar 2024 08:59:00 +0000\r\n"
           "From: Jane Roe <jane.roe@example.com>\r\nSubject: SSN %s\r\n"
           "Content-Type: text/plain" % SSN_FWD)
    return ("From: postmaster@example.com\r\nTo: jane.roe@example.com\r\nSubject: Undelivered\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_r\"\r\n\r\n"
            "--=_r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
            "--=_r\r\nContent-Type: message/rfc822\r\n\r\n" + fwd + "\r\n--=_r--\r\n").encode()


def cut_store():
    """gen_pst's store with its B-tree pages first (a store that grew),
    cut 2% short: every folder and message still reads, the header still
    says the whole length."""
    data = gen_pst.build_layout(gen_pst.default_spec(), btree_first=True)[0]
    return data[:len(data) * 98 // 100]


def files():
    return {
        "cut_header.eml": cut_header(),
        "header_only.eml": header_only(),
        "cut_b64.eml": cut_b64(),
        "padded_b64.eml": padded_b64(),
        "fwd_headers.eml": fwd_headers(),
        "cut_store.pst": cut_store(),
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    for name, fn in PDFS:
        fn(os.path.join(outdir, name))


def corpus(outdir):
    """Fuzz seeds: the mail files for mime, the store for pst, the PDFs for pdf."""
    for n, data in files().items():
        d = os.path.join(outdir, "pst" if n.endswith(".pst") else "mime")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "mailpdf18_" + n), "wb") as f:
            f.write(data)
    d = os.path.join(outdir, "pdf")
    os.makedirs(d, exist_ok=True)
    for n, fn in PDFS:
        fn(os.path.join(d, "mailpdf18_" + n))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        generate(sys.argv[1] if len(sys.argv) > 1 else ".")
