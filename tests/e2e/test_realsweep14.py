#!/usr/bin/env python3
"""Office documents' quirks (tests/gen/gen_realsweep14.py): Word list
levels restarted as w:lvlRestart (.doc: fNoRestart) says and list
instances redefining a level (w:lvlOverride w:lvl, .doc: an LFOLVL's
LVL) numbered as Word shows them; a workbook zipped
with backslashes and lower-case part names read as a workbook; slide
paragraphs numbered by their layout's or master's text styles; numbers
under percent and fraction formats as shown; an ods's data styles are no
text."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep14  # noqa: E402


class RealSweep14(sweeputil.KeyedLines, sweeputil.RealTree):
    GEN = gen_realsweep14

    def test_word_list_restarts(self):
        got = self.lines("restart.docx")
        self.assertNotIn("a) Third sub", got)  # lvlRestart 0: never restarts
        self.assertNotIn("3. Gamma", got)  # its own format, the list's count
        got = self.lines("restart.doc")  # Word 97: fNoRestart, an LFOLVL's own LVL
        self.assertNotIn("a) Third sub", got)
        self.assertNotIn("3. Gamma", got)

    def test_pptx_inherited_numbers(self):
        got = self.lines("inherit.pptx")
        self.assertNotIn("First point", got)  # "1. First point"
        for plain in ("Quarterly review", "Not numbered", "Plain note", "Speaker note Jane Roe"):
            self.assertIn(plain, got)  # a title, own a:buNone, a text box, the notes

    def test_ods_data_styles(self):
        got = self.lines("datastyles.ods")
        self.assertEqual(got[0], "sheet: Staff")  # no "%// EUR" line before it
        self.assertEqual(sum(ln.count("EUR") for ln in got), 1)

    def test_backslash_package(self):
        o = self.m.obj(self.p("backslash.xlsx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
