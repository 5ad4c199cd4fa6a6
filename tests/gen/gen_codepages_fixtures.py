#!/usr/bin/env python3
"""Fixtures in legacy code pages (issues #4 and #5), single-byte and CJK.

Usage:
    gen_codepages_fixtures.py OUTDIR              fixtures for tests/e2e/test_codepages.py
    gen_codepages_fixtures.py --corpus FUZZDIR    small seeds into FUZZDIR/{rtf,rtf_parse,html,mime,mimedec,msg}/

Every file holds text that reads correctly only when decoded in its own
code page (Cyrillic, Polish, Greek), next to an e-mail address the scan
must still find. Bytes are made with Python's codecs, the same source the
C tables come from (scripts/gen_codepages.py), so a wrong table or a wrong
code page choice shows as wrong text. The CJK fixtures (Shift_JIS,
ISO-2022-JP, EUC-JP, GBK, Big5, EUC-KR) hold Japanese, Chinese and Korean
text next to an address. All addresses are fake.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402

RU = "Привет, мир! Пишите нам"
RU_EMAIL = "ivan.petrov@example.ru"
PL = "Zażółć gęślą jaźń"
PL_EMAIL = "jan.kowalski@example.pl"
GR = "Καλημέρα Αθήνα"
GR_EMAIL = "nikos@example.gr"
KOI = "Секретный отчёт по зарплате"
KOI_EMAIL = "olga.smirnova@example.ru"
MSG_SUBJECT = "Отчёт для бухгалтерии"
MSG_EMAIL = "buh@example.ru"
PROPS_TITLE = "Служебная записка"
PROPS_AUTHOR = "Сергей Иванов"
JA = "日本語のメール、ｶﾀｶﾅ"
JA_SUBJECT = "【極秘】給与明細のお知らせ"
JA_EMAIL = "tanaka.taro@example.co.jp"
JA2 = "ソニー・ピクチャーズ 社外秘"
JA2_EMAIL = "yamada@example.jp"
ZH = "你好，世界！请联系"
ZH_EMAIL = "wang.wei@example.cn"
ZH_TW = "機密文件 請聯絡"
ZH_TW_EMAIL = "chen@example.tw"
KO = "안녕하세요 연락처"
KO_EMAIL = "kim.minsu@example.kr"
HANJA = "大韓民國 漢字"


def rtf_hex(text, codec):
    """text as RTF: ASCII as is, everything else as \\'hh in codec."""
    out = []
    for ch in text:
        if ord(ch) < 0x80 and ch not in "\\{}":
            out.append(ch)
        else:
            out.extend("\\'%02x" % b for b in ch.encode(codec))
    return "".join(out)


def rtf_ansicpg():
    body = rtf_hex(RU, "cp1251")
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fnil\\fcharset204 Arial;}}\n"
            "{\\info{\\title " + rtf_hex("Письмо", "cp1251") + "}}\n"
            "\\pard " + body + ": " + RU_EMAIL + "\\par\n}").encode("ascii")


def rtf_fonts():
    """A 1252 document whose fonts carry other charsets (Word does this for
    mixed-script text)."""
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}"
            "{\\f1\\froman\\fcharset238{\\*\\panose 02020603050405020304} Times New Roman CE;}"
            "{\\f2\\fswiss\\fcharset204 Arial Cyr;}{\\f3\\fswiss\\fcharset161 Arial Greek;}}\n"
            "\\pard\\f0 caf" + rtf_hex("é", "cp1252") + " {\\f1 " + rtf_hex(PL, "cp1250") + "} "
            + PL_EMAIL + "\\par\n"
            "{\\f2 " + rtf_hex(RU, "cp1251") + "}\\par\n"
            "\\f3 " + rtf_hex(GR, "cp1253") + " " + GR_EMAIL + "\\par\n}").encode("ascii")


def rtf_sjis():
    """A Shift-JIS font (\\fcharset128) used with bare \\'hh pairs."""
    return ("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fcharset0 Arial;}{\\f1\\fcharset128 MS Mincho;}}"
            "\\f1 " + rtf_hex("日本語", "shift_jis") + "\\f0  sato@example.jp\\par}").encode("ascii")


def html_1251():
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"windows-1251\">"
            "<title>Письмо</title></head>\n<body><p>" + RU + ": " + RU_EMAIL + "</p></body></html>\n")
    return page.encode("cp1251")


def html_greek():
    page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-7\">"
            "</head><body><p>" + GR + " " + GR_EMAIL + "</p></body></html>\n")
    return page.encode("iso8859_7")


def html_gb2312():
    page = ("<html><head><meta charset=\"gb2312\"></head><body><p>" + "中文" +
            " li@example.cn</p></body></html>\n")
    return page.encode("gb2312")


def html_unsupported():
    """A charset with no table (UTF-7): noted, ASCII survives."""
    page = ("<html><head><meta charset=\"utf-7\"></head><body><p>+AGQ- li@example.cn \xe9</p>"
            "</body></html>\n")
    return page.encode("latin-1")


def html_euckr():
    page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"
            "<title>" + KO + "</title></head><body><p>" + KO + " " + KO_EMAIL + "</p>"
            "<p>" + HANJA + "</p></body></html>\n")
    return page.encode("cp949")


def html_iso2022jp():
    """7-bit ISO-2022-JP: valid UTF-8 byte-wise, decoded for its label."""
    page = ("<html><head><meta charset=\"ISO-2022-JP\"></head><body><p>" + JA2 + " " + JA2_EMAIL +
            "</p></body></html>\n")
    return page.encode("iso2022_jp")


def html_gbk():
    page = ("<html><head><meta charset=\"GBK\"></head><body><p>" + ZH + " " + ZH_EMAIL +
            "</p></body></html>\n")
    return page.encode("gbk")


def rtf_cjk_fonts():
    """GBK, Big5 and Hangul fonts in one document, as Word writes them."""
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fcharset0 Arial;}"
            "{\\f1\\fcharset134 SimSun;}{\\f2\\fcharset136 MingLiU;}{\\f3\\fcharset129 Gulim;}}\n"
            "\\pard{\\f1 " + rtf_hex(ZH, "gbk") + "} " + ZH_EMAIL + "\\par\n"
            "{\\f2 " + rtf_hex(ZH_TW, "cp950") + "} " + ZH_TW_EMAIL + "\\par\n"
            "{\\f3 " + rtf_hex(KO, "cp949") + "} " + KO_EMAIL + "\\par\n}").encode("ascii")


def cjk_words():
    """RFC 2047 words in every CJK charset (fuzz_mimedec seed)."""
    import base64
    out = []
    for cs, codec, text in (("ISO-2022-JP", "iso2022_jp", JA_SUBJECT), ("Shift_JIS", "cp932", JA),
                            ("EUC-JP", "euc_jp", JA2), ("GB2312", "gbk", ZH), ("Big5", "cp950", ZH_TW),
                            ("EUC-KR", "cp949", KO), ("gb18030", "gb18030", "\u20ac\U0001F600")):
        out.append("=?%s?B?%s?= <x@y.jp>" % (cs, base64.b64encode(text.encode(codec)).decode()))
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def eml_japanese():
    """Japanese mail as mailers send it: ISO-2022-JP RFC 2047 subject and
    From name, a Shift_JIS 8bit body, an ISO-2022-JP 7bit part and an
    EUC-JP quoted-printable HTML part."""
    import base64
    subj = base64.b64encode(JA_SUBJECT.encode("iso2022_jp")).decode()
    name = base64.b64encode("田中太郎".encode("iso2022_jp")).decode()
    html = ("<html><body><p>" + JA2 + " " + JA2_EMAIL + "</p></body></html>").encode("euc_jp")
    qp = "".join(chr(b) if 0x20 <= b < 0x7F and b != 0x3D else "=%02X" % b for b in html)
    head = ("From: =?ISO-2022-JP?B?" + name + "?= <" + JA_EMAIL + ">\r\n"
            "To: " + JA2_EMAIL + "\r\n"
            "Subject: =?ISO-2022-JP?B?" + subj + "?=\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n")
    body = (b"--b1\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" +
            (JA + "\r\n連絡先: " + JA_EMAIL + "\r\n").encode("cp932") +
            b"--b1\r\nContent-Type: text/plain; charset=\"iso-2022-jp\"\r\n"
            b"Content-Transfer-Encoding: 7bit\r\n\r\n" +
            (JA2 + "\r\n" + JA2_EMAIL + "\r\n").encode("iso2022_jp") +
            b"--b1\r\nContent-Type: text/html; charset=EUC-JP\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.encode("ascii") +
            b"\r\n--b1--\r\n")
    return head.encode("ascii") + body


def html_utf8_mislabelled():
    """Valid UTF-8 under a windows-1251 label: the bytes win."""
    page = ("<html><head><meta charset=\"windows-1251\"></head><body><p>" + RU + " " + RU_EMAIL +
            "</p></body></html>\n")
    return page.encode("utf-8")


def xhtml_decl():
    """XHTML whose only declaration is the XML one."""
    page = ("<?xml version=\"1.0\" encoding=\"windows-1250\"?>\n"
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>" + PL +
            " " + PL_EMAIL + "</p></body></html>\n")
    return page.encode("cp1250")


def eml_koi8():
    """koi8-r 8bit body, RFC 2047 iso-8859-2 subject, and a windows-1251
    quoted-printable HTML alternative."""
    subject_bytes = PL.encode("iso8859_2")
    q = "".join(chr(b) if (0x30 <= b < 0x7F and chr(b) not in "=?_") else
                ("_" if b == 0x20 else "=%02X" % b) for b in subject_bytes)
    html = ("<html><body><p>" + RU + " " + RU_EMAIL + "</p></body></html>").encode("cp1251")
    qp = "".join(chr(b) if 0x20 <= b < 0x7F and b != 0x3D else "=%02X" % b for b in html)
    head = ("From: =?koi8-r?B?" + __import__("base64").b64encode("Ольга".encode("koi8_r")).decode() +
            "?= <" + KOI_EMAIL + ">\r\n"
            "To: " + PL_EMAIL + "\r\n"
            "Subject: =?iso-8859-2?Q?" + q + "?=\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n")
    body = (b"--b1\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            (KOI + ": " + KOI_EMAIL + "\r\n").encode("koi8_r") +
            b"--b1\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.encode("ascii") + b"\r\n--b1--\r\n")
    return head.encode("ascii") + body


def msg_1251(codepage=1251, codec="cp1251"):
    """An Outlook message with 8-bit (PT_STRING8) properties in code page
    1251 (PR_MESSAGE_CODEPAGE) and an HTML body in PR_INTERNET_CPID."""
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    strings = {0x0037: MSG_SUBJECT, 0x0C1A: "Бухгалтерия", 0x0C1F: MSG_EMAIL,
               0x1000: RU + ": " + MSG_EMAIL + "\r\n"}
    fixed = b""
    for pid, val in strings.items():
        data = val.encode(codec) + b"\0"
        w.add_stream("__substg1.0_%04X001E" % pid, data)
        fixed += struct.pack("<IIQ", (pid << 16) | 0x001E, 6, len(data))
    html = ("<html><body><p>" + KOI + " html.cp@example.ru</p></body></html>").encode(codec)
    w.add_stream("__substg1.0_10130102", html)
    fixed += struct.pack("<IIQ", (0x1013 << 16) | 0x0102, 6, len(html))
    fixed += struct.pack("<IIII", 0x3FFD0003, 6, codepage, 0)   # PR_MESSAGE_CODEPAGE
    fixed += struct.pack("<IIII", 0x3FDE0003, 6, codepage, 0)   # PR_INTERNET_CPID
    w.add_stream("__properties_version1.0", b"\0" * 32 + fixed)
    return w.build()[0]


def summary_1251():
    """A SummaryInformation stream, code page 1251 (PID 1), VT_LPSTR."""
    def lpstr(s):
        b = s.encode("cp1251") + b"\0"
        b = struct.pack("<HHI", 0x1E, 0, len(b)) + b
        return b + b"\0" * (-len(b) % 4)
    fmtid = bytes.fromhex("E0859FF2F94F6810AB9108002B27B3D9")
    props = [(1, struct.pack("<HHhxx", 2, 0, 1251)), (2, lpstr(PROPS_TITLE)), (4, lpstr(PROPS_AUTHOR))]
    head = 8 + 8 * len(props)
    body, idx, off = b"", b"", head
    for pid, val in props:
        idx += struct.pack("<II", pid, off)
        body += val
        off += len(val)
    pset = struct.pack("<II", off, len(props)) + idx + body
    return (struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\0" * 16 + struct.pack("<I", 1) + fmtid +
            struct.pack("<I", 48) + pset)


def props_cfb():
    w = CFBWriter()
    w.add_stream("\x05SummaryInformation", summary_1251())
    w.add_stream("Contents", b"\0" * 64)
    return w.build()[0]


# Japanese text files without a BOM or label, as Japanese Windows (Shift_JIS)
# and Unix (EUC-JP) write them: a staff export and a memo. Read as
# Windows-1252 their labels (電話, 生年月日) were lost.
JA_CSV_HEAD = "社員番号,氏名,電話番号,生年月日,メール"
JA_CSV_ROW = "J-20114,山田 花子,03-5412-7730,1979年4月12日,hanako.yamada@example.co.jp"
JA_MEMO = "人事部からのお知らせ\n佐藤 健の生年月日：1984年11月23日\n携帯：090-4418-2271\n"
DE_MEMO = "Müller für Größe, Straße 5, Überweisung an Jürgen Weiß\n"


def sjis_csv():
    return ("\r\n".join([JA_CSV_HEAD, JA_CSV_ROW, "J-20115,鈴木 一郎,06-6201-3344,1968年1月5日,ichiro.suzuki@example.co.jp"])
            + "\r\n").encode("cp932")


def eucjp_memo():
    return JA_MEMO.encode("euc_jp")


# Windows-1252 English whose only high bytes are curly apostrophes inside
# words: 0x92 + a letter is a valid Shift_JIS pair with a kanji lead
# (review4: read as Shift_JIS, "O’Brien" was "O達rien" and the quoted
# address lost its first letter)
EN_MEMO = "Customer O’Brien said it’s done, we’ll call back.\n"
EN_CONTACT = "Contact: ‘maria.lopez@example.com’\n"


def english_cp1252():
    # the quoted address past the 64 KiB the encoding is judged on
    return (EN_MEMO * 1400 + EN_CONTACT).encode("cp1252")


def german_cp1252():
    # every accented letter here is followed by a letter: valid Shift_JIS
    # pairs, but no kana, so Windows-1252 it stays
    return (DE_MEMO * 3).encode("cp1252")


def files():
    return {
        "staff_sjis.csv": sjis_csv(),
        "memo_eucjp.txt": eucjp_memo(),
        "memo_de.txt": german_cp1252(),
        "memo_en.txt": english_cp1252(),
        "cyr.rtf": rtf_ansicpg(),
        "fonts.rtf": rtf_fonts(),
        "sjis.rtf": rtf_sjis(),
        "cyr.html": html_1251(),
        "greek.html": html_greek(),
        "gb.html": html_gb2312(),
        "utf7.html": html_unsupported(),
        "euckr.html": html_euckr(),
        "gbk.html": html_gbk(),
        "jis.html": html_iso2022jp(),
        "cjk.rtf": rtf_cjk_fonts(),
        "ja.eml": eml_japanese(),
        "koi8.eml": eml_koi8(),
        "cp1251.msg": msg_1251(),
        "cp932.msg": msg_1251(932, "shift_jis"),
        "utf8_label1251.html": html_utf8_mislabelled(),
        "decl1250.xhtml": xhtml_decl(),
        "props1251.ole": props_cfb(),
    }


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def write_corpus(fuzzdir):
    seeds = {
        "rtf": {"cp_ansicpg1251.rtf": rtf_ansicpg(), "cp_fcharset.rtf": rtf_fonts(),
                "cp_sjis.rtf": rtf_sjis(), "cp_cjk.rtf": rtf_cjk_fonts()},
        "rtf_parse": {"cp_ansicpg1251.rtf": rtf_ansicpg(), "cp_fcharset.rtf": rtf_fonts(),
                      "cp_sjis.rtf": rtf_sjis(), "cp_cjk.rtf": rtf_cjk_fonts()},
        "html": {"cp_meta1251.html": html_1251(), "cp_httpequiv.html": html_greek(),
                 "cp_euckr.html": html_euckr(), "cp_gbk.html": html_gbk(),
                 "cp_jis.html": html_iso2022jp()},
        "mime": {"cp_koi8.eml": eml_koi8(), "cp_ja.eml": eml_japanese()},
        "mimedec": {"cp_cjk_words.txt": cjk_words()},
        "msg": {"cp_1251.msg": msg_1251(), "cp_932.msg": msg_1251(932, "shift_jis")},
        "text": {"cp_sjis.csv": sjis_csv(), "cp_eucjp.txt": eucjp_memo(), "cp_de.txt": german_cp1252(),
                 "cp_en.txt": english_cp1252()},
        "csv": {"cp_sjis.csv": sjis_csv()},
    }
    for target, fs in seeds.items():
        d = os.path.join(fuzzdir, target)
        os.makedirs(d, exist_ok=True)
        for name, data in fs.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        write_corpus(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
