#!/usr/bin/env python3
"""The nineteenth session's PDF and mail cases, on small files made by
tests/gen/gen_mailpdf19.py: Type0 fonts whose /Encoding is an embedded
CMap, a ToUnicode that leaves CIDs out, predefined CMaps no code page reads
exactly (through poppler-data's cMap files, loaded before the fork, or
honestly partial without them), and a .msg cut inside its last sector."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_mailpdf19 as gen  # noqa: E402

POPPLER = os.environ.get("LEAKSIFT_POPPLER_DATA") or "/usr/share/poppler"
HAVE_TABLES = all(os.path.exists(os.path.join(POPPLER, "cidToUnicode", "Adobe-" + o))
                  for o in ("Japan1", "GB1", "CNS1", "Korea1"))
HAVE_CMAPS = HAVE_TABLES and all(os.path.exists(os.path.join(POPPLER, "cMap", c))
                                 for c in ("Adobe-Japan1/90ms-RKSJ-H", "Adobe-CNS1/CNS-EUC-H",
                                           "Adobe-Korea1/KSC-Johab-H", "Adobe-GB1/GBK2K-H",
                                           "Adobe-CNS1/HKscs-B5-H"))


class MailPdf19(lsutil.GeneratedTree):
    GEN = gen

    def full(self, name, *chain):
        o = self.m.obj(self.p(name), list(chain))
        self.assertEqual(o["coverage"], "full", (o["coverage_reasons"], o["errors"]))
        return o

    def has_words(self, t, words):
        for w in words:
            self.assertIn(w, t)
        self.assertNotIn("\ufffd", t)

    # ---- PDF: CID fonts ----

    @unittest.skipUnless(HAVE_CMAPS, "poppler-data's cidToUnicode tables and cMap files are not installed")
    def test_embedded_cmap_encoding(self):
        """/Encoding an embedded CMap stream: its cidchar/cidrange give the
        CIDs, the collection's table their text; the second font's CMap
        uses 90ms-RKSJ-H and adds one code."""
        o = self.full("cjk_embedded_cmap.pdf")
        t = self.text("cjk_embedded_cmap.pdf")
        self.has_words(t, gen.EMB_WORDS)
        self.assertIn("SSN %s %s" % (gen.SSN_EMB, gen.EMAIL_EMB), t)
        self.assertIn("社 山田太郎 SSN", t)
        self.assertEqual(sorted(lsutil.last4s(o, "ssn")), sorted([gen.SSN_EMB[-4:], gen.SSN_USE[-4:]]))
        self.assertEqual(len(self.redacted(o, "email")), 1, o["findings"])

    @unittest.skipUnless(HAVE_TABLES, "poppler-data's cidToUnicode tables are not installed")
    def test_partial_tounicode_falls_back_to_the_collection(self):
        o = self.full("cjk_partial_tounicode.pdf")
        t = self.text("cjk_partial_tounicode.pdf")
        self.has_words(t, gen.PTU_WORDS)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_PTU[-4:]])
        self.assertEqual(len(self.redacted(o, "email")), 1, o["findings"])

    @unittest.skipUnless(HAVE_CMAPS, "poppler-data's cidToUnicode tables and cMap files are not installed")
    def test_predefined_legacy_cmaps(self):
        o = self.full("cjk_legacy_cmaps.pdf")
        t = self.text("cjk_legacy_cmaps.pdf")
        for key, _, _, cmap, words, ssn, _ in gen.LEGACY:
            with self.subTest(cmap):
                self.has_words(t, words)
                self.assertIn("SSN %s" % ssn, t)
        self.assertEqual(sorted(lsutil.last4s(o, "ssn")), sorted(x[5][-4:] for x in gen.LEGACY))

    @unittest.skipUnless(HAVE_TABLES, "poppler-data's cidToUnicode tables are not installed")
    def test_codes_split_by_the_encoding(self):
        """An empty ToUnicode's one-byte codespace does not cut Identity-H
        codes; a byte outside an embedded CMap's codespace that a cidchar
        names is that code."""
        o = self.full("cjk_codespace_gaps.pdf")
        t = self.text("cjk_codespace_gaps.pdf")
        self.has_words(t, gen.GAP_WORDS)
        self.assertIn("社 SSN %s" % gen.SSN_GAP, t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_GAP[-4:]])

    def test_without_poppler_data_is_partial(self):
        """Without poppler-data (LEAKSIFT_POPPLER_DATA naming an empty
        directory): the embedded CMap still gives the ASCII CIDs, the CJK
        glyphs are U+FFFD and the file unsupported; CNS-EUC-H, with no code
        page, is the same."""
        old = os.environ.get("LEAKSIFT_POPPLER_DATA")
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["LEAKSIFT_POPPLER_DATA"] = tmp
            try:
                _, m = lsutil.scan(tmp, [self.p("cjk_embedded_cmap.pdf"), self.p("cjk_legacy_cmaps.pdf")])
                t = self.text("cjk_embedded_cmap.pdf")
            finally:
                if old is None:
                    del os.environ["LEAKSIFT_POPPLER_DATA"]
                else:
                    os.environ["LEAKSIFT_POPPLER_DATA"] = old
        for name in ("cjk_embedded_cmap.pdf", "cjk_legacy_cmaps.pdf"):
            with self.subTest(name):
                o = m.obj(self.p(name))
                self.assertEqual(o["coverage"], "partial")
                self.assertIn("unsupported", o["coverage_reasons"])
                self.assertTrue(any("Adobe CJK" in e for e in o["errors"]), o["errors"])
        self.assertIn("SSN %s %s" % (gen.SSN_EMB, gen.EMAIL_EMB), t)
        self.assertIn("\ufffd", t)
        self.assertNotIn("山田", t)

    def test_list_box_options_when_appearances_are_to_be_made(self):
        o = self.full("need_appearances.pdf")
        t = self.text("need_appearances.pdf")
        for x in gen.OPTIONS:
            self.assertIn(x, t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_OPT[-4:]])

    # ---- .msg cut inside its last sector ----

    def test_msg_cut_one_byte_short(self):
        o = self.m.obj(self.p("cut_last_sector.msg"))
        self.assertEqual(o["coverage"], "partial", o["errors"])
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertTrue(any("ends inside sector" in e for e in o["errors"]), o["errors"])
        self.assertIn(gen.SSN_MSG[-4:], lsutil.last4s(o, "ssn"))

    def test_whole_msg_is_full(self):
        self.full("whole.msg")
        kid = self.full("whole.msg", "staff.csv")
        self.assertIn(gen.SSN_MSG[-4:], lsutil.last4s(kid, "ssn"))


if __name__ == "__main__":
    unittest.main()
