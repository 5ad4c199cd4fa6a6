#!/usr/bin/env python3
"""The eighteenth session's PDF and mail cases, on small files made by
tests/gen/gen_mailpdf18.py: CJK CID fonts without ToUnicode read through
poppler-data's tables (or honestly partial without them); cut messages
and stores that the format shows cut are never `full`."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_mailpdf18 as gen  # noqa: E402

POPPLER = os.environ.get("LEAKSIFT_POPPLER_DATA") or "/usr/share/poppler"
HAVE_TABLES = all(os.path.exists(os.path.join(POPPLER, "cidToUnicode", "Adobe-" + o))
                  for o in ("Japan1", "GB1", "Korea1"))

CJK = (("cjk_japan1.pdf", gen.JP_WORDS, gen.SSN_JP, gen.EMAIL_JP),
       ("cjk_gb1.pdf", gen.GB_WORDS, gen.SSN_GB, gen.EMAIL_GB),
       ("cjk_korea1.pdf", gen.KR_WORDS, gen.SSN_KR, gen.EMAIL_KR))


class MailPdf18(lsutil.GeneratedTree):
    GEN = gen

    def full(self, name, *chain):
        o = self.m.obj(self.p(name), list(chain))
        self.assertEqual(o["coverage"], "full", (o["coverage_reasons"], o["errors"]))
        return o

    # ---- PDF: Adobe CJK CID fonts without ToUnicode ----

    @unittest.skipUnless(HAVE_TABLES, "poppler-data's cidToUnicode tables are not installed")
    def test_cjk_cid_fonts_read_through_poppler_data(self):
        for name, words, ssn, email in CJK:
            with self.subTest(name):
                o = self.full(name)
                t = self.text(name)
                for w in words:
                    self.assertIn(w, t)
                self.assertNotIn("\ufffd", t)
                self.assertEqual(lsutil.last4s(o, "ssn"), [ssn[-4:]])
                self.assertEqual(len(self.redacted(o, "email")), 1, o["findings"])

    def test_cjk_without_tables_is_partial(self):
        """Without poppler-data (LEAKSIFT_POPPLER_DATA naming an empty
        directory): the CJK glyphs are U+FFFD and the file unsupported, the
        ASCII CIDs still read."""
        old = os.environ.get("LEAKSIFT_POPPLER_DATA")
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["LEAKSIFT_POPPLER_DATA"] = tmp
            try:
                _, m = lsutil.scan(tmp, [self.p("cjk_japan1.pdf")])
                t = self.text("cjk_japan1.pdf")
            finally:
                if old is None:
                    del os.environ["LEAKSIFT_POPPLER_DATA"]
                else:
                    os.environ["LEAKSIFT_POPPLER_DATA"] = old
        o = m.obj(self.p("cjk_japan1.pdf"))
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("unsupported", o["coverage_reasons"])
        self.assertTrue(any("Adobe CJK" in e for e in o["errors"]), o["errors"])
        self.assertIn("SSN %s" % gen.SSN_JP, t)
        self.assertIn("\ufffd", t)
        self.assertNotIn("山田", t)


    def test_utf8_and_utf32_unicode_cmaps(self):
        for name, text, ssn in (("cjk_utf8.pdf", gen.UTF8_TEXT, gen.SSN_UTF8),
                                ("cjk_utf32.pdf", gen.UTF32_TEXT, gen.SSN_UTF32)):
            with self.subTest(name):
                o = self.full(name)
                self.assertIn(text, self.text(name))
                self.assertEqual(lsutil.last4s(o, "ssn"), [ssn[-4:]])
                self.assertEqual(len(self.redacted(o, "email")), 1, o["findings"])

    # ---- cut mail ----

    def cut(self, name, why):
        o = self.m.obj(self.p(name))
        self.assertEqual(o["coverage"], "partial", o["errors"])
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertTrue(any(why in e for e in o["errors"]), o["errors"])
        return o

    def test_message_cut_inside_its_header_block(self):
        o = self.cut("cut_header.eml", "ends inside a header field")
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_HDR[-4:]])

    def test_header_only_message_is_whole(self):
        o = self.full("header_only.eml")
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_HDR[-4:]])

    def test_base64_body_cut_inside_a_group(self):
        self.cut("cut_b64.eml", "base64 body ends inside a 4-character group")
        kid = self.m.obj(self.p("cut_b64.eml"), ["staff.csv"])
        self.assertEqual(kid["coverage"], "partial")
        self.assertIn("truncated", kid["coverage_reasons"])

    def test_padded_base64_body_is_whole(self):
        self.full("padded_b64.eml")
        kid = self.full("padded_b64.eml", "staff.csv")
        self.assertIn(gen.SSN_B64[-4:], lsutil.last4s(kid, "ssn"))

    def test_forwarded_header_block_in_a_part_is_whole(self):
        self.full("fwd_headers.eml")
        for o in self.m.objects:
            if o["path"].startswith(self.p("fwd_headers.eml")):
                self.assertEqual(o["coverage"], "full", (o["chain"], o["errors"]))

    def test_pst_cut_short_of_its_header_eof(self):
        o = self.cut("cut_store.pst", "pst: the store is cut")
        self.assertNotIn("parse_error", o["coverage_reasons"])  # what libpff reads is whole


if __name__ == "__main__":
    unittest.main()
