#!/usr/bin/env python3
"""Words the seventeenth sweep's reference extractors found and leaksift
lost (tests/gen/gen_realsweep17.py): an xlsx cell's formula-result string
(t="str") longer than 256 bytes is read whole, and an inline-string cell's
text in a <v> (LibreOffice 4) is read; a Far East Word 6/95
file's text (fExtChar) is UTF-16LE, its pieces two bytes a character."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep17  # noqa: E402


class RealSweep17(sweeputil.KeyedLines, sweeputil.RealTree):
    GEN = gen_realsweep17

    def test_long_str_cell_scanned(self):
        o = self.m.obj(self.p("strcells.xlsx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertIn("ssn", lsutil.entities(o))

    def test_inline_v_scanned(self):
        self.assertIn("ssn", lsutil.entities(self.m.obj(self.p("inlinev.xlsx"))))

    def test_fareast_word6_ssns(self):
        # the edit's SSN ends its piece (half of it was read before); the
        # deleted paragraph's is in fcMin..fcMac, in no piece
        o = self.m.obj(self.p("fareast6.doc"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(self.count("fareast6.doc", "ssn"), 2)


if __name__ == "__main__":
    unittest.main()
