#!/usr/bin/env python3
"""Quirks found in a thirteenth sweep of other projects' real PDFs
(Unstructured, docling, grobid, MinerU, haystack, markitdown, pdfio,
pdf-rs, lopdf, FPDI, pdf2htmlEX, pdf20examples, openpreserve's
format-corpus), on small look-alikes made by tests/gen/gen_realsweep13.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep13  # noqa: E402


class RealSweep13(sweeputil.RealTree):
    GEN = gen_realsweep13
    HANDLER = "pdf"
    NO_ERRORS = True

    def test_words_broken_at_line_ends_are_joined(self):
        o = self.full("hyphenated.pdf")
        t = self.text("hyphenated.pdf")
        self.assertIn("an accidental disclosure of strictly confidential records", t)
        # a U+2010 hyphen (Word's automatic hyphenation), a soft hyphen
        self.assertIn("jane.roe@corporation.example", t)
        self.assertIn("payroll office", t)
        self.assertIn("email", lsutil.entities(o))
        # digits keep the hyphen and lose the line end (pdf20); a capital
        # after the break: left as it is
        self.assertIn("555-0100", t)
        self.assertIn("Smith-\nJones", t)

    def test_type1_builtin_encoding(self):
        self.full("builtin_t1.pdf")
        t = self.text("builtin_t1.pdf")
        # no /Encoding: the font program's (TeX's ligatures at 11-15)
        self.assertIn("An efficient financial office floor\n", t)
        # cmsy's braces: the address list is whole
        self.assertIn("{melissa.dell,jacob.carlson}@fas.example.edu", t)
        # /Differences over the built-in encoding
        self.assertIn("A sufficient field\n", t)
        # /MacRomanEncoding: its empty control codes drawn by the font
        self.assertIn("the staff files\n", t)
        # /StandardEncoding's upper half: 0xAE is "fi", 0xD0 an em dash
        self.assertIn("confidential \u2014 profile\n", t)

    def test_accents_drawn_over_letters(self):
        self.full("accents.pdf")
        t = self.text("accents.pdf")
        self.assertIn("Hervé Jégou and Heinrich Küttler wrote to Baudiš\n", t)
        self.assertIn("Pierre-François Krasiński, a naïve Grégory\n", t)
        self.assertIn("C. Gérard and J. Kyrölä, Müller\n", t)
        self.assertIn("www.example.edu/\u02dcjdoe for one`s notes, it\u00b4s\n", t)

    def test_accents_in_an_earlier_revision(self):
        self.full("accents_update.pdf")
        t = self.text("accents_update.pdf")
        self.assertIn("Hervé Jégou and Heinrich Küttler wrote to Baudiš\n", t)
        self.assertIn("Approved by Jane Roe", t)
        # the old stream's lines are the current ones: nothing added
        self.assertNotIn("[unused content", t)
        self.assertNotIn("Herv\u00b4e", t)

    def test_quartz_glyph_ids_without_cmap(self):
        o = self.full("quartz_gids.pdf")
        t = self.text("quartz_gids.pdf")
        # the empty ToUnicode no longer hides the font's own tables
        self.assertIn("Obs 1: The Apple Remote, SSN 536-22-1874\n", t)
        self.assertIn("Act 2: Search[Apple Remote] for jane.roe@corp.example\n", t)
        # glyphs renumbered by a CIDToGIDMap stream: not the Macintosh order
        self.assertIn("Invoice 4417 for Jane Roe\n", t)
        self.assertIn("ssn", lsutil.entities(o))
        self.assertIn("email", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
