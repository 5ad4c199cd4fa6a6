#!/usr/bin/env python3
"""Quirks found in a fourth sweep of other projects' test documents
(dotnet/Open-XML-SDK, NPOI, exceljs, odfpy, ezodf, rtf.js, pyth,
pdf-association), on small look-alikes made by tests/gen/gen_realsweep4.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep4  # noqa: E402


class RealSweep4(sweeputil.RealTree):
    GEN = gen_realsweep4

    def test_docx_symbol_font(self):
        self.full("symbol.docx", "ooxml")
        t = self.text("symbol.docx")
        # the Symbol font's minus (F02D) is a minus, not nothing between digits
        self.assertIn("The rank is n-1, so the form has n-1 terms.\n", t)
        self.assertNotIn("n1", t)
        # Greek letters and relations from Symbol
        self.assertIn("Significance \u03b1 \u2264 0.05, \u0394t \u00b1 2 s\n", t)
        # a Wingdings tick is a picture: nothing, the words after it whole
        self.assertIn("\nApproved by Jane Roe\n", t)
        # a run in the Symbol font: its glyphs, the next run as it is
        self.assertIn("\nDisplay Field: \u2022 Delta \u0394D beside it\n", t)
        self.assertNotIn("\uf0b7", t)

    def test_xlsx_header_colour_codes(self):
        o = self.full("hfcolour.xlsx", "ooxml")
        t = self.text("hfcolour.xlsx")
        self.assertIn("Employee SSN 536-22-1874 Prepared by Jane Roe\nPayroll\n", t)
        self.assertIn("Project Completion  of\n", t)
        for code in ("000000", "FF0000", "01+033", "04-050"):
            self.assertNotIn(code, t)
        # the SSN after a colour change is whole, and found
        self.assertIn("ssn", lsutil.entities(o), o["findings"])

    def test_xlsx_drawing_anchors_are_no_text(self):
        self.full("anchors.xlsx", "ooxml")
        t = self.text("anchors.xlsx")
        # the text boxes and the comment stay
        self.assertIn("Remove the burr at the red line\n", t)
        self.assertIn("Inspector badge 4471 Jane Roe\n", t)
        self.assertIn("Check the hole", t)
        # their anchors' cells and offsets, the comment box's client data go
        for noise in ("38100", "581025", "47625", "171450", "6, 15, 41", "False"):
            self.assertNotIn(noise, t)
        lines = t.split("\n")
        for n in ("0", "2", "3", "4", "5", "7", "41", "42", "44"):
            self.assertNotIn(n, lines)

    def test_xlsx_xstring_escapes(self):
        self.full("xstring.xlsx", "ooxml")
        t = self.text("xstring.xlsx")
        # CRLF in a shared string: one line break; a CR at the end: nothing
        self.assertIn("Phone 555-867-5309\nMobile 555-867-5310\t", t)
        self.assertIn("Fax 555-867-5311\tnext\t", t)
        # an escaped underscore keeps the literal text
        self.assertIn("Escaped literally: _x000D_\t", t)
        # LF between rich-text runs; a character outside the BMP
        self.assertIn("SSN 536-22-1874\nJane Roe\t", t)
        self.assertIn("Mood \U0001F600 ok\t", t)
        # a comment's text
        self.assertIn("Call 555-867-5312\nafter noon", t)
        for esc in ("_x000D_\n", "_x000a_", "_x005F_", "_xD83D_"):
            self.assertNotIn(esc, t)


if __name__ == "__main__":
    unittest.main()
