#!/usr/bin/env python3
"""Quirks found in a sixteenth sweep of other projects' real PDFs
(PdfPig's integration documents, yob/pdf-reader's specs, CERMINE's
papers, olmOCR's "gnarly" PDFs), on small look-alikes made by
tests/gen/gen_realsweep16.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep16  # noqa: E402


class RealSweep16(sweeputil.RealTree):
    GEN = gen_realsweep16
    HANDLER = "pdf"
    NO_ERRORS = True

    def test_cff_builtin_encoding(self):
        self.full("cff_builtin.pdf")
        t = self.text("cff_builtin.pdf")
        # no /Encoding: the CFF's encoding (format 0) and charset (format
        # 0), "ffi" a standard string, "uni00E9" one of the String INDEX
        self.assertIn("An efficient financial office floor, r\u00e9sum\u00e9 of Jane Roe\n", t)
        # /Differences over the built-in encoding (format 1, a supplement
        # "at" at 0x21) with a charset of format 1
        self.assertIn("Sufficient field staff@-\n", t)
        # an OpenType font's 'CFF ' table, charset format 2
        self.assertIn("The officer filed it\n", t)
        # /WinAnsiEncoding named: the font fills only its empty codes
        self.assertIn("the files of the office\n", t)
        # the program says StandardEncoding: 0xAE is "fi", 0xD0 an em dash
        self.assertIn("confidential \u2014 profile\n", t)
        # a CID-keyed CFF names no glyph: the codes stay WinAnsi
        self.assertIn("Plain B text\n", t)

    def test_type3_bitmap_font_em(self):
        o = self.full("type3_bitmap.pdf")
        t = self.text("type3_bitmap.pdf")
        # a one-pixel correction inside a word is no word gap
        self.assertIn("Accelerator Facility Theory Group\n", t)
        self.assertIn("Additional copies are available from the authors.\n", t)
        self.assertIn("Contact jane.roe@example.org SSN 536-22-1874\n", t)
        self.assertIn("ssn", lsutil.entities(o))
        self.assertIn("email", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
