#!/usr/bin/env python3
"""Quirks found in a fifth sweep of other projects' test documents
(unstructured, docling, markitdown, kreuzberg, oletools, py-pdf
sample-files), on small look-alikes made by tests/gen/gen_realsweep5.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep5  # noqa: E402


class RealSweep5(sweeputil.RealTree):
    GEN = gen_realsweep5

    def test_rtf_fromhtml_block_tags_break_lines(self):
        o = self.full("fromhtml.rtf", "rtf")
        t = self.text("fromhtml.rtf")
        # list items: one line each, not "Roses are redViolets are blue"
        self.assertIn("Important points:\nRoses are red\nViolets are blue\n", t)
        # table cells set apart, rows on their own lines
        self.assertIn("\nJane Roe\t536-22-1874\t\nJohn Doe\t078-05-1120\t\n", t)
        # inline markup (<b>, <a>) glues: the phone number stays whole
        self.assertIn("\nCall 555-0100 or Jane today.\nRegards\n", t)
        # the markup itself is no text
        for noise in ("<li>", "<td", "htmltag", "mailto:", "class="):
            self.assertNotIn(noise, t)
        self.assertIn("ssn", lsutil.entities(o), o["findings"])

    def test_pptx_google_slides_metadata_is_no_arc_archive(self):
        o = self.full("gslides.pptx", "ooxml")
        self.assertEqual(o["alerts"], [])
        meta = self.m.obj(self.p("gslides.pptx"), ["ppt/metadata"])
        self.assertEqual(meta["coverage"], "full", meta["errors"])
        self.assertNotEqual(meta["file"]["mime_type"], "application/x-arc")
        self.assertNotIn("ARC", meta["magic"])
        self.assertIn("Quarterly table exported from Google Slides",
                      self.text("gslides.pptx"))

    def test_pdf_right_to_left_in_reading_order(self):
        self.full("rtl.pdf", "pdf")
        t = self.text("rtl.pdf")
        # letters drawn left to right come back in reading order, the
        # phone number inside the Arabic run as it reads
        self.assertIn("\u0631\u0642\u0645 \u0627\u0644\u0647\u0627\u062a\u0641 555-0100 "
                      "\u0644\u0644\u0645\u0648\u0638\u0641", t)
        self.assertNotIn("0010-555", t)
        # the lam-alef ligature's two letters stay in their order: "الاسم"
        self.assertIn("\u0627\u0644\u0627\u0633\u0645 \u0645\u062d\u0645\u062f\n", t)
        # runs stay in content order; Latin as it is
        self.assertIn("\u0628\u0644\u063a\u0629 Python\n", t)
        self.assertNotIn("\u0629\u063a\u0644\u0628", t)  # "ةغلب": the word backwards
        # runs written left to right, one show each: one line in reading
        # order, the Arabic-Indic numbers as they read
        self.assertIn("\u0661\u0664 \u0625\u0628\u0631\u064a\u0644 \u0661\u0664\u0663\u0664\n", t)
        # a glyph giving a word in reading order and a Latin letter: as is
        self.assertIn("\u0646\u0648\u0631 ABC \u0646\u0648\u0631", t)
        # a glyph mapped to nothing (<5A> <>) shows nothing, not "Z"
        self.assertNotIn("Z", t)
        # a sign before the digits stays with them: the phones are found
        self.assertIn("\u0631\u0642\u0645 +972 3 555 1234 \u0644\u0644\u0645\u0648\u0638\u0641", t)
        self.assertIn("\u0631\u0642\u0645 (212) 867-5309 \u0644\u0644\u0645\u0648\u0638\u0641", t)
        o = self.full("rtl.pdf", "pdf")
        self.assertGreaterEqual(lsutil.distinct(o, "phone"), 2)

    def test_word2_document(self):
        o = self.full("word2.doc", "word2")
        t = self.text("word2.doc")
        self.assertIn("Personnel record\nName\tSSN\t\nJane Roe\t536-22-1874\t\n", t)
        self.assertIn("Caf\u00e9 Zo\u00eb \u2013 \u201cquoted\u201d\n", t)
        # the field's instruction (data) and result, apart; line and page breaks
        self.assertIn('HYPERLINK "mailto:jane.roe@example.com"', t)
        self.assertIn(" Jane Roe  today\nsecond line\nPage two\n", t)
        self.assertIn("ssn", lsutil.entities(o), o["findings"])


if __name__ == "__main__":
    unittest.main()
