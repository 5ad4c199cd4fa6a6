#!/usr/bin/env python3
"""End-to-end: text in legacy single-byte code pages comes out as the right
UTF-8 (issues #4 and #5): RTF \\ansicpg and per-font \\fcharset, HTML meta
charset, MIME body charsets and RFC 2047 words, Outlook .msg code page
properties, OLE2 property-set code pages. Fixtures from
tests/gen/gen_codepages_fixtures.py; `leaksift text` shows the text, a scan
shows findings and coverage. Also checks the generated code page tables
are current (scripts/gen_codepages.py --check).
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_codepages_fixtures as gen  # noqa: E402


class CodepageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "dump")
        gen.generate(cls.dir)
        proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])
        if proc.returncode not in (0, 1) or cls.m is None:
            raise AssertionError("scan failed (%d): %s" % (proc.returncode, proc.stderr.decode()))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def text(self, name):
        proc = lsutil.run(["text", self.path(name)])
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        return proc.stdout.decode("utf-8")  # must be UTF-8: a decode error fails

    def emails(self, name, chain=()):
        o = self.m.obj(self.path(name), chain)
        return sum(f["distinct"] for f in o["findings"] if f["entity"] == "email"), o

    def assert_full(self, o):
        self.assertEqual(o["coverage"], "full", o.get("coverage_reasons"))

    # ---- RTF ----

    def test_rtf_ansicpg(self):
        t = self.text("cyr.rtf")
        self.assertIn(gen.RU + ": " + gen.RU_EMAIL, t)
        self.assertIn("Письмо", t)          # \info title too
        self.assertNotIn("Ïðèâåò", t)       # what cp1252 made of it
        n, o = self.emails("cyr.rtf")
        self.assertEqual(n, 1)
        self.assert_full(o)

    def test_rtf_fcharset_per_font(self):
        t = self.text("fonts.rtf")
        self.assertIn("café " + gen.PL + " " + gen.PL_EMAIL, t)
        self.assertIn(gen.RU, t)
        self.assertIn(gen.GR + " " + gen.GR_EMAIL, t)
        n, o = self.emails("fonts.rtf")
        self.assertEqual(n, 2)
        self.assert_full(o)

    def test_rtf_shift_jis_font(self):
        # \fcharset128 with \'82\'a0-style pairs: Shift-JIS, no longer noted
        t = self.text("sjis.rtf")
        self.assertIn("日本語 sato@example.jp", t)
        n, o = self.emails("sjis.rtf")
        self.assertEqual(n, 1)
        self.assert_full(o)
        self.assertNotIn("unsupported", o.get("coverage_reasons", []))

    def test_rtf_cjk_fonts(self):
        t = self.text("cjk.rtf")
        self.assertIn(gen.ZH + " " + gen.ZH_EMAIL, t)          # \fcharset134 GBK
        self.assertIn(gen.ZH_TW + " " + gen.ZH_TW_EMAIL, t)    # \fcharset136 Big5
        self.assertIn(gen.KO + " " + gen.KO_EMAIL, t)          # \fcharset129 Hangul
        n, o = self.emails("cjk.rtf")
        self.assertEqual(n, 3)
        self.assert_full(o)

    # ---- HTML ----

    def test_html_meta_charset(self):
        t = self.text("cyr.html")
        self.assertIn(gen.RU + ": " + gen.RU_EMAIL, t)
        self.assertIn("Письмо", t)
        n, o = self.emails("cyr.html")
        self.assertEqual(n, 1)
        self.assert_full(o)

    def test_html_http_equiv(self):
        t = self.text("greek.html")
        self.assertIn(gen.GR + " " + gen.GR_EMAIL, t)
        self.assert_full(self.m.obj(self.path("greek.html")))

    def test_html_unsupported_charset_noted(self):
        self.assertIn("li@example.cn", self.text("utf7.html"))
        o = self.m.obj(self.path("utf7.html"))
        self.assertIn("unsupported", o["coverage_reasons"])
        self.assertTrue(any("utf-7" in e for e in o.get("errors", [])), o.get("errors"))

    def test_html_cjk_charsets(self):
        self.assertIn("中文 li@example.cn", self.text("gb.html"))         # gb2312 label
        self.assertIn(gen.ZH + " " + gen.ZH_EMAIL, self.text("gbk.html"))
        t = self.text("euckr.html")                                       # http-equiv euc-kr
        self.assertIn(gen.KO + " " + gen.KO_EMAIL, t)
        self.assertIn(gen.HANJA, t)                                       # hanja in KS X 1001
        self.assertIn(gen.JA2 + " " + gen.JA2_EMAIL, self.text("jis.html"))  # 7-bit, ESC $ B
        for name, want in (("gb.html", 1), ("gbk.html", 1), ("euckr.html", 1), ("jis.html", 1)):
            n, o = self.emails(name)
            self.assertEqual(n, want, name)
            self.assert_full(o)

    def test_html_utf8_beats_label(self):
        t = self.text("utf8_label1251.html")
        self.assertIn(gen.RU + " " + gen.RU_EMAIL, t)

    def test_xhtml_xml_declaration(self):
        o = self.m.obj(self.path("decl1250.xhtml"))
        t = self.text("decl1250.xhtml")
        self.assertIn(gen.PL + " " + gen.PL_EMAIL, t, o["handler"])

    # ---- MIME ----

    def test_eml_koi8_body_and_2047_subject(self):
        t = self.text("koi8.eml")
        self.assertIn("Subject: " + gen.PL, t)              # =?iso-8859-2?Q?...?=
        self.assertIn("From: Ольга <" + gen.KOI_EMAIL + ">", t)  # =?koi8-r?B?...?=
        self.assertIn(gen.KOI + ": " + gen.KOI_EMAIL, t)     # koi8-r 8bit body
        self.assertIn(gen.RU + " " + gen.RU_EMAIL, t)        # windows-1251 QP HTML part
        n, o = self.emails("koi8.eml")
        self.assertGreaterEqual(n, 3)
        self.assert_full(o)
        self.assertFalse(any("not supported" in e for e in o.get("errors", [])), o.get("errors"))

    def test_eml_japanese(self):
        t = self.text("ja.eml")
        self.assertIn("Subject: " + gen.JA_SUBJECT, t)                    # ISO-2022-JP RFC 2047
        self.assertIn("From: 田中太郎 <" + gen.JA_EMAIL + ">", t)
        self.assertIn(gen.JA + "\n連絡先: " + gen.JA_EMAIL, t.replace("\r\n", "\n"))  # Shift_JIS 8bit
        self.assertIn(gen.JA2, t)                                         # ISO-2022-JP 7bit part
        self.assertIn(gen.JA2 + " " + gen.JA2_EMAIL, t)                   # EUC-JP QP HTML part
        self.assertNotIn("\ufffd", t)
        n, o = self.emails("ja.eml")
        self.assertEqual(n, 2)
        self.assert_full(o)
        for k in self.m.by_path(self.path("ja.eml")):  # the message and its parts
            self.assertNotIn("unsupported", k.get("coverage_reasons", []), k["chain"])

    # ---- plain text without a label ----

    def test_plain_japanese_text(self):
        """A Shift_JIS staff CSV (few kana: names, dates) and an EUC-JP memo,
        no BOM, no label: decoded, so the labels in them count (電話番号,
        生年月日); before, read as Windows-1252, only the e-mail addresses
        were found."""
        t = self.text("staff_sjis.csv")
        self.assertIn(gen.JA_CSV_HEAD, t)
        self.assertIn(gen.JA_CSV_ROW, t)
        o = self.m.obj(self.path("staff_sjis.csv"))
        self.assertEqual(lsutil.distinct(o, "phone"), 2)
        self.assertEqual(lsutil.distinct(o, "dob"), 2)
        self.assert_full(o)
        t = self.text("memo_eucjp.txt")
        self.assertIn(gen.JA_MEMO.strip(), t.replace("\r\n", "\n"))
        o = self.m.obj(self.path("memo_eucjp.txt"))
        self.assertEqual(lsutil.distinct(o, "phone"), 1)
        self.assertEqual(lsutil.distinct(o, "dob"), 1)

    def test_plain_european_text_stays_windows_1252(self):
        """German Windows-1252 text whose accented letters all form valid
        Shift_JIS pairs, and English whose curly apostrophes do, is still
        read as Windows-1252."""
        t = self.text("memo_de.txt")
        self.assertIn(gen.DE_MEMO.strip(), t)
        # English with curly apostrophes inside words (kanji-lead pairs)
        t = self.text("memo_en.txt")
        self.assertIn(gen.EN_MEMO.strip(), t)
        self.assertIn(gen.EN_CONTACT.strip(), t)
        n, _ = self.emails("memo_en.txt")
        self.assertEqual(n, 1)

    # ---- Outlook / OLE2 ----

    def test_msg_message_codepage(self):
        t = self.text("cp1251.msg")
        self.assertIn("Subject: " + gen.MSG_SUBJECT, t)
        self.assertIn(gen.RU + ": " + gen.MSG_EMAIL, t)      # PT_STRING8 body
        self.assertIn(gen.KOI + " html.cp@example.ru", t)    # HTML body, PR_INTERNET_CPID
        n, o = self.emails("cp1251.msg")
        self.assertEqual(n, 2)

    def test_msg_cp932(self):
        # PR_MESSAGE_CODEPAGE 932: 8-bit strings are Shift-JIS (here Cyrillic,
        # which JIS X 0208 has), no longer noted unsupported
        t = self.text("cp932.msg")
        self.assertIn("Subject: " + gen.MSG_SUBJECT, t)
        self.assertIn(gen.RU + ": " + gen.MSG_EMAIL, t)
        self.assertIn(gen.KOI + " html.cp@example.ru", t)
        o = self.m.obj(self.path("cp932.msg"))
        self.assertNotIn("unsupported", o.get("coverage_reasons", []))
        self.assertFalse(any("932" in e for e in o.get("errors", [])), o.get("errors"))

    def test_ole2_property_set_codepage(self):
        t = self.text("props1251.ole")
        self.assertIn("Title: " + gen.PROPS_TITLE, t)
        self.assertIn("Author: " + gen.PROPS_AUTHOR, t)

    # ---- the generated tables ----

    def test_tables_are_current(self):
        script = os.path.join(lsutil.SRC, "scripts", "gen_codepages.py")
        header = os.path.join(lsutil.SRC, "src", "core", "codepage_tables.h")
        proc = subprocess.run([sys.executable, script, "--check", header],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())


if __name__ == "__main__":
    unittest.main()
